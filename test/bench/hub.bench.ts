import 'reflect-metadata';
import { buildCreditSchema, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { CONNECTED_GATEWAYS } from '../../src/hub/connectedGateways.js';
import { defaultPlatformSettings, type RunningSandbox } from '../../gateways/shared/index.js';
import { measureQuery } from './measureQuery.js';
import { openBenchDatabase } from './openBenchDatabase.js';

// `npm run bench:hub`: p50/p95 of one query for 100 subjects across all four sources (credit records
// plus every platform field, through real HTTP to the sandboxes), and of the same query's credit part
// on the credit subschema alone. Database as for bench:store; BENCH_SIZE small|large (default large)
// sizes both the database and the sandboxes' fixtures, so the subjects exist on every platform.
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

const { knex, kind } = await openBenchDatabase(size);
const sandboxes: RunningSandbox[] = [];
const adapters = [];
for (const gateway of CONNECTED_GATEWAYS) {
  const started = Date.now();
  const sandbox = await gateway.startSandbox({ size, token: 'bench-token' });
  console.error(`${gateway.platform} sandbox (${size}) ready in ${Date.now() - started} ms`);
  sandboxes.push(sandbox);
  adapters.push({ ...gateway.createSubschema(defaultPlatformSettings(gateway.platform, sandbox.url, sandbox.token)), subjectLinks: gateway.subjectLinks });
}
const credit = await buildCreditSchema(KnexCreditStore.create(knex));
const hub = composeHubSchema({ credit: { schema: credit }, adapters });

// Distinct sets of 100 subjects, enterprises and government bodies with credit records, chosen deterministically.
const pool = (await knex('organisations').select('uscc').whereIn('kind', ['ENTERPRISE', 'GOVERNMENT_BODY'])
  .whereIn('uscc', knex('credit_records').select('subject_uscc')).orderByRaw('md5(uscc)').limit(100 * (RUNS + WARMUP))) as { uscc: string }[];
const sets = Array.from({ length: RUNS + WARMUP }, (_, i) => ({ usccs: pool.slice((i * 100) % pool.length, (i * 100) % pool.length + 100).map((r) => r.uscc) }));

const callCounts = new Set<string>();
const merged = await measureQuery(hub, MERGED, sets, WARMUP,
  () => callCounts.add(sandboxes.map((s) => `${s.platform}=${s.stats().requests}`).join(' ')),
  () => sandboxes.forEach((s) => s.resetStats()));
const creditAlone = await measureQuery(credit, CREDIT_ONLY, sets, WARMUP);
const base = { database: kind, size, subjectsPerQuery: 100, runs: RUNS };
console.log(JSON.stringify({ ...base, query: 'four sources through the hub', ...merged, platformCallsPerQuery: [...callCounts] }));
console.log(JSON.stringify({ ...base, query: 'credit part on the credit subschema alone', ...creditAlone }));
console.log(JSON.stringify({ ratioP50: Math.round((merged.p50Ms / creditAlone.p50Ms) * 100) / 100, ratioP95: Math.round((merged.p95Ms / creditAlone.p95Ms) * 100) / 100 }));
for (const a of adapters) a.close();
await Promise.all(sandboxes.map((s) => s.stop()));
await knex.destroy();
