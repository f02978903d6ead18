import { makeChineseName } from '../makeChineseName.js';
import { createWeightedPicker, type Random } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';
import type { OrgRegistry } from './createOrgRegistry.js';
import { freeName } from './buildBusinesses.js';
import { createFoundingDatePicker } from './createFoundingDatePicker.js';
import { makeSocialOrganisationBody } from './orgCodeBodies.js';
import { makeTradeName, pickIndustryWord } from './makeBusinessNames.js';
import { CITY_AREA_CODE, SEED_DISTRICTS, fillTemplate } from './seedDistricts.js';

interface SocialOrganisationFile {
  socialOrganisations: {
    templates: { prefix: string; name: string; weight: number }[];
    themes: string[];
    hometowns: string[];
  };
}

/**
 * Adds `count` social organisations: groups (51), private non-enterprise units (52) and foundations
 * (53). A name with a district registers with that district's civil-affairs bureau (its area code),
 * the others with the city's (440300) while located in some district.
 */
export function buildSocialOrganisations(registry: OrgRegistry, random: Random, count: number, asOf: string): void {
  const { socialOrganisations: data } = readSeedJson<SocialOrganisationFile>('names/institutions.json');
  const pickTemplate = createWeightedPicker(data.templates.map((t) => [t, t.weight] as const));
  const founding = createFoundingDatePicker(1995, asOf);
  for (let i = 0; i < count; i++) {
    const district = SEED_DISTRICTS[i % SEED_DISTRICTS.length] ?? random.pick(SEED_DISTRICTS);
    // Templates without a trade name run out (there are only so many industries): draw the
    // template again on every attempt, so one with a trade name eventually gives a free name.
    let template = pickTemplate(random);
    const name = freeName(registry, (attempt) => {
      template = pickTemplate(random);
      return fillTemplate(template.name, {
        district: district.nameZh,
        industry: pickIndustryWord(random),
        trade: makeTradeName(random, attempt < 10 ? 2 : 3),
        theme: random.pick(data.themes),
        hometown: attempt < 3 ? random.pick(data.hometowns) : `${random.pick(data.hometowns)}${makeTradeName(random, 1)}`,
      });
    });
    const districtLevel = template.name.includes('{district}');
    const establishedOn = founding(random);
    registry.add({
      prefix: template.prefix, area: districtLevel ? district.code : CITY_AREA_CODE,
      makeBody: () => makeSocialOrganisationBody(random), name, districtCode: district.code, parent: null,
      legalRepresentative: makeChineseName(random), establishedOn, group: 'SOCIAL',
    });
  }
}
