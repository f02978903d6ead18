import { readFileSync } from 'node:fs';
import type { Severity } from './publicityWindow.js';

interface SeverityVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  serious: { categories: string[]; fromWanYuan: string };
  minor: {
    onlyCategories: string[];
    summaryProcedure: { onlyCategories: string[]; maxFineWanYuan: string; confiscation: boolean } | null;
  };
}

const VERSIONS = (JSON.parse(
  readFileSync(new URL('./rules/penalty-severity.json', import.meta.url), 'utf8'),
) as { versions: SeverityVersion[] }).versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));

/** What the severity of a penalty is judged on: categories (Administrative Penalty Law art. 9) and amounts in 万元. */
export interface PenaltyFacts {
  categories: readonly string[];
  fine: string | null;
  confiscated: string | null;
  /** YYYY-MM-DD: chooses the classification in force. */
  decisionDate: string;
}

/**
 * The severity of a penalty under the classification in force on its decision date
 * (rules/penalty-severity.json): serious categories or amounts first, then minor (warnings only, or the
 * summary procedure where the version knows it), else general. Pure.
 */
export function penaltySeverity(facts: PenaltyFacts): Severity {
  const rule = VERSIONS.filter((v) => v.effectiveFrom <= facts.decisionDate).at(-1) ?? VERSIONS[0];
  if (!rule) throw new Error('penalty-severity.json lists no version');
  const fine = Number(facts.fine ?? 0);
  const confiscated = Number(facts.confiscated ?? 0);
  const only = (allowed: readonly string[]): boolean => facts.categories.length > 0 && facts.categories.every((c) => allowed.includes(c));
  if (facts.categories.some((c) => rule.serious.categories.includes(c)) || fine + confiscated >= Number(rule.serious.fromWanYuan)) return 'SERIOUS';
  if (only(rule.minor.onlyCategories)) return 'MINOR';
  const summary = rule.minor.summaryProcedure;
  if (summary && only(summary.onlyCategories) && fine <= Number(summary.maxFineWanYuan) && (summary.confiscation || confiscated === 0)) return 'MINOR';
  return 'GENERAL';
}
