import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { createKnex } from '../../db/connection.js';
import { DEVELOPMENT_DATA_KEY, todayInShanghai, UNDISCLOSED_STATUSES } from '../../src/credit/index.js';
import { KnexConsumerStore } from '../../src/governance/index.js';

// `npm run bench:peers`: the hub beside PostGraphile v4 (with postgraphile-plugin-connection-filter), a tool a
// user could pick instead, on the same PostgreSQL database (DATABASE_URL; README "Benchmarks": a copy of the
// large data set) and the same machine, each in a process of its own, driven over HTTP by autocannon with the
// same queries, connections and duration, in alternating rounds. Two queries: a bidding check (5 subjects,
// 10 records each with the authority's name) and the 100-subject query (test/operations/subjects.graphql); the
// hub as the public and as an audited consumer (the credit office, every record, one ledger entry per request).
// The floor: the 100-subject answer from one hand-written SQL statement, run through pg at the same concurrency.
// BENCH_DURATION seconds per run (10), BENCH_CONNECTIONS (10), BENCH_ROUNDS (3); medians over the rounds. Before the
// rounds every tool runs every query for BENCH_WARMUP seconds (3), not measured, so that no round times a cold process.
// BENCH_ONLY runs only the runs whose "query|target" contains it (e.g. "bidding|hub (public)", for profiling).
// BENCH_HUB_NODE_OPTIONS is passed to the hub's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"); the hub runs as in
// production (the build, `npm run start:prod`'s node options, NODE_ENV=production) unless BENCH_HUB_SOURCE=1.
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ONLY = process.env.BENCH_ONLY ?? '';
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('set DATABASE_URL to a PostgreSQL database with the sample data (README "Benchmarks": a copy of the large data set)');
  process.exit(2);
}

const DISCLOSED = `status: { notIn: [${UNDISCLOSED_STATUSES.map((s) => `"${s}"`).join(', ')}] }, disclosure: { equalTo: "PUBLIC" },
  or: [{ publicityEnd: { isNull: true } }, { publicityEnd: { greaterThanOrEqualTo: $today } }]`;
/** Each query as the hub and as PostGraphile spell it; both give the same subjects, counts and records. */
const QUERIES = {
  bidding: {
    subjects: 5,
    hub: `query Bidding($usccs: [USCC!]!) { subjects(usccs: $usccs) { uscc name
      creditRecords(first: 10) { totalCount edges { node { id kind decisionDate authority { name } } } } } }`,
    postgraphile: `query Bidding($usccs: [String!], $today: Date!) { allOrganisations(filter: { uscc: { in: $usccs } }) { nodes { uscc name
      creditRecordsBySubjectUscc(first: 10, orderBy: [DECISION_DATE_DESC, ID_DESC], filter: { ${DISCLOSED} }) {
        totalCount nodes { id kind decisionDate organisationByAuthorityUscc { name } } } } } }`,
  },
  hundred: {
    subjects: 100,
    hub: readFileSync(new URL('../operations/subjects.graphql', import.meta.url), 'utf8'),
    postgraphile: `query SubjectsWithRecords($usccs: [String!], $first: Int, $today: Date!) { allOrganisations(filter: { uscc: { in: $usccs } }) { nodes {
      uscc name kind districtByDistrictCode { code }
      creditRecordsBySubjectUscc(first: $first, orderBy: [DECISION_DATE_DESC, ID_DESC], filter: { ${DISCLOSED} }) {
        totalCount
        nodes { id kind decisionDate organisationByAuthorityUscc { uscc name } organisationBySourceUnitUscc { uscc name }
          catalogItemByCatalogItemCode { code } }
        pageInfo { hasNextPage endCursor } } } } }`,
  },
} as const;
type QueryName = keyof typeof QUERIES;

