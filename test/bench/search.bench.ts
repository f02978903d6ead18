import 'reflect-metadata';
import { loadavg } from 'node:os';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { backfillRegistrations } from '../../db/seed/backfillRegistrations.js';
import { generateSampleData } from '../../db/seed/generateSampleData.js';
import { isDatabaseEmpty } from '../../db/seed/loadSampleData.js';
import { buildCreditSchema, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { measureQuery } from './measureQuery.js';
import { openBenchDatabase } from './openBenchDatabase.js';

// `npm run bench:search`: p50/p95 of `searchSubjects` (first 20 hits with totalCount: the page and the count, two
// statements) through the stitched hub schema over every organisation of the data set. Database: DATABASE_URL
// (PostgreSQL) or PGLITE_DIR (embedded); BENCH_SIZE (default large) is loaded if the database is empty, and an older
// database's organisations get their registration particulars first (db/cli.ts backfill-registrations).
// The queries are fragments of real names drawn evenly over the table (the first 2, 3 and 4 characters of the trade
// name, a whole name), USCC prefixes, the same with district and industry filters, and the worst cases: the words nearly
// every name has (科技, 有限公司, 深圳市…), whose count covers much of the table.
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 10;
const size = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';

// BENCH_ORGANISATIONS_ONLY=1 on an empty database loads only the organisations of the data set (search reads nothing
// else): minutes instead of the full load, which on PGlite takes far longer.
if (process.env.BENCH_ORGANISATIONS_ONLY === '1') await loadOrganisationsOnly();
const { knex, kind } = await openBenchDatabase(size);
const [{ missing }] = (await knex('organisations').whereNull('registration_status').whereNot('kind', 'GOVERNMENT_BODY').count({ missing: '*' })) as [{ missing: string }];
if (Number(missing) > 0) {
  console.error(`${missing} organisations lack registration particulars: backfilling them from the ${size} generator…`);
  console.error(JSON.stringify(await backfillRegistrations(knex, size)));
}
const [{ n: organisations }] = (await knex('organisations').count({ n: '*' })) as [{ n: string }];
const hub = composeHubSchema({ credit: { schema: await buildCreditSchema(KnexCreditStore.create(knex)) }, adapters: [] });

const SEARCH = `query ($query: String!, $filter: SubjectSearchFilter) {
  searchSubjects(query: $query, filter: $filter, first: 20) {
    totalCount edges { matchedOn node { uscc name district { code } industry { division name } registrationStatus } }
  }
}`;

// Every k-th organisation (deterministic), so the fragments are spread over the table.
const sample = (await knex('organisations').whereNot('kind', 'GOVERNMENT_BODY').orderBy('uscc')
  .select('uscc', 'name', 'district_code', 'industry_code')) as { uscc: string; name: string; district_code: string; industry_code: string | null }[];
const picks = Array.from({ length: 100 }, (_, i) => sample[Math.floor((i * sample.length) / 100)]!);
// What a user types: the start of the trade name (字号), after 深圳, 深圳市 or 深圳前海 and a district name.
const tradeName = (name: string) => name.replace(/^深圳(前海|市)?(\p{Script=Han}{2}区)?/u, '');
const fragment = (name: string, length: number, _i: number) => [...tradeName(name)].slice(0, length).join('');
const sets: Record<string, Record<string, unknown>[]> = {
  'name fragment, 2 characters': picks.map((o, i) => ({ query: fragment(o.name, 2, i) })),
  'name fragment, 3 characters': picks.map((o, i) => ({ query: fragment(o.name, 3, i) })),
  'name fragment, 4 characters': picks.map((o, i) => ({ query: fragment(o.name, 4, i) })),
  'whole name': picks.map((o) => ({ query: o.name })),
  'USCC prefix (8–14 characters)': picks.map((o, i) => ({ query: o.uscc.slice(0, 8 + (i % 7)) })),
  '4 characters + district + industry section': picks.map((o, i) => ({
    query: fragment(o.name, 4, i), filter: { districts: [o.district_code], ...(o.industry_code ? { industries: [o.industry_code] } : {}) },
  })),
  'common words (科技, 有限公司, 深圳市, 贸易, 电子)': ['科技', '有限公司', '深圳市', '贸易', '电子'].map((query) => ({ query })),
};

async function loadOrganisationsOnly(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const db = url ? createKnex({ kind: 'postgres', url }) : createKnex({ kind: 'pglite', directory: process.env.PGLITE_DIR! });
  await migrateToLatest(db);
  if (await isDatabaseEmpty(db)) {
    const started = performance.now();
    for (const chunk of generateSampleData(size).organisations) {
      await db('organisations').insert(chunk.map((o) => ({
        uscc: o.uscc, name: o.name, district_code: o.districtCode, parent_uscc: o.parentUscc,
        legal_representative: o.legalRepresentative, established_on: o.establishedOn,
      })));
    }
    await backfillRegistrations(db, size);
    console.error(`loaded the ${size} set's organisations only in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  await db.destroy();
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const all: number[] = [];
for (const [name, variables] of Object.entries(sets)) {
  const runs = Array.from({ length: Math.max(RUNS / 5, variables.length) + WARMUP }, (_, i) => variables[i % variables.length]!);
  const timings = await measureQuery(hub, SEARCH, runs, WARMUP, () => undefined, () => undefined, () => ({}));
  if (!name.startsWith('common')) all.push(timings.p50Ms);
  console.log(JSON.stringify({ database: kind, organisations: Number(organisations), query: name, ...timings, loadAverage: load() }));
}
// The headline figure: every query kind except the common-word worst cases, run together.
const mixed = Object.entries(sets).filter(([name]) => !name.startsWith('common')).flatMap(([, v]) => v);
const runs = Array.from({ length: RUNS + WARMUP }, (_, i) => mixed[(i * 37) % mixed.length]!);
const timings = await measureQuery(hub, SEARCH, runs, WARMUP, () => undefined, () => undefined, () => ({}));
console.log(JSON.stringify({ database: kind, organisations: Number(organisations), query: 'all of the above but common words, mixed', ...timings, loadAverage: load() }));
await knex.destroy();
