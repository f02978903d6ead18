import { readFileSync } from 'node:fs';

/** The answer of a check for one subject, strongest last: 通过 / 复核 / 否决. */
export type CheckVerdict = 'PASS' | 'REVIEW' | 'REJECT';

/** Purposes a credit check may be run for. */
export const CHECK_PURPOSES = ['BIDDING', 'GOVERNMENT_PROCUREMENT'] as const;
export type CheckPurpose = (typeof CHECK_PURPOSES)[number];

/** One row of rules/check-rules.json: the conditions a record meets and the effect it then has. */
export interface CheckRule {
  id: string;
  effect: Exclude<CheckVerdict, 'PASS'>;
  kinds: string[];
  catalogItems?: string[];
  governanceFields?: string[];
  severities?: string[];
  purposes?: string[];
  subjectKinds?: string[];
  description: string;
  basis: string;
}

/** rules/check-rules.json: which record kinds, lists and severities reject or need review. */
export interface CheckRules {
  version: string;
  countingStatuses: string[];
  underObjectionEffect: CheckVerdict;
  unknownSubject: { id: string; effect: CheckVerdict; description: string; basis: string };
  noRecord: { id: string; description: string; basis: string };
  rules: CheckRule[];
}

/** The rules in force, read once from rules/check-rules.json. */
export const CHECK_RULES: CheckRules = JSON.parse(
  readFileSync(new URL('./check-rules.json', import.meta.url), 'utf8'),
) as CheckRules;