// The floor: the 100-subject answer (subjects, counts, 10 records with authority, source unit and catalogue item,
// whether there is a next page) from one statement, as a hand-written endpoint would fetch it.
const DISCLOSED_SQL = `r.status NOT IN (${UNDISCLOSED_STATUSES.map((s) => `'${s}'`).join(', ')}) AND r.disclosure = 'PUBLIC'
  AND (r.publicity_end IS NULL OR r.publicity_end >= $2::date)`;
const FLOOR_SQL = `SELECT o.uscc, o.name, o.kind, o.district_code,
  (SELECT count(*) FROM credit_records r WHERE r.subject_uscc = o.uscc AND ${DISCLOSED_SQL}) AS total_count,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'kind', x.kind, 'decisionDate', x.decision_date,
      'authority', json_build_object('uscc', a.uscc, 'name', a.name), 'sourceUnit', json_build_object('uscc', s.uscc, 'name', s.name),
      'catalogItem', x.catalog_item_code) ORDER BY x.decision_date DESC, x.id DESC), '[]')
    FROM (SELECT r.* FROM credit_records r WHERE r.subject_uscc = o.uscc AND ${DISCLOSED_SQL}
      ORDER BY r.decision_date DESC, r.id DESC LIMIT 11) x
    JOIN organisations a ON a.uscc = x.authority_uscc JOIN organisations s ON s.uscc = x.source_unit_uscc) AS records
FROM organisations o WHERE o.uscc = ANY($1::text[])`;

const today = todayInShanghai();
const knex = createKnex({ kind: 'postgres', url });
// Enterprises and government bodies with records, in a fixed pseudo-random order; every request takes the next set.
const pool = (await knex('organisations').select('uscc').whereIn('kind', ['ENTERPRISE', 'GOVERNMENT_BODY'])
  .whereIn('uscc', knex('credit_records').select('subject_uscc')).orderByRaw('md5(uscc)').limit(5000)) as { uscc: string }[];
