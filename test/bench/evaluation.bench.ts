import { randomBytes } from 'node:crypto';
import { defaultPlatformSettings } from '../../gateways/shared/index.js';
import { CONNECTED_GATEWAYS } from '../../src/hub/connectedGateways.js';
import { createPlatformIndicatorSource } from '../../src/hub/createPlatformIndicatorSource.js';
import { computeIntegrityEvaluation, KnexEvaluationStore } from '../../src/workflows/evaluation/index.js';
import { openBenchDatabase } from './openBenchDatabase.js';

// `npm run bench:evaluation` with DATABASE_URL (PostgreSQL) or PGLITE_DIR on a database holding the large
// sample data (loaded when empty): the time of computing and storing the integrity evaluation of every
// department for one quarter (2026-Q3), platform indicators included from the large sandboxes over HTTP,
// as `npm run evaluate` does. Goal ≤ 2 s on PostgreSQL 15. Prints one line of JSON (ms per run, p50, max).
// Each run stores a snapshot (that is part of the work); the runs are deleted at the end.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PERIOD = process.env.BENCH_PERIOD ?? '2026-Q3';

const { knex, kind } = await openBenchDatabase('large');
const sandboxes = await Promise.all(CONNECTED_GATEWAYS.map((g) => g.startSandbox({ size: 'large', token: randomBytes(12).toString('hex'), host: '127.0.0.1' })));
const adapters = CONNECTED_GATEWAYS.map((g, i) => ({
  ...g.createSubschema(defaultPlatformSettings(g.platform, sandboxes[i]!.url, sandboxes[i]!.token)), platform: g.platform, subjectLinks: g.subjectLinks,
}));
// Time spent per step (store counters, saving the snapshot, platform calls), summed over the measured runs.
const spent: Record<string, number> = {};
function timed<T extends object>(target: T, prefix: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
        } finally {
          const key = `${prefix}.${String(property)}${property === 'count' ? `:${String(args[0])}` : ''}`;
          spent[key] = Math.round((spent[key] ?? 0) + performance.now() - started);
        }
      };
    },
  });
}
const store = timed(KnexEvaluationStore.create(knex), 'store');
const platforms = timed(createPlatformIndicatorSource(adapters), 'platforms');
const runIds: string[] = [];
try {
  const result: Record<string, unknown> = { database: kind, period: PERIOD };
  for (const level of ['DEPARTMENT', 'DISTRICT'] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i += 1) {
      const started = performance.now();
      runIds.push(await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level, computedBy: 'bench', today: '2026-11-30' }));
      if (i > 0) times.push(Math.round(performance.now() - started)); // the first run warms the caches and the sandboxes
    }
    const sorted = [...times].sort((a, b) => a - b);
    const units = (await store.runById(runIds.at(-1)!))!.unitCount;
    result[level] = { units, ms: times, p50: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1), spentMs: { ...spent } };
    for (const key of Object.keys(spent)) delete spent[key];
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await knex('integrity_evaluation_runs').whereIn('id', runIds).del();
  for (const adapter of adapters) adapter.close();
  await Promise.all(sandboxes.map((s) => s.stop()));
  await knex.destroy();
}
