import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { graphql, type GraphQLSchema } from 'graphql';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { isDatabaseEmpty, loadSampleData } from '../../db/seed/loadSampleData.js';
import { buildCreditSchema, createIdNumberVault, DEVELOPMENT_DATA_KEY, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';

// `npm run bench:store`: p50/p95 latency and SQL statement count of the 100-subject query
// (test/operations/subjects.graphql) through the stitched hub schema, on the large sample data.
// Database: DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded); the large set is loaded if empty.
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const size = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';

const url = process.env.DATABASE_URL;
const dir = process.env.PGLITE_DIR;
if (!url && !dir) {
  console.error('set DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded, e.g. /tmp/chengxin-large) to benchmark on a kept database');
  process.exit(2);
}
const knex = url ? createKnex({ kind: 'postgres', url }) : createKnex({ kind: 'pglite', directory: dir! });
await migrateToLatest(knex);
if (await isDatabaseEmpty(knex)) {
  console.error(`loading the ${size} sample data set (once per database)…`);
  const summary = await loadSampleData(knex, size, createIdNumberVault(DEVELOPMENT_DATA_KEY));
  console.error(JSON.stringify(summary));
}
const [{ n: records }] = (await knex('credit_records').count({ n: '*' })) as [{ n: string }];
const credit = await buildCreditSchema(KnexCreditStore.create(knex));
const hub = composeHubSchema({ credit: { schema: credit }, adapters: [] });
const source = readFileSync(new URL('../operations/subjects.graphql', import.meta.url), 'utf8');

// Distinct sets of 100 subjects that have records, chosen deterministically.
const pool = (await knex('organisations').select('uscc').whereIn('uscc', knex('credit_records').select('subject_uscc'))
  .orderByRaw('md5(uscc)').limit(100 * (RUNS + WARMUP))) as { uscc: string }[];
const sets = Array.from({ length: RUNS + WARMUP }, (_, i) => pool.slice(i * 100, i * 100 + 100).map((r) => r.uscc));

let statements = 0;
knex.on('query', () => {
  statements += 1;
});

/** Runs the query once per set of subjects; returns p50/p95 over the measured runs and the statement counts. */
async function measure(schema: GraphQLSchema) {
  const timings: number[] = [];
  const statementCounts = new Set<number>();
  for (const [i, usccs] of sets.entries()) {
    statements = 0;
    const started = process.hrtime.bigint();
    const result = await graphql({ schema, source, variableValues: { usccs, first: 10 }, contextValue: {} });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    if (i >= WARMUP) {
      timings.push(ms);
      statementCounts.add(statements);
    }
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]! * 10) / 10;
  return { p50Ms: pct(50), p95Ms: pct(95), statementsPerQuery: [...statementCounts] };
}

const base = { database: url ? 'postgresql' : 'pglite', records: Number(records), subjectsPerQuery: 100, recordsPerSubject: 10, runs: RUNS };
console.log(JSON.stringify({ ...base, schema: 'hub (stitched)', ...(await measure(hub)) }));
console.log(JSON.stringify({ ...base, schema: 'credit subschema alone', ...(await measure(credit)) }));
await knex.destroy();
