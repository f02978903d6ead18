import { readFileSync } from 'node:fs';

/** One kind of measure (惩戒措施) in a version of rules/measure-kinds.json. */
export interface MeasureKindRule {
  kind: string;
  nameZh: string;
  /** Who the measure may be imposed on: ORGANISATION (a body or public institution) and/or CIVIL_SERVANT. */
  subjects: ('ORGANISATION' | 'CIVIL_SERVANT')[];
  /** Working days to rectify from the day it is imposed; null when nothing is to be rectified. */
  deadlineWorkingDays: number | null;
  /** Months the measure stays in effect after it was imposed even when closed earlier; null: while open. */
  effectMonths: number | null;
  legalBasis: string;
}

/** One version of rules/measure-kinds.json, in force from `effectiveFrom` (inclusive) to `effectiveTo` (exclusive). */
export interface MeasureRuleVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  kinds: MeasureKindRule[];
}

/** rules/measure-kinds.json, read once. */
export const MEASURE_RULES: { source: string; versions: MeasureRuleVersion[] } = JSON.parse(
  readFileSync(new URL('./rules/measure-kinds.json', import.meta.url), 'utf8'),
) as { source: string; versions: MeasureRuleVersion[] };

/** The version in force on `day` (YYYY-MM-DD), or null before the first. Pure. */
export function measureRulesOn(day: string, rules = MEASURE_RULES): MeasureRuleVersion | null {
  return rules.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day < v.effectiveTo)) ?? null;
}
