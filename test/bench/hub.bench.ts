import 'reflect-metadata';
import { loadavg } from 'node:os';
import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import { execute, parse, validate, type GraphQLSchema } from 'graphql';
import { createCreditSubschema, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { CONNECTED_GATEWAYS } from '../../src/hub/connectedGateways.js';
import { defaultPlatformSettings, type PlatformCallEvent, type PlatformObserver } from '../../gateways/shared/index.js';
import { measureQuery, type QueryTimings } from './measureQuery.js';
import { openBenchDatabase } from './openBenchDatabase.js';
import { readSandboxPlacement, startBenchSandboxes } from './startBenchSandboxes.js';

// `npm run bench:hub`: p50/p95 of one query for 100 subjects across all four sources (credit records
// plus every platform field, through real HTTP to the sandboxes), and of the same query's credit part
// on the credit subschema alone (through the compiled executor the hub gives it). The merged query is parsed and
// validated once and executed each run, as Apollo Server runs a query it has seen before. Between the two, the
// merged query on the same graph composed with `stitchingOnly` (stitching's own value-by-value resolution, without
// the hub's shortcuts: delegateWholeSubtrees, resolvePlainSubtrees), for a before/after under the same load;
// BENCH_STITCHING_ONLY=0 leaves it out. To measure as `npm run start:prod` runs the hub, set NODE_ENV=production and
// NODE_OPTIONS=--max-semi-space-size=64 (graphql-js's development checks and young-generation GC weigh on the merged
// query more than on the credit part). Database as for bench:store; BENCH_SIZE small|large (default large)
// sizes both the database and the sandboxes' fixtures, so the subjects exist on every platform.
// BENCH_SANDBOXES=processes (default) runs each sandbox in a child process of its own, as the platforms are
// remote systems in production; `in-process` runs them inside this process (their CPU and garbage then count
// against the hub). The three queries take turns run by run (after WARMUP rounds), so that the machine's load, warm-up
// and the heap weigh on each alike. The last line gives merged ÷ credit-alone at p50, p95 and in CPU time per query
// (this process's), the same for stitching only, and the load average. BENCH_MARKS=1 prints on stderr the monotonic
// times (µs, as in a `node --cpu-prof` profile) at which each run starts and ends, to cut a profile by query.
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const STITCHING_ONLY = process.env.BENCH_STITCHING_ONLY !== '0';
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

// As Apollo Server runs a query it has seen before: parsed and validated once (its document cache), executed each time.
const executorOf = (schema: GraphQLSchema): Executor => async (request: ExecutionRequest) =>
  await execute({ schema, document: request.document, variableValues: request.variables, contextValue: request.context }) as ExecutionResult;

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
const stitchingOnly = composeHubSchema({ credit, adapters, stitchingOnly: true });
for (const schema of [hub, stitchingOnly]) {
  const errors = validate(schema, parse(MERGED));
  if (errors.length > 0) throw new Error(`the merged query is not valid: ${errors.map((e) => e.message).join('; ')}`);
}

// Distinct sets of 100 subjects, enterprises and government bodies with credit records, chosen deterministically.
const pool = (await knex('organisations').select('uscc').whereIn('kind', ['ENTERPRISE', 'GOVERNMENT_BODY'])
  .whereIn('uscc', knex('credit_records').select('subject_uscc')).orderByRaw('md5(uscc)').limit(100 * (RUNS + WARMUP))) as { uscc: string }[];
const sets = Array.from({ length: RUNS + WARMUP }, (_, i) => ({ usccs: pool.slice((i * 100) % pool.length, (i * 100) % pool.length + 100).map((r) => r.uscc) }));

const callCounts = new Set<string>();
const loadBefore = loadavg()[0]!;
const afterMergedRun = async () => {
  callCounts.add((await Promise.all(sandboxes.map(async (s) => `${s.platform}=${(await s.stats()).requests}`))).join(' '));
  measuredCalls.push(...runCalls);
};
const beforeMergedRun = async () => {
  runCalls = [];
  await Promise.all(sandboxes.map((s) => s.resetStats()));
};

/** One query measured run by run, the queries taking turns, so that load, warm-up and heap state weigh on each alike. */
interface Phase {
  name: 'merged' | 'stitching' | 'credit';
  once(set: Record<string, unknown>, measured: boolean): Promise<QueryTimings>;
  timings: QueryTimings[];
}
const phases: Phase[] = [
  { name: 'merged', timings: [], once: (set, measured) => measureQuery(hub, MERGED, [set], 0, measured ? afterMergedRun : undefined, beforeMergedRun, undefined, executorOf(hub)) },
  ...(STITCHING_ONLY ? [{ name: 'stitching' as const, timings: [], once: (set: Record<string, unknown>) => measureQuery(stitchingOnly, MERGED, [set], 0, undefined, undefined, undefined, executorOf(stitchingOnly)) }] : []),
  { name: 'credit', timings: [], once: (set) => measureQuery(credit.schema, CREDIT_ONLY, [set], 0, undefined, undefined, undefined, credit.executor) },
];
for (const [i, set] of sets.entries()) {
  for (let k = 0; k < phases.length; k++) {
    const phase = phases[(i + k) % phases.length]!;
    const started = process.hrtime.bigint() / 1000n;
    const timing = await phase.once(set, i >= WARMUP);
    if (process.env.BENCH_MARKS) console.error(`run ${phase.name} ${started} ${process.hrtime.bigint() / 1000n} µs`);
    if (i >= WARMUP) phase.timings.push(timing);
  }
}
const summary = (name: Phase['name']): QueryTimings | undefined => {
  const timings = phases.find((phase) => phase.name === name)?.timings;
  if (!timings) return undefined;
  const ms = timings.map((t) => t.p50Ms).sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!;
  return { p50Ms: pct(50), p95Ms: pct(95), runs: ms.length, cpuMsPerRun: Math.round(timings.reduce((sum, t) => sum + t.cpuMsPerRun, 0) / ms.length * 10) / 10 };
};
const merged = summary('merged')!;
const stitching = summary('stitching');
const creditAlone = summary('credit')!;
const base = { database: kind, size, subjectsPerQuery: 100, runs: RUNS, sandboxes: sandboxPlacement };
const round = (n: number) => Math.round(n * 100) / 100;
const median = (values: number[]) => Math.round((values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0) * 10) / 10;
const platformCallP50Ms = Object.fromEntries(sandboxes.map((s) => [s.platform, median(measuredCalls.filter((c) => c.platform === s.platform).map((c) => c.durationMs))]));
console.log(JSON.stringify({ ...base, query: 'four sources through the hub', ...merged, platformCallsPerQuery: [...callCounts], platformCallP50Ms }));
if (stitching) console.log(JSON.stringify({ ...base, query: 'four sources, stitching only (no hub shortcuts)', ...stitching }));
console.log(JSON.stringify({ ...base, query: 'credit part on the credit subschema alone', ...creditAlone }));
console.log(JSON.stringify({
  ratioP50: round(merged.p50Ms / creditAlone.p50Ms), ratioP95: round(merged.p95Ms / creditAlone.p95Ms),
  ratioCpu: round(merged.cpuMsPerRun / creditAlone.cpuMsPerRun),
  ...(stitching ? { stitchingOnlyRatioP50: round(stitching.p50Ms / creditAlone.p50Ms), stitchingOnlyRatioCpu: round(stitching.cpuMsPerRun / creditAlone.cpuMsPerRun) } : {}),
  sandboxes: sandboxPlacement, loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
}));
for (const a of adapters) a.close();
await Promise.all(sandboxes.map((s) => s.stop()));
await knex.destroy();
