import { readFileSync } from 'node:fs';

/** Working-day deadlines of the objection and repair procedures under one rule version. */
export interface DeadlineRules {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  objection: { checkWorkingDays: number; decisionWorkingDays: number; extensionWorkingDays: number };
  repair: { decisionWorkingDays: number; extensionWorkingDays: number };
}

/** Every version of rules/objection-deadlines.json, oldest first. */
export const DEADLINE_RULE_VERSIONS = (JSON.parse(
  readFileSync(new URL('./rules/objection-deadlines.json', import.meta.url), 'utf8'),
) as { versions: DeadlineRules[] }).versions;

/**
 * The deadline rules in force on `date` (YYYY-MM-DD), the day the procedure was filed; throws when no version
 * is in force then (a date before the regulation), which a filing dated today never meets.
 */
export function deadlineRulesOn(date: string, versions: readonly DeadlineRules[] = DEADLINE_RULE_VERSIONS): DeadlineRules {
  const rules = versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo));
  if (!rules) throw new Error(`rules/objection-deadlines.json has no version in force on ${date}`);
  return rules;
}
