import data from './shenzhen-districts.json' with { type: 'json' };

/** Administrative level of an area code (kept for existing clients; `AreaType` is the classification to use). */
export type AreaLevel = 'CITY' | 'DISTRICT' | 'ZONE';

/** What kind of area a code names: the city, one of its nine districts, or a functional area (功能区). */
export type AreaType = 'CITY' | 'DISTRICT' | 'FUNCTIONAL_AREA';

/**
 * A Shenzhen area. `code` is a GB/T 2260 code unless `local: true`: then it is a code the project or
 * some local systems use for an area GB/T 2260 does not list (Qianhai 440313, Dapeng New Area 4403DP,
 * Shenzhen-Shanwei Special Cooperation Zone 4403SS), explained in `codeNote`, and never part of a USCC.
 */
export type District = {
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string;
  readonly level: AreaLevel;
  readonly areaType: AreaType;
  readonly local?: boolean;
  readonly codeNote?: string;
};

const LEVELS: readonly string[] = ['CITY', 'DISTRICT', 'ZONE'] satisfies AreaLevel[];
const AREA_TYPES: readonly string[] = ['CITY', 'DISTRICT', 'FUNCTIONAL_AREA'] satisfies AreaType[];

// The JSON is data, so check it once at load: a wrong level or code is a config error. A GB/T 2260 code
// is six digits; a local code keeps the city's 4403 and ends in two letters (or is a reported 6-digit code).
type DistrictRow = { code: string; nameEn: string; nameZh: string; level: string; areaType: string; local?: boolean; codeNote?: string };

function toDistrict(row: DistrictRow): District {
  const codeOk = row.local === true ? /^4403(\d{2}|[A-Z]{2})$/.test(row.code) && row.codeNote !== undefined : /^\d{6}$/.test(row.code);
  if (!codeOk || !LEVELS.includes(row.level) || !AREA_TYPES.includes(row.areaType)) {
    throw new Error(
      `shenzhen-districts.json: bad row ${JSON.stringify(row)} (needs a 6-digit GB/T 2260 code, or local: true with a 4403.. code and a codeNote; level CITY/DISTRICT/ZONE; areaType CITY/DISTRICT/FUNCTIONAL_AREA)`,
    );
  }
  const { code, nameEn, nameZh } = row;
  const district = { code, nameEn, nameZh, level: row.level as AreaLevel, areaType: row.areaType as AreaType };
  return Object.freeze(row.local === true ? { ...district, local: true, codeNote: row.codeNote } : district);
}

/**
 * Shenzhen's city code, its nine districts (GB/T 2260) and its functional areas with local codes
 * (Qianhai, Dapeng New Area, Shenzhen-Shanwei Special Cooperation Zone), from `shenzhen-districts.json`.
 */
export const SHENZHEN_DISTRICTS: readonly District[] = Object.freeze(data.map(toDistrict));

const DISTRICTS_BY_CODE: ReadonlyMap<string, District> = new Map(
  SHENZHEN_DISTRICTS.map((district) => [district.code, district]),
);

/** Whether `code` is one of `SHENZHEN_DISTRICTS`, local codes included (exact match, no normalisation). */
export function isShenzhenAreaCode(code: string): boolean {
  return DISTRICTS_BY_CODE.has(code);
}

/** Returns the Shenzhen area with this code, or `undefined`. */
export function districtByCode(code: string): District | undefined {
  return DISTRICTS_BY_CODE.get(code);
}
