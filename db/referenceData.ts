import { readFileSync } from 'node:fs';
import { SHENZHEN_DISTRICTS } from '../src/codes/index.js';

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

/** The lookup tables the first migration loads: the area codes of src/codes and the 19 fields. */
export function readReferenceData(): { districts: readonly DistrictData[]; governanceFields: GovernanceFieldData[] } {
  const fields = JSON.parse(
    readFileSync(new URL('../src/credit/rules/governance-fields.json', import.meta.url), 'utf8'),
  ) as { fields: GovernanceFieldData[] };
  return { districts: SHENZHEN_DISTRICTS, governanceFields: fields.fields };
}
