import { makeChineseName } from '../makeChineseName.js';
import type { Random } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';
import type { SampleDataPlan } from '../sampleDataPlans.js';
import type { SeedOrganisation } from '../SeedWorld.js';
import type { OrgRegistry } from './createOrgRegistry.js';
import { makeGovernmentBody } from './orgCodeBodies.js';
import { CITY_AREA_CODE, SEED_DISTRICTS, fillTemplate } from './seedDistricts.js';

type Tier = 'core' | 'extended';
interface CityBody { key: string; name: string; abbr: string; parent: string | null; tier: Tier; establishedOn: string }
interface DistrictBody { key: string; name: string; abbr: string; parent: string; tier: Tier }
interface GovernmentBodyFile {
  city: CityBody[];
  district: DistrictBody[];
  street: { name: string };
  reform2019: { districtEstablishedOn: string; district: string[] };
}

// Relative head counts for placing civil servants: police and tax are the big employers.
const STAFF_WEIGHTS: Readonly<Record<string, number>> = { GAJ: 4, SWJ: 2.5, ZY: 2, SCJG: 2, GOV: 0.8, SW: 0.5 };

/** Whether a body of `tier` belongs in a plan of `planTier`. */
export function isInTier(tier: Tier, planTier: Tier): boolean {
  return tier === 'core' || planTier === 'extended';
}

/**
 * Adds the government bodies (11…) of the plan's tier: city bodies, then each district's government,
 * departments and branches of city bodies, then (extended tier) street offices. Keys are `SCJG` for
 * city bodies, `SCJG@440305` for district ones and `JD@440305@粤海` for street offices.
 */
export function buildGovernmentBodies(registry: OrgRegistry, random: Random, plan: SampleDataPlan): SeedOrganisation[] {
  const data = readSeedJson<GovernmentBodyFile>('names/governmentBodies.json');
  const added: SeedOrganisation[] = [];
  const head = () => (random.chance(0.5) ? makeChineseName(random) : null);
  const reformed = new Set(data.reform2019.district);
  for (const body of data.city.filter((b) => isInTier(b.tier, plan.tier))) {
    added.push(registry.add({
      prefix: '11', area: CITY_AREA_CODE, makeBody: () => makeGovernmentBody(random), name: body.name,
      districtCode: CITY_AREA_CODE, parent: body.parent ? registry.byKey(body.parent) ?? null : null,
      legalRepresentative: head(), establishedOn: body.establishedOn, group: 'GOVERNMENT',
      key: body.key, abbr: body.abbr, staffWeight: 3 * (STAFF_WEIGHTS[body.key] ?? 1),
    }));
  }
  for (const district of SEED_DISTRICTS) {
    const values = { district: district.nameZh, short: district.short, abbr: district.abbr, court: district.courtCode };
    for (const body of data.district.filter((b) => isInTier(b.tier, plan.tier))) {
      const parentKey = body.parent.startsWith('city:') ? body.parent.slice(5) : `${body.parent}@${district.code}`;
      added.push(registry.add({
        prefix: '11', area: district.code, makeBody: () => makeGovernmentBody(random),
        name: fillTemplate(body.name, values), districtCode: district.code,
        parent: registry.byKey(parentKey) ?? null, legalRepresentative: head(),
        // A body the 2019 reform created in the district dates from the reform (or the district, if younger).
        establishedOn: reformed.has(body.key) && district.establishedOn < data.reform2019.districtEstablishedOn
          ? data.reform2019.districtEstablishedOn : district.establishedOn,
        group: 'GOVERNMENT', key: `${body.key}@${district.code}`,
        abbr: fillTemplate(body.abbr, values), staffWeight: 1.5 * (STAFF_WEIGHTS[body.key] ?? 1),
      }));
    }
    if (plan.tier !== 'extended') continue;
    for (const street of district.streets) {
      added.push(registry.add({
        prefix: '11', area: district.code, makeBody: () => makeGovernmentBody(random),
        name: fillTemplate(data.street.name, { ...values, street }), districtCode: district.code,
        parent: registry.byKey(`GOV@${district.code}`) ?? null, legalRepresentative: head(),
        establishedOn: district.establishedOn, group: 'GOVERNMENT', key: `JD@${district.code}@${street}`,
        staffWeight: 1,
      }));
    }
  }
  return added;
}

/**
 * Adds the mass organisations that confer honours (the trade union federation, USCC 13…: a mass organisation
 * staffed under the establishment office) after every other organisation, from their own PRNG stream so the rest
 * of the world stays as it was. They are in `bodiesByKey` but in no subject pool: they never are record subjects.
 */
export function addMassOrganisations(registry: OrgRegistry, random: Random): SeedOrganisation[] {
  const { massOrganisations } = readSeedJson<{ massOrganisations: { key: string; name: string; abbr: string; establishedOn: string }[] }>('names/governmentBodies.json');
  return massOrganisations.map((body) => registry.add({
    prefix: '13', area: CITY_AREA_CODE, makeBody: () => makeGovernmentBody(random), name: body.name, districtCode: CITY_AREA_CODE,
    parent: null, legalRepresentative: null, establishedOn: body.establishedOn, group: 'SOCIAL', key: body.key, abbr: body.abbr,
  }));
}
