import { spawn, type ChildProcess } from 'node:child_process';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burstOf, KnexConsumerStore } from '../../src/governance/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const ROOT = new URL('../../', import.meta.url);
const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const READ = '{ subject(uscc: "91440300MA5E9NHA04") { ... on Enterprise { serviceCases(first: 1) { edges { node { caseNumber } } } } } }';

/** Starts `npm start`'s entry point as a second hub process on `databaseUrl`; resolves with its GraphQL URL. */
function startHubProcess(databaseUrl: string): Promise<{ child: ChildProcess; graphql: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PGLITE_DIR: '', PORT: '0', SEED: 'none', SANDBOX_SIZE: 'small' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) {
        if (line.includes('"msg":"hub ready"')) resolve({ child, graphql: (JSON.parse(line) as { graphql: string }).graphql });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`second hub exited with ${code}: ${output.slice(-2000)}`)));
  });
}

async function post(url: string, query: string, headers: Record<string, string>): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: { message: string }[] } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as never };
}

describe.skipIf(!postgres)('the audit ledger with two hub processes on one PostgreSQL database', () => {
  let hub: TestHub;
  let second: { child: ChildProcess; graphql: string };
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  const ledgerSize = async () => Number(((await hub.hub.knex('audit_ledger').count({ n: '*' })) as [{ n: string }])[0].n);
  const verify = async () => {
    const { body } = await hub.query<{ auditLedgerVerification: { ok: boolean; entries: number; brokenAtSeq: number | null; reason: string | null } }>(
      '{ auditLedgerVerification { ok entries brokenAtSeq reason } }', undefined, asConsumer(keys.auditor, 'AUDIT'));
    expect(body.errors).toBeUndefined();
    return body.data!.auditLedgerVerification;
  };

  beforeAll(async () => {
    hub = await startTestHub(postgres!);
    keys = await createTestConsumers(hub.hub.knex);
    second = await startHubProcess(hub.databaseUrl!);
  });
  afterAll(async () => {
    second?.child.kill('SIGTERM');
    await hub?.close();
  });

  it('chains every entry of 2 processes × 200 concurrent audited requests and verifies', async () => {
    const before = await ledgerSize();
    const headers = asConsumer(keys.bidding, 'BIDDING');
    const urls = [`${hub.hub.url}/graphql`, second.graphql];
    // 200 audited requests in flight at each process at once (grouped appends: many entries per lock).
    const responses = await Promise.all(Array.from({ length: 400 }, (_, i) => post(urls[i % 2]!, READ, headers)));
    expect(responses.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    expect(await ledgerSize()).toBe(before + 400);
    const seqs = (await hub.hub.knex('audit_ledger').orderBy('seq').pluck('seq')).map(Number);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const result = await verify();
    expect(result).toMatchObject({ ok: true, brokenAtSeq: null });
    expect(result.entries).toBeGreaterThanOrEqual(before + 400);
  });

  it('holds a consumer’s limit of 600 a minute across both processes within the stated tolerance', async () => {
    await KnexConsumerStore.create(hub.hub.knex).createConsumer({ id: 'shared-limit', name: '限流测试', kind: 'SYSTEM', roles: ['DASHBOARD'], rateLimitPerMinute: 600 });
    const { apiKey } = await KnexConsumerStore.create(hub.hub.knex).addKey('shared-limit');
    const urls = [`${hub.hub.url}/graphql`, second.graphql];
    // All 1,000 requests in one fixed window: start early in a minute (the limit counts per calendar minute).
    if (new Date().getSeconds() > 30) await new Promise((resolve) => setTimeout(resolve, (61 - new Date().getSeconds()) * 1000));
    const statuses: number[] = [];
    // 20 requests in flight at a time, alternating between the two processes.
    for (let round = 0; round < 50; round++) {
      statuses.push(...await Promise.all(Array.from({ length: 20 }, (_, i) => post(urls[i % 2]!, '{ districts { code } }', asConsumer(apiKey)).then((r) => r.status))));
    }
    const admitted = statuses.filter((s) => s === 200).length;
    // createRateLimiter: at least the limit, fewer than limit + processes × burstOf(limit) (600 + 2 × 10).
    expect(admitted).toBeGreaterThanOrEqual(600);
    expect(admitted).toBeLessThan(600 + 2 * burstOf(600));
    expect(statuses.filter((s) => s === 429)).toHaveLength(1000 - admitted);
  });

  it('reports a row altered with superuser SQL at its position', async () => {
    const superuser = knexFactory({ client: 'pg', connection: hub.databaseUrl!, pool: { min: 1, max: 1 } });
    try {
      await superuser.transaction(async (trx) => {
        // Bypasses the append-only triggers, as only a superuser can.
        await trx.raw('SET LOCAL session_replication_role = replica');
        await trx('audit_ledger').where({ seq: 37 }).update({ purpose: 'STATISTICS' });
      });
    } finally {
      await superuser.destroy();
    }
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.brokenAtSeq).toBe(37);
    expect(result.reason).toMatch(/hash/);
  });
});
