import { readFileSync } from 'node:fs';

/** A subject's verdict: INELIGIBLE > REVIEW > ELIGIBLE. */
export type EligibilityVerdict = 'ELIGIBLE' | 'REVIEW' | 'INELIGIBLE';
/** What the check is for (资格审查用途). */
export type EligibilityPurpose = 'CADRE_SELECTION' | 'AWARD_OR_HONOUR' | 'FUNDING_SUPPORT' | 'ADMINISTRATIVE_LICENSING' | 'PUBLIC_PROCUREMENT';
/** Who a purpose takes. */
export type SubjectType = 'ORGANISATION' | 'CIVIL_SERVANT';

interface BaseRule {
  id: string;
  effect: EligibilityVerdict;
  description: string;
  basis: string;
}
/** A record of `kinds` that counts on the check's day. */
export interface RecordRule extends BaseRule {
  test: 'RECORD';
  kinds: string[];
  statuses: string[];
  severities?: string[];
}
/** A sanction or measure record whose period of influence (by its type) has not ended. */
export interface InfluencePeriodRule extends BaseRule {
  test: 'INFLUENCE_PERIOD';
  kinds: string[];
  statuses: string[];
  detailKey: string;
  /** Months by type; null: no end. */
  months: Record<string, number | null>;
  unknownTypeEffect: EligibilityVerdict;
}
/** A measure (src/workflows/measures) in effect. */
export interface MeasureRule extends BaseRule {
  test: 'MEASURE';
  measureKinds: string[];
}
export type EligibilityRule = RecordRule | InfluencePeriodRule | MeasureRule;

/** The rules of one purpose. */
export interface PurposeRules {
  nameZh: string;
  /** The purposes of use (X-Purpose) under which a consumer other than the credit office may run it. */
  declaredPurposes: string[];
  subjects: SubjectType[];
  rules: EligibilityRule[];
}

/** One version of rules/eligibility-rules.json, from `effectiveFrom` (inclusive) to `effectiveTo` (exclusive). */
export interface EligibilityRuleVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  noRecord: { id: string; description: string; basis: string };
  unknownSubject: { id: string; effect: EligibilityVerdict; description: string; basis: string };
  purposes: Record<EligibilityPurpose, PurposeRules>;
  feedbackUsages: Record<EligibilityVerdict, string[]>;
  noteRequiredFor: string[];
}

/** rules/eligibility-rules.json. */
export interface EligibilityRules {
  source: string;
  versions: EligibilityRuleVersion[];
}

/** rules/eligibility-rules.json, read once. */
export const ELIGIBILITY_RULES: EligibilityRules = JSON.parse(
  readFileSync(new URL('./rules/eligibility-rules.json', import.meta.url), 'utf8'),
) as EligibilityRules;

/** The version in force on `day` (YYYY-MM-DD); before the first, the earliest. Pure. */
export function eligibilityRulesOn(rules: EligibilityRules, day: string): EligibilityRuleVersion {
  const inForce = rules.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day < v.effectiveTo));
  return inForce ?? [...rules.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
}
