import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createKnex } from '../../db/connection.js';
import { buildCreditSchema, KnexCreditStore, type CreditRequestContext } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { measureQuery } from './measureQuery.js';
import { openBenchDatabase } from './openBenchDatabase.js';

// `npm run bench:statistics`: p50/p95 of dashboard statistics through the stitched hub schema: the
// 10-district × 10-kind matrix in one call (creditStatistics(groupBy: [DISTRICT, RECORD_KIND])) as the
// public and as the credit office, a monthly series of records against government bodies, and the 19
// fields' progress over a year. Database: DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded); BENCH_SIZE
// (default large) is loaded if the database is empty. On a PostgreSQL server on this machine it also prints
// the server CPU time per query (from /proc; the leader process only, so it leaves out parallel workers), which
// a loaded machine does not inflate as it does wall time.
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const size = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';

const { knex: migrated, kind } = await openBenchDatabase(size);
const [{ n: records }] = (await migrated('credit_records').count({ n: '*' })) as [{ n: string }];
// One connection, so that the server process answering every statement is known.
const knex = process.env.DATABASE_URL ? createKnex({ kind: 'postgres', url: process.env.DATABASE_URL, poolMax: 1 }) : migrated;
let statements = 0;
knex.on('query', () => {
  statements += 1;
});
const credit = await buildCreditSchema(KnexCreditStore.create(knex));
const hub = composeHubSchema({ credit: { schema: credit }, adapters: [] });

/** Reads the server process's CPU time in ms, or null when it is not on this machine (or not PostgreSQL). */
async function serverCpu(): Promise<(() => number) | null> {
  if (kind !== 'postgresql') return null;
  const { rows: [row] } = (await knex.raw('select pg_backend_pid() as pid')) as { rows: { pid: number }[] };
  const read = () => {
    const fields = readFileSync(`/proc/${row!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  };
  try {
    read();
    return read;
  } catch {
    return null;
  }
}
const cpu = await serverCpu();

const MATRIX = '{ creditStatistics(groupBy: [DISTRICT, RECORD_KIND]) { totalCount rows { keys { district districtName recordKind } count } } }';
const SERIES = `{ creditStatistics(groupBy: [MONTH], filter: { subjectKinds: [GOVERNMENT_BODY], kinds: [ADMINISTRATIVE_PENALTY, JUDICIAL_JUDGMENT, JUDGMENT_DEFAULTER, SERIOUS_DISHONESTY, ACCOUNTABILITY], decidedFrom: "2024-01-01" }) { rows { keys { period } count } } }`;
const PROGRESS = '{ governanceFieldProgress(from: "2025-01", to: "2025-12") { field { code } months { month newRecords closedRecords openAtEnd } } }';
const PUBLIC: CreditRequestContext = {};
const OFFICE: CreditRequestContext = { creditVisibility: { records: 'ALL' } };

async function measure(name: string, source: string, context: CreditRequestContext) {
  const counts = new Set<number>();
  const cpuMs: number[] = [];
  let cpuAtStart = 0;
  const timings = await measureQuery(hub, source, Array.from({ length: RUNS + WARMUP }, () => ({})), WARMUP,
    () => {
      counts.add(statements);
      if (cpu) cpuMs.push(cpu() - cpuAtStart);
    },
    () => {
      statements = 0;
      if (cpu) cpuAtStart = cpu();
    },
    () => ({ ...context }));
  cpuMs.sort((a, b) => a - b);
  const serverCpuMsP50 = cpu ? cpuMs[Math.floor(cpuMs.length / 2)] : undefined;
  console.log(JSON.stringify({ database: kind, records: Number(records), query: name, ...timings, statementsPerQuery: [...counts], ...(cpu ? { serverCpuMsP50 } : {}) }));
}

await measure('district × kind matrix, public', MATRIX, PUBLIC);
await measure('district × kind matrix, credit office', MATRIX, OFFICE);
await measure('government bodies by month since 2024, public', SERIES, PUBLIC);
await measure('19 fields progress over 12 months, public', PROGRESS, PUBLIC);
if (kind === 'postgresql') {
  // Parallel workers do the scan outside the measured server process and contend with everything else on a
  // loaded machine: the same matrix without them, on the bench's one session, shows the statement's own cost.
  await knex.raw('SET max_parallel_workers_per_gather = 0');
  await measure('district × kind matrix, public, without parallel workers', MATRIX, PUBLIC);
}
if (knex !== migrated) await knex.destroy();
await migrated.destroy();
