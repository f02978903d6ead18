import { readFileSync } from 'node:fs';

/** One version of rules/third-party-indicators.json. */
export interface ThirdPartyRuleVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  indicators: { id: string; nameZh: string; weight: number }[];
}

/** rules/third-party-indicators.json, read once. */
export const THIRD_PARTY_RULES: ThirdPartyRuleVersion[] = (JSON.parse(
  readFileSync(new URL('./rules/third-party-indicators.json', import.meta.url), 'utf8'),
) as { versions: ThirdPartyRuleVersion[] }).versions;

/** The version in force on `day` (YYYY-MM-DD, the period's last day), or null before the first. Pure. */
export function thirdPartyRulesOn(day: string, versions: readonly ThirdPartyRuleVersion[] = THIRD_PARTY_RULES): ThirdPartyRuleVersion | null {
  return versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day < v.effectiveTo)) ?? null;
}

/** The last day of a period YYYY-Qn or YYYY, or null when `period` is neither. Pure. */
export function periodEnd(period: string): string | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${['03-31', '06-30', '09-30', '12-31'][Number(quarter[2]) - 1]}`;
  return /^\d{4}$/.test(period) ? `${period}-12-31` : null;
}
