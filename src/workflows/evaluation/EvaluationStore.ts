import type { EvaluationPeriod } from './parsePeriod.js';

/** A unit of the evaluation: a government body (DEPARTMENT) or an area (DISTRICT). */
export type EvaluationLevel = 'DEPARTMENT' | 'DISTRICT';

/** A government body the evaluation covers. */
export interface EvaluatedBody {
  uscc: string;
  name: string;
  districtCode: string;
}

/** An area with its names (the `districts` table). */
export interface AreaRow {
  code: string;
  nameZh: string;
  level: string;
}

/** One stored run (integrity_evaluation_runs). */
export interface EvaluationRunRow {
  id: string;
  period: string;
  level: EvaluationLevel;
  ruleVersion: string;
  computedAt: string;
  dataAsOf: string;
  computedBy: string;
  unitCount: number;
}

/** One unit's result in a run, with its indicators. */
export interface UnitScoreRow {
  unitCode: string;
  unitName: string;
  districtCode: string | null;
  bodies: number;
  rank: number;
  score: string;
  indicators: IndicatorValueRow[];
}

/** One indicator of one unit in a run, as stored. */
export interface IndicatorValueRow {
  indicatorId: string;
  value: string | null;
  score: string | null;
  weight: string;
  /** The count (numerator); null when a platform had no figures. */
  count: number | null;
  /** A ratio's denominator; null for a count. */
  outOf: number | null;
  /** For platform figures, the windows the platforms reported (distinct); null otherwise. */
  platformWindows: string[] | null;
}

/** A run to store, complete: it is written in one transaction or not at all. */
export interface NewEvaluationRun {
  period: string;
  level: EvaluationLevel;
  ruleVersion: string;
  dataAsOf: string;
  computedBy: string;
  units: UnitScoreRow[];
}

/**
 * The evaluation's data access: the per-body counters the rule file names (each one SQL statement grouped
 * by body, counting only rows created at or before `dataAsOf`) and the snapshots. Implemented by
 * KnexEvaluationStore.
 */
export interface EvaluationStore {
  /** The database's clock now (ISO 8601), the default data watermark of a run. */
  now(): Promise<string>;
  /** `value` (an ISO 8601 instant) as the store writes instants: UTC with microseconds. */
  canonicalInstant(value: string): Promise<string>;
  /** Government bodies (USCC 11…) known at `dataAsOf`, by USCC. */
  evaluatedBodies(dataAsOf: string): Promise<EvaluatedBody[]>;
  /** Every area of the `districts` table, by code. */
  areas(): Promise<AreaRow[]>;
  /** The store counter `counter` (evaluationRules STORE_COUNTERS) per government body; a body with none is absent. */
  count(counter: string, parameters: Record<string, unknown>, period: EvaluationPeriod, dataAsOf: string): Promise<Map<string, number>>;
  /** Stores a run with its units and indicators in one transaction; returns the run's id. */
  saveRun(run: NewEvaluationRun): Promise<string>;
  /** The newest run of `period` and `level`, or null. */
  latestRun(period: string, level: EvaluationLevel): Promise<EvaluationRunRow | null>;
  /** The run with this id, or null. */
  runById(id: string): Promise<EvaluationRunRow | null>;
  /** Units of a run by rank then code, `offset` and `limit` applied, with their indicators in catalogue order. */
  unitsOf(runId: string, offset: number, limit: number, indicatorOrder: readonly string[]): Promise<UnitScoreRow[]>;
}
