import data from './shenzhen-districts.json' with { type: 'json' };

/** Administrative level of an area code. */
export type AreaLevel = 'CITY' | 'DISTRICT' | 'ZONE';

/**
 * A Shenzhen area code (GB/T 2260). `local: true` marks a code that is not in GB/T 2260 but is
 * used by some local systems (Qianhai, 440313).
 */
export type District = {
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string;
  readonly level: AreaLevel;
  readonly local?: boolean;
};

const LEVELS: readonly string[] = ['CITY', 'DISTRICT', 'ZONE'] satisfies AreaLevel[];

// The JSON is data, so check it once at load: a wrong level or code is a config error.
type DistrictRow = { code: string; nameEn: string; nameZh: string; level: string; local?: boolean };

function toDistrict(row: DistrictRow): District {
  if (!/^\d{6}$/.test(row.code) || !LEVELS.includes(row.level)) {
    throw new Error(
      `shenzhen-districts.json: bad row ${JSON.stringify(row)} (needs a 6-digit code, level CITY/DISTRICT/ZONE)`,
    );
  }
  const { code, nameEn, nameZh } = row;
  const district = { code, nameEn, nameZh, level: row.level as AreaLevel };
  return Object.freeze(row.local === true ? { ...district, local: true } : district);
}

/** Shenzhen's city code, its districts and Qianhai's local code, from `shenzhen-districts.json`. */
export const SHENZHEN_DISTRICTS: readonly District[] = Object.freeze(data.map(toDistrict));

const DISTRICTS_BY_CODE: ReadonlyMap<string, District> = new Map(
  SHENZHEN_DISTRICTS.map((district) => [district.code, district]),
);

/** Whether `code` is one of `SHENZHEN_DISTRICTS` (exact 6-digit match, no normalisation). */
export function isShenzhenAreaCode(code: string): boolean {
  return DISTRICTS_BY_CODE.has(code);
}

/** Returns the Shenzhen district with this code, or `undefined`. */
export function districtByCode(code: string): District | undefined {
  return DISTRICTS_BY_CODE.get(code);
}
