import { readFileSync } from 'node:fs';
import { ExactFraction } from './ExactFraction.js';

/** Whether a higher value of an indicator is better or worse for the body. */
export type IndicatorDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** A counter of the evaluation store or of the platform source (`platform.*`), with its parameters. */
export interface CounterSpec {
  counter: string;
  parameters: Record<string, unknown>;
}

/** One indicator of the catalogue (rules/integrity-indicators.json). */
export interface IndicatorRule {
  id: string;
  nameEn: string;
  nameZh: string;
  /** Where the figures come from: CREDIT_RECORDS, GOVERNMENT_INTEGRITY, INGESTION, THIRD_PARTY_EVALUATION, GOV_SERVICE or CONSTRUCTION_APPROVAL. */
  source: string;
  /** The counted value; with `per`, the value is counter ÷ per (a ratio). */
  formula: CounterSpec & { per?: string };
  direction: IndicatorDirection;
  normalisation: { method: 'DEDUCTION'; pointsPer: string } | { method: 'RATIO'; worst: string; best: string };
  weight: string;
  period: 'EVENTS_IN_PERIOD' | 'STATE_AT_PERIOD_END';
  policyClause: string;
}

/** One version of the catalogue, in force from `effectiveFrom` to `effectiveTo` (inclusive, null: open). */
export interface IndicatorCatalogue {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  indicators: IndicatorRule[];
}

/** The counters the code interprets; a rule file naming another is refused when it is read. */
export const STORE_COUNTERS = [
  'creditRecords', 'overdueCommitments', 'openEnforcementCases', 'enforcementInterviews', 'substantiatedComplaints',
  'reportedRecords', 'reportedRecordsWithin', 'ingestionRows', 'dataQualityIssues', 'openMeasures', 'thirdPartyScores', 'thirdPartyEvaluations',
] as const;
/** The platform figures a `platform.*` counter reads (see PlatformIndicatorSource). */
export const PLATFORM_COUNTERS = [
  'platform.reviews', 'platform.goodReviews', 'platform.badReviews', 'platform.finishedCases', 'platform.onTimeFinishedCases',
  'platform.approvalStages', 'platform.overdueApprovalStages',
] as const;

const KNOWN = new Set<string>([...STORE_COUNTERS, ...PLATFORM_COUNTERS]);

/** Checks a catalogue version; throws an Error naming the indicator and the mistake (the rule file is data, but data a person edits). */
export function assertCatalogue(catalogue: IndicatorCatalogue): IndicatorCatalogue {
  const where = (id: string) => `integrity-indicators.json ${catalogue.version} ${id}`;
  const ids = new Set<string>();
  for (const rule of catalogue.indicators) {
    if (ids.has(rule.id)) throw new Error(`${where(rule.id)}: the id is used twice`);
    ids.add(rule.id);
    for (const counter of [rule.formula.counter, ...(rule.formula.per ? [rule.formula.per] : [])]) {
      if (!KNOWN.has(counter)) throw new Error(`${where(rule.id)}: unknown counter "${counter}"; use one of ${[...KNOWN].join(', ')}`);
    }
    if (ExactFraction.parse(rule.weight).compare(ExactFraction.of(0)) <= 0) throw new Error(`${where(rule.id)}: weight must be positive`);
    const n = rule.normalisation;
    if (n.method === 'DEDUCTION') {
      if (rule.direction !== 'LOWER_IS_BETTER' || rule.formula.per) throw new Error(`${where(rule.id)}: DEDUCTION takes points off per count, so it needs a count (no per) that is LOWER_IS_BETTER`);
      ExactFraction.parse(n.pointsPer);
    } else {
      const better = ExactFraction.parse(n.best).compare(ExactFraction.parse(n.worst));
      if (better === 0 || (better > 0) !== (rule.direction === 'HIGHER_IS_BETTER')) throw new Error(`${where(rule.id)}: RATIO best ${n.best} and worst ${n.worst} contradict direction ${rule.direction}`);
      if (!rule.formula.per) throw new Error(`${where(rule.id)}: RATIO needs a ratio (per)`);
    }
  }
  return catalogue;
}

/** Every version of the catalogue, checked, oldest first. */
export const INDICATOR_CATALOGUES: readonly IndicatorCatalogue[] = (
  JSON.parse(readFileSync(new URL('./rules/integrity-indicators.json', import.meta.url), 'utf8')) as { versions: IndicatorCatalogue[] }
).versions.map(assertCatalogue);

/** The catalogue in force on `day` (YYYY-MM-DD), or null before the first. */
export function catalogueOn(day: string, catalogues: readonly IndicatorCatalogue[] = INDICATOR_CATALOGUES): IndicatorCatalogue | null {
  return catalogues.find((c) => c.effectiveFrom <= day && (c.effectiveTo === null || day <= c.effectiveTo)) ?? null;
}

/** The catalogue version named `version` (a stored run's), or null. */
export function catalogueByVersion(version: string): IndicatorCatalogue | null {
  return INDICATOR_CATALOGUES.find((c) => c.version === version) ?? null;
}
