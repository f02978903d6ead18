import { makeChineseName, makeGivenName, pickSurname } from '../makeChineseName.js';
import { createWeightedPicker, type Random } from '../../../src/codes/index.js';
import type { SampleDataPlan } from '../sampleDataPlans.js';
import type { OrgRegistry } from './createOrgRegistry.js';
import { createFoundingDatePicker } from './createFoundingDatePicker.js';
import { makeCooperativeName, makeEnterpriseName, makeIndividualBusinessName } from './makeBusinessNames.js';
import { makeEnterpriseBody, makeIndividualBusinessBody } from './orgCodeBodies.js';
import { CITY_AREA_CODE, NANSHAN_CODE, QIANHAI_CODE, SEED_DISTRICTS } from './seedDistricts.js';
import type { SeedDistrict } from './seedDistricts.js';

const pickDistrict = createWeightedPicker(SEED_DISTRICTS.map((d) => [d, d.enterpriseShare] as const));
// Farming survives in the outer districts only.
const RURAL_DISTRICTS = SEED_DISTRICTS.filter((d) => ['440306', '440307', '440310', '440311'].includes(d.code));

const MAX_NAME_ATTEMPTS = 10_000;

/** Makes names until one is not yet registered; throws if `make` finds none in 10,000 attempts. */
export function freeName(registry: OrgRegistry, make: (attempt: number) => string): string {
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
    const name = make(attempt);
    if (!registry.hasName(name)) return name;
  }
  throw new Error(`no free organisation name after ${MAX_NAME_ATTEMPTS} attempts (last pattern: ${make(0)})`);
}

// The first ones go one to each district, so every size covers all of them.
function districtFor(random: Random, index: number): SeedDistrict {
  return SEED_DISTRICTS[index] ?? pickDistrict(random);
}

/**
 * Adds enterprises (91), individual businesses (92) and farmers' co-operatives (93) in the numbers of
 * the plan. Most register with their district's code, a quarter with the city's 440300; about one
 * in ten Nanshan enterprises sits in Qianhai (district code 440313, when the districts table has it).
 */
export function buildBusinesses(registry: OrgRegistry, random: Random, plan: SampleDataPlan, asOf: string): void {
  const enterpriseFounding = createFoundingDatePicker(1985, asOf);
  const shopFounding = createFoundingDatePicker(2000, asOf);
  const cooperativeFounding = createFoundingDatePicker(2008, asOf);
  for (let i = 0; i < plan.enterprises; i++) {
    const district = districtFor(random, i);
    const qianhai = QIANHAI_CODE !== null && district.code === NANSHAN_CODE && random.chance(0.1);
    const establishedOn = enterpriseFounding(random);
    registry.add({
      prefix: '91', area: random.chance(0.25) ? CITY_AREA_CODE : district.code,
      makeBody: () => makeEnterpriseBody(random, establishedOn),
      name: freeName(registry, (attempt) => makeEnterpriseName(random, qianhai, attempt)),
      districtCode: qianhai && QIANHAI_CODE ? QIANHAI_CODE : district.code, parent: null,
      legalRepresentative: makeChineseName(random), establishedOn, group: 'BUSINESS',
    });
  }
  for (let i = 0; i < plan.individualBusinesses; i++) {
    const district = districtFor(random, i);
    const street = random.pick(district.streets);
    const establishedOn = shopFounding(random);
    const surname = pickSurname(random);
    registry.add({
      prefix: '92', area: random.chance(0.5) ? CITY_AREA_CODE : district.code,
      makeBody: () => makeIndividualBusinessBody(random, establishedOn),
      name: freeName(registry, (attempt) => makeIndividualBusinessName(random, district.nameZh, street, surname, attempt)),
      districtCode: district.code, parent: null,
      legalRepresentative: surname + makeGivenName(random), establishedOn, group: 'BUSINESS',
    });
  }
  for (let i = 0; i < plan.cooperatives; i++) {
    const district = random.pick(RURAL_DISTRICTS);
    const street = random.pick(district.streets);
    const establishedOn = cooperativeFounding(random);
    registry.add({
      prefix: '93', area: district.code, makeBody: () => makeEnterpriseBody(random, establishedOn),
      name: freeName(registry, (attempt) => makeCooperativeName(random, district.nameZh, street, attempt)),
      districtCode: district.code, parent: null, legalRepresentative: makeChineseName(random),
      establishedOn, group: 'BUSINESS',
    });
  }
}
