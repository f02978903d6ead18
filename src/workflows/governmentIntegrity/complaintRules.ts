import { readFileSync } from 'node:fs';

/** One version of rules/complaint-rules.json, in force from `effectiveFrom` (inclusive) to `effectiveTo` (exclusive). */
export interface ComplaintRuleVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  /** USCC prefixes of the bodies a complaint may be about (11 government bodies, 12 public institutions). */
  bodyPrefixes: string[];
  verifyWorkingDays: number;
  answerWorkingDays: number;
  categories: { code: string; nameZh: string; policy: string }[];
}

/** rules/complaint-rules.json, read once. */
export const COMPLAINT_RULES: ComplaintRuleVersion[] = (JSON.parse(
  readFileSync(new URL('./rules/complaint-rules.json', import.meta.url), 'utf8'),
) as { versions: ComplaintRuleVersion[] }).versions;

/** The version in force on `day` (YYYY-MM-DD); before the first, the earliest. Pure. */
export function complaintRulesOn(day: string, versions: readonly ComplaintRuleVersion[] = COMPLAINT_RULES): ComplaintRuleVersion {
  return versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day < v.effectiveTo))
    ?? [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
}

/** The Chinese name of a category in any version, or null. */
export function complaintCategoryName(code: string | null): string | null {
  if (code === null) return null;
  for (const version of COMPLAINT_RULES) {
    const found = version.categories.find((c) => c.code === code);
    if (found) return found.nameZh;
  }
  return null;
}
