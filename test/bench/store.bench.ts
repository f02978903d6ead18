import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { buildCreditSchema, KnexCreditStore } from '../../src/credit/index.js';
import { openBenchDatabase } from './openBenchDatabase.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { measureQuery } from './measureQuery.js';

// `npm run bench:store`: p50/p95 latency and SQL statement count of the 100-subject query
// (test/operations/subjects.graphql) through the stitched hub schema, on the large sample data.
// Database: DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded); the large set is loaded if empty.
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const size = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';

const { knex, kind } = await openBenchDatabase(size);
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

/** p50/p95 of the query over the subject sets, and the SQL statement counts of the measured runs. */
async function measure(schema: GraphQLSchema) {
  const statementCounts = new Set<number>();
  const timings = await measureQuery(schema, source, sets.map((usccs) => ({ usccs, first: 10 })), WARMUP,
    () => statementCounts.add(statements), () => void (statements = 0));
  return { p50Ms: timings.p50Ms, p95Ms: timings.p95Ms, statementsPerQuery: [...statementCounts] };
}

const base = { database: kind, records: Number(records), subjectsPerQuery: 100, recordsPerSubject: 10, runs: RUNS };
console.log(JSON.stringify({ ...base, schema: 'hub (stitched)', ...(await measure(hub)) }));
console.log(JSON.stringify({ ...base, schema: 'credit subschema alone', ...(await measure(credit)) }));
await knex.destroy();
