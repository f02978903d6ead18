import { makeChineseName } from '../makeChineseName.js';
import { type Random, toDayNumber, toIsoDate } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';
import type { SampleDataPlan } from '../sampleDataPlans.js';
import type { SeedOrganisation } from '../SeedWorld.js';
import type { NewOrganisation, OrgRegistry } from './createOrgRegistry.js';
import { isInTier } from './buildGovernmentBodies.js';
import { makeInstitutionBody } from './orgCodeBodies.js';
import { CITY_AREA_CODE, SEED_DISTRICTS, fillTemplate } from './seedDistricts.js';
import type { SeedDistrict } from './seedDistricts.js';

type Tier = 'core' | 'extended';
interface CityInstitution { name: string; parent: string; tier: Tier; establishedOn: string }
interface DistrictInstitution { name: string; parent: string; tier: Tier }
interface InstitutionFile { city: CityInstitution[]; district: DistrictInstitution[]; street: { name: string; parent: string }[] }

// Institutions set up in a district are dated between the district's founding and the end of 2018,
// so that every one exists before the first generated credit record.
const LATEST_FOUNDING = toDayNumber('2018-12-31');

/**
 * Adds public institutions (12…): the core ones of every size, then, when the plan sets a quota for
 * bodies and institutions together, extended ones and street-level schools and service centres until
 * the quota is met. Parents are the supervising bodies (a district body when there is one).
 */
export function buildInstitutions(
  registry: OrgRegistry,
  random: Random,
  plan: SampleDataPlan,
  governmentBodyCount: number,
): SeedOrganisation[] {
  const data = readSeedJson<InstitutionFile>('names/institutions.json');
  const quota = plan.governmentAndInstitutions === null ? Number.POSITIVE_INFINITY : plan.governmentAndInstitutions - governmentBodyCount;
  const added: SeedOrganisation[] = [];
  const add = (input: Omit<NewOrganisation, 'prefix' | 'makeBody' | 'group' | 'legalRepresentative'>) => {
    if (added.length >= quota || registry.hasName(input.name)) return;
    const legalRepresentative = random.chance(0.8) ? makeChineseName(random) : null;
    added.push(registry.add({ ...input, prefix: '12', makeBody: () => makeInstitutionBody(random), group: 'INSTITUTION', legalRepresentative }));
  };
  const inDistrict = (district: SeedDistrict, name: string, parentKey: string, street?: string) => {
    const values = { district: district.nameZh, street: street ?? '' };
    add({
      area: district.code, name: fillTemplate(name, values), districtCode: district.code,
      parent: registry.byKey(parentKey === 'street' ? `JD@${district.code}@${street}` : `${parentKey}@${district.code}`)
        ?? registry.byKey(parentKey === 'street' ? `GOV@${district.code}` : parentKey) ?? null,
      establishedOn: toIsoDate(random.dayBetween(toDayNumber(district.establishedOn), LATEST_FOUNDING)),
    });
  };
  for (const tier of ['core', 'extended'] as const) {
    if (!isInTier(tier, plan.tier)) continue;
    for (const institution of data.city.filter((i) => i.tier === tier)) {
      add({
        area: CITY_AREA_CODE, name: institution.name, districtCode: CITY_AREA_CODE,
        parent: registry.byKey(institution.parent) ?? null, establishedOn: institution.establishedOn,
      });
    }
    for (const district of SEED_DISTRICTS) {
      for (const template of data.district.filter((i) => i.tier === tier)) inDistrict(district, template.name, template.parent);
    }
  }
  if (plan.tier === 'extended') {
    for (const template of data.street) {
      for (const district of SEED_DISTRICTS) {
        for (const street of district.streets) inDistrict(district, template.name, template.parent, street);
      }
    }
  }
  return added;
}
