import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import type { GraphQLError } from 'graphql';
import { todayInShanghai } from '../../../credit/index.js';
import { computeIntegrityEvaluation } from '../computeIntegrityEvaluation.js';
import type { EvaluationLevel } from '../EvaluationStore.js';
import { KnexEvaluationStore } from '../KnexEvaluationStore.js';
import type { PlatformIndicatorSource } from '../PlatformIndicatorSource.js';

const USAGE = 'usage: npm run evaluate -- --period 2026-Q3 [--level DEPARTMENT|DISTRICT|ALL] [--data-as-of ISO-8601]';

/** Where the command writes, the database it uses and the platforms it asks; the entry file (src/hub/cli/evaluate.ts) or a test passes them. */
export interface EvaluateCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  knex: Knex;
  platforms: PlatformIndicatorSource | null;
  today?: () => string;
}

const isGraphQLError = (error: unknown): error is GraphQLError => typeof error === 'object' && error !== null && 'extensions' in error;

/**
 * `npm run evaluate -- --period 2026-Q3 [--level DEPARTMENT|DISTRICT|ALL] [--data-as-of …]`: computes and
 * publishes the integrity evaluation of the period at the level (default ALL: both), as the credit office
 * would with the mutation, and prints each run's id, watermark and top five as JSON. Resolves to the exit
 * code: 0 when stored, 1 when the evaluation failed (bad period, a platform down: nothing stored), 2 for a
 * usage mistake.
 */
export async function runEvaluateCli(argv: string[], io: EvaluateCliIo): Promise<number> {
  let values: { period?: string; level?: string; 'data-as-of'?: string };
  try {
    values = parseArgs({ args: argv, options: { period: { type: 'string' }, level: { type: 'string' }, 'data-as-of': { type: 'string' } } }).values;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const level = (values.level ?? 'ALL').toUpperCase();
  if (!values.period || !['DEPARTMENT', 'DISTRICT', 'ALL'].includes(level)) {
    io.stderr(`${values.period ? `--level must be DEPARTMENT, DISTRICT or ALL, got "${values.level}"` : '--period is required'}\n${USAGE}\n`);
    return 2;
  }
  const store = KnexEvaluationStore.create(io.knex);
  const levels: EvaluationLevel[] = level === 'ALL' ? ['DEPARTMENT', 'DISTRICT'] : [level as EvaluationLevel];
  try {
    const runs = [];
    for (const l of levels) {
      const runId = await computeIntegrityEvaluation(store, io.platforms, {
        period: values.period, level: l, dataAsOf: values['data-as-of'] ?? null, computedBy: 'cli', today: (io.today ?? todayInShanghai)(),
      });
      const run = (await store.runById(runId))!;
      const top = await store.unitsOf(runId, 0, 5, []);
      runs.push({ runId, period: run.period, level: run.level, ruleVersion: run.ruleVersion, dataAsOf: run.dataAsOf, units: run.unitCount, top: top.map((u) => ({ rank: u.rank, score: u.score, code: u.unitCode, name: u.unitName })) });
    }
    io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!isGraphQLError(error)) throw error;
    io.stderr(`evaluation not stored: ${error.message} (${String(error.extensions.code)})\n`);
    return 1;
  }
}
