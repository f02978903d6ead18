import { readFileSync } from 'node:fs';

/** Working-day deadlines of the objection and repair procedures, read from rules/objection-deadlines.json. */
export interface DeadlineRules {
  objection: { checkWorkingDays: number; decisionWorkingDays: number; extensionWorkingDays: number };
  repair: { decisionWorkingDays: number; extensionWorkingDays: number };
}

/** The rules in force (rules/objection-deadlines.json). */
export const DEADLINE_RULES = JSON.parse(
  readFileSync(new URL('./rules/objection-deadlines.json', import.meta.url), 'utf8'),
) as DeadlineRules;