const setsOf = (n: number) => Array.from({ length: Math.floor(pool.length / n) }, (_, i) => pool.slice(i * n, i * n + n).map((r) => r.uscc));
const consumerId = `bench-peers-${Date.now()}`;
const { apiKey } = await KnexConsumerStore.create(knex).createConsumer({
  id: consumerId, name: 'bench:peers audited consumer', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'],
  grants: [{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }], rateLimitPerMinute: 1_000_000,
});
await knex.destroy();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with status ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready within 180 s`);
}

const tsx = new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url).pathname;
const hubPort = await freePort();
// The hub as it runs in production (README "Running in production"), as PostGraphile runs with NODE_ENV=production:
// the compiled build under plain node with `npm run start:prod`'s options, the platforms off (neither query reads
// them), keys given. BENCH_HUB_SOURCE=1 runs src/hub/main.ts under tsx instead, without building.
const fromSource = process.env.BENCH_HUB_SOURCE === '1';
if (!fromSource) execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const startProd = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod']!;
const prodArgs = startProd.split(' ').slice(1);
const hubArgs = fromSource ? ['--import', tsx, 'src/hub/main.ts'] : prodArgs;
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const hub = spawn(process.execPath, [...(process.env.BENCH_HUB_NODE_OPTIONS ?? '').split(' ').filter(Boolean), ...hubArgs], {
  env: {
    ...process.env, PORT: String(hubPort), HOST: '127.0.0.1', SEED: 'none', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', METRICS_PORT: '',
    ...(fromSource ? { SANDBOX_SIZE: 'small' } : {
      NODE_ENV: 'production', CHENGXIN_DATA_KEY: DEVELOPMENT_DATA_KEY, CREDIT_CHECK_SIGNING_KEY: signingKey,
      GOV_SERVICE_ENABLED: 'false', CONSTRUCTION_ENABLED: 'false', BIDDING_ENABLED: 'false',
    }),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const pgPort = await freePort();
const postgraphile = spawn(process.execPath, ['--import', tsx, 'test/bench/servePostGraphile.ts'], {
  env: { ...process.env, PORT: String(pgPort), NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'],
});
const stopAll = () => {
  hub.kill('SIGTERM');
  postgraphile.kill('SIGTERM');
};
process.on('exit', stopAll);
const hubUrl = `http://127.0.0.1:${hubPort}/graphql`;
const pgUrl = `http://127.0.0.1:${pgPort}/graphql`;
await waitFor(async () => (await fetch(`http://127.0.0.1:${hubPort}/readyz`)).ok, 'the hub', hub);
await waitFor(async () => (await fetch(pgUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok, 'PostGraphile', postgraphile);

type Target = 'hub (public)' | 'hub (audited)' | 'PostGraphile';
const TARGETS: Target[] = ['hub (public)', 'hub (audited)', 'PostGraphile'];
const AUDITED_HEADERS = { authorization: `Bearer ${apiKey}`, 'x-purpose': 'SUPERVISION', 'x-case-reference': 'BENCH-PEERS' };

function requestOf(target: Target, query: QueryName, usccs: string[]): { url: string; headers: Record<string, string>; body: string } {
  const headers = { 'content-type': 'application/json', ...(target === 'hub (audited)' ? AUDITED_HEADERS : {}) };
  const variables = target === 'PostGraphile' ? { usccs, first: 10, today } : { usccs, first: 10 };
  const text = target === 'PostGraphile' ? QUERIES[query].postgraphile : QUERIES[query].hub;
  return { url: target === 'PostGraphile' ? pgUrl : hubUrl, headers, body: JSON.stringify({ query: text, variables }) };
}

/** Subject, count and record ids of an answer, whichever tool gave it, for the equivalence check. */
function digest(answer: { data?: Record<string, unknown>; errors?: unknown }): string {
  if (answer.errors || !answer.data) throw new Error(`answer with errors: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  type Subject = { uscc: string; creditRecords?: { totalCount: number; edges: { node: { id: string } }[] }; creditRecordsBySubjectUscc?: { totalCount: number; nodes: { id: string }[] } };
  const subjects = (answer.data.subjects ?? (answer.data.allOrganisations as { nodes: Subject[] }).nodes) as Subject[];
  return JSON.stringify(subjects.map((s) => {
    const records = s.creditRecords ? { totalCount: s.creditRecords.totalCount, ids: s.creditRecords.edges.map((e) => String(e.node.id)) }
      : { totalCount: s.creditRecordsBySubjectUscc!.totalCount, ids: s.creditRecordsBySubjectUscc!.nodes.map((n) => String(n.id)) };
    return { uscc: s.uscc, ...records };
  }).sort((a, b) => a.uscc.localeCompare(b.uscc)));
}

async function ask(target: Target, query: QueryName, usccs: string[]): Promise<string> {
  const { url: to, headers, body } = requestOf(target, query, usccs);
  return digest(await (await fetch(to, { method: 'POST', headers, body })).json() as { data?: Record<string, unknown> });
}

// The public's answers must be PostGraphile's, record for record, or the comparison means nothing.
for (const query of Object.keys(QUERIES) as QueryName[]) {
  const [usccs] = setsOf(QUERIES[query].subjects);
  if ((await ask('hub (public)', query, usccs!)) !== (await ask('PostGraphile', query, usccs!))) {
    stopAll();
    throw new Error(`the hub and PostGraphile answer the ${query} query differently for ${usccs!.join(',')}`);
  }
  await ask('hub (audited)', query, usccs!);
}

interface Run { requestsPerSecond: number; p50Ms: number; p97_5Ms: number; non2xx: number; errors: number }

async function drive(target: Target, query: QueryName, duration = DURATION): Promise<Run> {
  const sets = setsOf(QUERIES[query].subjects);
  let next = 0;
  const first = requestOf(target, query, sets[0]!);
  const result = await autocannon({
    url: first.url, connections: CONNECTIONS, duration, method: 'POST', headers: first.headers,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: requestOf(target, query, sets[next++ % sets.length]!).body }) }],
  });
  // A run in which every request timed out (autocannon gives up after 10 s) has no latency to report.
  const answered = result.requests.total > 0;
  return { requestsPerSecond: result.requests.average, p50Ms: answered ? result.latency.p50 : NaN, p97_5Ms: answered ? result.latency.p97_5 : NaN, non2xx: result.non2xx, errors: result.errors };
}

/** The floor statement at the same concurrency for the same duration: one pg connection per autocannon connection. */
async function driveFloor(): Promise<Run> {
  const sets = setsOf(100);
  const floorPool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  let next = 0;
  const timings: number[] = [];
  const until = Date.now() + DURATION * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      await floorPool.query(FLOOR_SQL, [sets[next++ % sets.length], today]);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }));
  await floorPool.end();
  timings.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]! * 10) / 10;
  return { requestsPerSecond: Math.round(timings.length / DURATION), p50Ms: pct(50), p97_5Ms: pct(97.5), non2xx: 0, errors: 0 };
}

// Compiled plans, connection pools and V8's optimised code warm up in every tool alike before anything is timed.
if (WARMUP > 0) {
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    for (const target of TARGETS) if (`${query}|${target}`.includes(ONLY)) await drive(target, query, WARMUP);
  }
}

const runs = new Map<string, Run[]>();
const record = (key: string, run: Run) => runs.set(key, [...(runs.get(key) ?? []), run]);
for (let round = 0; round < ROUNDS; round += 1) {
  // Alternating order, so neither tool always runs on the warmer machine.
  const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    for (const target of order) {
      if (!`${query}|${target}`.includes(ONLY)) continue;
      const run = await drive(target, query);
      record(`${query}|${target}`, run);
      console.error(JSON.stringify({ round, query, target, ...run, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) }));
    }
  }
  if (!'hundred|SQL floor'.includes(ONLY)) continue;
  const floor = await driveFloor();
  record('hundred|SQL floor', floor);
  console.error(JSON.stringify({ round, query: 'hundred', target: 'SQL floor', ...floor, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) }));
}

/** Median of the runs that have the figure (NaN when none has). */
const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
};
// "failed": responses other than 2xx and requests without an answer (timeouts) over all rounds.
const summary = (key: string) => {
  const list = runs.get(key) ?? [{ requestsPerSecond: NaN, p50Ms: NaN, p97_5Ms: NaN, non2xx: 0, errors: 0 }];
  return { requestsPerSecond: median(list.map((r) => r.requestsPerSecond)), p50Ms: median(list.map((r) => r.p50Ms)), p97_5Ms: median(list.map((r) => r.p97_5Ms)), failed: list.reduce((n, r) => n + r.non2xx + r.errors, 0) };
};
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
console.log(JSON.stringify({ database: 'postgresql', connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) }));
for (const query of Object.keys(QUERIES) as QueryName[]) {
  const peer = summary(`${query}|PostGraphile`);
  for (const target of TARGETS) {
    const figures = summary(`${query}|${target}`);
    const vsPeer = target === 'PostGraphile' ? {} : { requestsPerSecondVsPostGraphile: ratio(figures.requestsPerSecond, peer.requestsPerSecond), p50VsPostGraphile: ratio(figures.p50Ms, peer.p50Ms) };
    const vsFloor = query === 'hundred' ? { p50VsSqlFloor: ratio(figures.p50Ms, summary('hundred|SQL floor').p50Ms) } : {};
    console.log(JSON.stringify({ query, subjects: QUERIES[query].subjects, target, ...figures, ...vsPeer, ...vsFloor }));
  }
}
console.log(JSON.stringify({ query: 'hundred', subjects: 100, target: 'SQL floor (one statement through pg)', ...summary('hundred|SQL floor') }));
stopAll();
