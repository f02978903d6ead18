import type { Knex } from 'knex';
import { todayInShanghai } from '../credit/index.js';
import { computeIntegrityEvaluation, KnexEvaluationStore, type PlatformIndicatorSource } from '../workflows/index.js';
import type { Logger } from './logger.js';

/** The last quarter (YYYY-Qn) that ended before `day` (YYYY-MM-DD). */
export function lastQuarterBefore(day: string): string {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3); // 0: the quarter `day` is in began this year's Q1
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

/**
 * With freshly loaded sample data, publishes the integrity evaluation of the sample's last complete
 * quarter (2026-Q3 for data as of 2026-11-01) at both levels, and of the last complete quarter before today
 * when that is a later one, so `integrityEvaluation` and the dashboard's ranking (which asks for the last
 * complete quarter) answer on a fresh start whatever the date (README "Integrity evaluation"). A failure (a platform switched off) is logged, never fatal: the
 * credit office can run `npm run evaluate` later.
 */
export async function publishSampleEvaluations(knex: Knex, platforms: PlatformIndicatorSource, sampleAsOf: string, logger: Logger): Promise<void> {
  const periods = [...new Set([lastQuarterBefore(sampleAsOf), lastQuarterBefore(todayInShanghai())])];
  const store = KnexEvaluationStore.create(knex);
  for (const period of periods) for (const level of ['DEPARTMENT', 'DISTRICT'] as const) {
    try {
      const runId = await computeIntegrityEvaluation(store, platforms, { period, level, computedBy: 'sample-data', today: todayInShanghai() });
      logger.info('integrity evaluation of the sample data published', { period, evaluationLevel: level, runId });
    } catch (error) {
      logger.warn('integrity evaluation of the sample data not published; run `npm run evaluate` when the platforms answer', { period, evaluationLevel: level, reason: (error as Error).message });
    }
  }
}
