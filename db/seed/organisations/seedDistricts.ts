import { SHENZHEN_DISTRICTS } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';

/** A Shenzhen district with what the generator adds to the reference list. */
export interface SeedDistrict {
  code: string;
  /** Full name as in the reference data: 南山区. */
  nameZh: string;
  /** Name without 区, as in branch names: 深圳市市场监督管理局南山监管局. */
  short: string;
  /** Abbreviation in document numbers: 深南建罚〔2024〕12号. */
  abbr: string;
  /** Court code in case numbers: (2024)粤0305执1194号. */
  courtCode: string;
  establishedOn: string;
  enterpriseShare: number;
  streets: string[];
}

type DistrictFile = { districts: Omit<SeedDistrict, 'nameZh'>[] };

function readSeedDistricts(): SeedDistrict[] {
  const { districts } = readSeedJson<DistrictFile>('names/districts.json');
  const reference = SHENZHEN_DISTRICTS.filter((d) => d.level === 'DISTRICT');
  const missing = reference.filter((r) => !districts.some((d) => d.code === r.code));
  if (missing.length > 0) {
    throw new Error(`db/seed/names/districts.json lacks ${missing.map((d) => d.code).join(', ')}`);
  }
  return districts.map((d) => {
    const ref = reference.find((r) => r.code === d.code);
    if (!ref) throw new Error(`db/seed/names/districts.json: ${d.code} is not a district in shenzhen-districts.json`);
    return { ...d, nameZh: ref.nameZh };
  });
}

/** The nine GB/T 2260 districts, in code order (functional areas with local codes are not seeded). */
export const SEED_DISTRICTS: readonly SeedDistrict[] = Object.freeze(readSeedDistricts());

/** City-level area code, used for city bodies and city-registered organisations. */
export const CITY_AREA_CODE = '440300';

/** Nanshan, where Qianhai lies. */
export const NANSHAN_CODE = '440305';

/**
 * Qianhai's local code (440313) when the districts table lists it, else null. It is never put in a
 * USCC (not a GB/T 2260 code), only in `district_code` of some Nanshan-registered enterprises.
 */
export const QIANHAI_CODE: string | null =
  SHENZHEN_DISTRICTS.find((d) => d.code === '440313')?.code ?? null;

/** Replaces `{name}` placeholders; throws when the template names a value that is not given. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template "${template}" needs {${name}}`);
    return value;
  });
}
