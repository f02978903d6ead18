import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { createIdNumberVault, createCreditSubschema, DEVELOPMENT_DATA_KEY, KnexCreditStore } from '../../src/credit/index.js';
import { classifySchema, createRateLimiter, DEFAULT_OPERATION_LIMITS, KnexAuditLedger, KnexConsumerStore } from '../../src/governance/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { createAdmission, type HubContext } from '../../src/hub/createAdmission.js';
import { createGraphqlServers } from '../../src/hub/createGraphqlServers.js';
import { createLogger } from '../../src/hub/logger.js';
import { openBenchDatabase } from './openBenchDatabase.js';

// `npm run bench:governance`: what governance costs on the 100-subject query (test/operations/subjects.graphql,
// 100 subjects × 10 records with authority, source unit and catalogue item). Three ways, each through Apollo:
// without governance (disclosed records, and every record); governed as the public (admission with rate limit, gates, disclosure filter); governed
// as the credit office (API key check, every record disclosed, the read committed to the audit ledger).
// Database as for bench:store (DATABASE_URL or PGLITE_DIR; BENCH_SIZE small|large, default large).
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const size = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';
const source = readFileSync(new URL('../operations/subjects.graphql', import.meta.url), 'utf8');

const { knex, kind } = await openBenchDatabase(size);
const logger = createLogger('error');
const store = KnexCreditStore.create(knex, { vault: createIdNumberVault(DEVELOPMENT_DATA_KEY) });
const schema = composeHubSchema({ credit: await createCreditSubschema(store), adapters: [] });
const bare = new ApolloServer<object>({ schema });
await bare.start();
const consumers = KnexConsumerStore.create(knex);
const servers = await createGraphqlServers({
  schema, classification: classifySchema(schema), ledger: KnexAuditLedger.create(knex), logger, limits: DEFAULT_OPERATION_LIMITS,
  isTrustedDocument: (id, hash) => consumers.isTrustedDocument(id, hash),
});
const adminId = `bench-admin-${Date.now()}`;
const { apiKey } = await consumers.createConsumer({ id: adminId, name: 'bench', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], grants: [{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }], rateLimitPerMinute: 1_000_000 });
const rateLimiter = createRateLimiter(knex);
const admit = createAdmission({ consumers, knex, rateLimiter, publicServer: servers.publicServer, internalServer: servers.internalServer, publicRateLimitPerMinute: 1_000_000, authFailureLimitPerMinute: 1_000_000, logger });

const pool = (await knex('organisations').select('uscc').whereIn('uscc', knex('credit_records').select('subject_uscc'))
  .orderByRaw('md5(uscc)').limit(100 * (RUNS + WARMUP))) as { uscc: string }[];
const sets = Array.from({ length: RUNS + WARMUP }, (_, i) => pool.slice((i * 100) % pool.length, (i * 100) % pool.length + 100).map((r) => r.uscc));

function request(headers: Record<string, string>): IncomingMessage {
  return { headers, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
}

async function measure(run: (usccs: string[]) => Promise<void>) {
  const timings: number[] = [];
  for (const [i, usccs] of sets.entries()) {
    const started = process.hrtime.bigint();
    await run(usccs);
    if (i >= WARMUP) timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]! * 10) / 10;
  return { p50Ms: pct(50), p95Ms: pct(95) };
}

function check(result: { body: { kind: string; singleResult?: { errors?: unknown } } }) {
  if (result.body.kind !== 'single' || result.body.singleResult?.errors) throw new Error(JSON.stringify(result.body));
}

async function governed(headers: Record<string, string>) {
  return measure(async (usccs) => {
    const admission = await admit(request(headers));
    if ('refusal' in admission) throw new Error(admission.refusal.message);
    check(await admission.apollo.executeOperation<HubContext>({ query: source, variables: { usccs, first: 10 } }, { contextValue: admission.context }));
  });
}

const ledgerBefore = Number(((await knex('audit_ledger').count({ n: '*' })) as [{ n: string }])[0].n);
const without = await measure(async (usccs) => check(await bare.executeOperation({ query: source, variables: { usccs, first: 10 } }, { contextValue: {} })));
const withoutAll = await measure(async (usccs) => check(await bare.executeOperation({ query: source, variables: { usccs, first: 10 } }, { contextValue: { creditVisibility: { records: 'ALL' } } })));
const asPublic = await governed({});
const asAdmin = await governed({ authorization: `Bearer ${apiKey}`, 'x-purpose': 'SUPERVISION', 'x-case-reference': 'BENCH-1' });
const ledgerAfter = Number(((await knex('audit_ledger').count({ n: '*' })) as [{ n: string }])[0].n);
const base = { database: kind, size, subjectsPerQuery: 100, recordsPerSubject: 10, runs: RUNS };
console.log(JSON.stringify({ ...base, mode: 'without governance (disclosed records, as the store defaults)', ...without }));
console.log(JSON.stringify({ ...base, mode: 'without governance, every record', ...withoutAll }));
console.log(JSON.stringify({ ...base, mode: 'governed, as the public (disclosed records only)', ...asPublic }));
console.log(JSON.stringify({ ...base, mode: 'governed, as the credit office (all records, audited)', ...asAdmin, ledgerEntriesWritten: ledgerAfter - ledgerBefore }));
await bare.stop();
await servers.stop();
await consumers.revokeConsumer(adminId);
await rateLimiter.stop();
await knex.destroy();
