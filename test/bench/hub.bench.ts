import 'reflect-metadata';
import { loadavg } from 'node:os';
import { createCreditSubschema, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { CONNECTED_GATEWAYS } from '../../src/hub/connectedGateways.js';
import { defaultPlatformSettings, type PlatformCallEvent, type PlatformObserver } from '../../gateways/shared/index.js';
import { measureQuery } from './measureQuery.js';
import { openBenchDatabase } from './openBenchDatabase.js';
import { readSandboxPlacement, startBenchSandboxes } from './startBenchSandboxes.js';

// `npm run bench:hub`: p50/p95 of one query for 100 subjects across all four sources (credit records
// plus every platform field, through real HTTP to the sandboxes), and of the same query's credit part
// on the credit subschema alone (both through the compiled executor the hub gives it). Database as for bench:store; BENCH_SIZE small|large (default large)
// sizes both the database and the sandboxes' fixtures, so the subjects exist on every platform.
// BENCH_SANDBOXES=processes (default) runs each sandbox in a child process of its own, as the platforms are
// remote systems in production; `in-process` runs them inside this process (their CPU and garbage then count
// against the hub). The last line gives merged ÷ credit-alone at p50, p95 and in CPU time per query (this
// process's), and the load average. BENCH_MARKS=1 prints on stderr the monotonic time (µs, as in a
// `node --cpu-prof` profile) at which each phase starts, to cut a profile of the benchmark by phase.
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const size = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';

const CREDIT_PART = `
    uscc name kind district { code }
    creditRecords(first: 10) { totalCount edges { node { id kind decisionDate authority { uscc name } sourceUnit { uscc name } } } }`;
const MERGED = `query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { ${CREDIT_PART}
    ... on Enterprise {
      bids { totalCount edges { node { tenderCode price role won tenderer { name } provenance { recordId fetchedAt } } } }
      awards { totalCount edges { node { tenderCode price noticeDate } } }
      constructionProjects { totalCount edges { node { code name status totalWorkingDays stages { stage actualWorkingDays overdue } } } }
      serviceCases { totalCount edges { node { caseNumber status overdue handlingDepartmentName provenance { recordId } } } }
    }
    ... on GovernmentBody {
      serviceReviewSummary { casesHandled onTimeRate badReviewRate overdueCases }
      approvalPerformance { approvalsHandled overdueApprovals averageWorkingDays }
      tenders { totalCount edges { node { code name budget status } } }
    }
  } }`;
const CREDIT_ONLY = `query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { ${CREDIT_PART} } }`;

const sandboxPlacement = readSandboxPlacement();
const { knex, kind } = await openBenchDatabase(size);
const sandboxes = await startBenchSandboxes(CONNECTED_GATEWAYS, size, 'bench-token', sandboxPlacement);
// How long each platform call of the measured runs took as the hub saw it (request sent to body decoded),
// to tell waiting for the platforms from the hub's own work.
let runCalls: PlatformCallEvent[] = [];
const measuredCalls: PlatformCallEvent[] = [];
const observer: PlatformObserver = { callFinished: (call) => void runCalls.push(call) };
const adapters = CONNECTED_GATEWAYS.map((gateway, i) => ({
  ...gateway.createSubschema({ ...defaultPlatformSettings(gateway.platform, sandboxes[i]!.url, sandboxes[i]!.token), observer }),
  subjectLinks: gateway.subjectLinks,
}));
// The credit subschema as the hub builds it (compiled executor), for both phases.
const credit = await createCreditSubschema(KnexCreditStore.create(knex));
const hub = composeHubSchema({ credit, adapters });

// Distinct sets of 100 subjects, enterprises and government bodies with credit records, chosen deterministically.
const pool = (await knex('organisations').select('uscc').whereIn('kind', ['ENTERPRISE', 'GOVERNMENT_BODY'])
  .whereIn('uscc', knex('credit_records').select('subject_uscc')).orderByRaw('md5(uscc)').limit(100 * (RUNS + WARMUP))) as { uscc: string }[];
const sets = Array.from({ length: RUNS + WARMUP }, (_, i) => ({ usccs: pool.slice((i * 100) % pool.length, (i * 100) % pool.length + 100).map((r) => r.uscc) }));

const callCounts = new Set<string>();
const loadBefore = loadavg()[0]!;
const mark = (phase: string) => process.env.BENCH_MARKS && console.error(`phase ${phase} starts at ${process.hrtime.bigint() / 1000n} µs`);
mark('merged');
const merged = await measureQuery(hub, MERGED, sets, WARMUP,
  async () => {
    callCounts.add((await Promise.all(sandboxes.map(async (s) => `${s.platform}=${(await s.stats()).requests}`))).join(' '));
    measuredCalls.push(...runCalls);
  },
  async () => {
    runCalls = [];
    await Promise.all(sandboxes.map((s) => s.resetStats()));
  });
mark('credit');
const creditAlone = await measureQuery(credit.schema, CREDIT_ONLY, sets, WARMUP, undefined, undefined, undefined, credit.executor);
mark('(none)');
const base = { database: kind, size, subjectsPerQuery: 100, runs: RUNS, sandboxes: sandboxPlacement };
const round = (n: number) => Math.round(n * 100) / 100;
const median = (values: number[]) => Math.round((values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0) * 10) / 10;
const platformCallP50Ms = Object.fromEntries(sandboxes.map((s) => [s.platform, median(measuredCalls.filter((c) => c.platform === s.platform).map((c) => c.durationMs))]));
console.log(JSON.stringify({ ...base, query: 'four sources through the hub', ...merged, platformCallsPerQuery: [...callCounts], platformCallP50Ms }));
console.log(JSON.stringify({ ...base, query: 'credit part on the credit subschema alone', ...creditAlone }));
console.log(JSON.stringify({
  ratioP50: round(merged.p50Ms / creditAlone.p50Ms), ratioP95: round(merged.p95Ms / creditAlone.p95Ms),
  ratioCpu: round(merged.cpuMsPerRun / creditAlone.cpuMsPerRun), sandboxes: sandboxPlacement,
  loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
}));
for (const a of adapters) a.close();
await Promise.all(sandboxes.map((s) => s.stop()));
await knex.destroy();
