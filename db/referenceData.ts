import { readFileSync } from 'node:fs';

/** A Shenzhen district or zone as listed in the reference data. */
export interface DistrictData {
  code: string;
  nameEn: string;
  nameZh: string;
  level: string;
}

/** One of the 19 special-governance fields (专项治理领域). */
export interface GovernanceFieldData {
  code: string;
  number: number;
  nameEn: string;
  nameZh: string;
}

const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));

/** Reads the lookup tables the migrations load; throws if a data file is missing. */
export function readReferenceData(): { districts: DistrictData[]; governanceFields: GovernanceFieldData[] } {
  const districts = readJson('../src/codes/shenzhen-districts.json') as DistrictData[] | { districts: DistrictData[] };
  const fields = readJson('../src/credit/rules/governance-fields.json') as { fields: GovernanceFieldData[] };
  return { districts: Array.isArray(districts) ? districts : districts.districts, governanceFields: fields.fields };
}
