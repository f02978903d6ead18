import { readFileSync } from 'node:fs';
import type { CheckVerdict } from './checkRules.js';

/** One version of rules/feedback-usage-rules.json: which usages a verdict admits, from `effectiveFrom` (inclusive) to `effectiveTo` (exclusive). */
export interface FeedbackUsageVersion {
  effectiveFrom: string;
  effectiveTo: string | null;
  allowedUsages: Record<CheckVerdict, string[]>;
  /** Usages that must be explained in the note. */
  noteRequiredFor: string[];
}

/** rules/feedback-usage-rules.json. */
export interface FeedbackUsageRules {
  source: string;
  legalBasis: string;
  versions: FeedbackUsageVersion[];
}

/** The feedback usage rules, read once from rules/feedback-usage-rules.json. */
export const FEEDBACK_USAGE_RULES: FeedbackUsageRules = JSON.parse(
  readFileSync(new URL('./feedback-usage-rules.json', import.meta.url), 'utf8'),
) as FeedbackUsageRules;

/**
 * The version in force on `day` (YYYY-MM-DD, the day the check was issued, China Standard Time), or — for a
 * check older than every version — the earliest one. Pure.
 */
export function feedbackUsageRulesOn(rules: FeedbackUsageRules, day: string): FeedbackUsageVersion {
  const inForce = rules.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day < v.effectiveTo));
  return inForce ?? [...rules.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
}
