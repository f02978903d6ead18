import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS } from '../../src/governance/index.js';
import { createSeededRandom } from '../codes/seededRandom.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';
import { createOperationGenerator } from './generateOperation.js';
import { readSchemaFile } from '../../schema/readSchemaFile.js';

// Issue 10, "Done when": a seeded fuzz run across roles gives no INTERNAL_SERVER_ERROR, no 5xx and no answer
// over the limits. 2,000 operations on the embedded database; 600 on PostgreSQL, where each costs more.
const SEED = 0x10_0005;
const OPERATIONS = { pglite: 2000, postgres: 600 } as const;
const CONCURRENCY = 8;

describe.each(TEST_DATABASES)('seeded fuzz over HTTP on $name', (database) => {
  let hub: TestHub;
  let roles: [string, Record<string, string>][];
  beforeAll(async () => {
    hub = await startTestHub(database, { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' });
    const keys = await createTestConsumers(hub.hub.knex);
    await hub.hub.knex('consumers').update({ rate_limit_per_minute: 1_000_000 });
    roles = [
      ['public', {}],
      ['bidding', asConsumer(keys.bidding, 'BIDDING')],
      ['investment', asConsumer(keys.investment, 'INVESTMENT_PROMOTION')],
      ['dashboard', asConsumer(keys.dashboard, 'STATISTICS')],
      ['enterprise', asConsumer(keys.self, 'SELF_INQUIRY')],
      ['objector', asConsumer(keys.objector, 'OBJECTION')],
      ['source unit', asConsumer(keys.sourceUnit, 'RECORD_REPORTING')],
      ['personnel', asConsumer(keys.personnel, 'CADRE_SELECTION')],
      ['credit office', asConsumer(keys.admin, 'SUPERVISION')],
      ['auditor', asConsumer(keys.auditor, 'AUDIT')],
      ['bad key', { authorization: 'Bearer nope' }],
    ];
  });
  afterAll(async () => hub?.close());

  it(`sends ${OPERATIONS.pglite} (PGlite) or ${OPERATIONS.postgres} (PostgreSQL) generated operations: no internal error, no 5xx, nothing over the limits`, async () => {
    const random = createSeededRandom(SEED);
    const schema = buildSchema(readSchemaFile('hub.graphql'));
    const generate = createOperationGenerator(schema, random);
    const total = OPERATIONS[database.name];
    const jobs = Array.from({ length: total }, () => ({ role: roles[Math.floor(random() * roles.length)]!, operation: generate() }));
    const outcomes = new Map<string, number>();
    const failures: { role: string; status: number; code: unknown; message: string; path: unknown; query: string; variables: unknown }[] = [];
    const started = performance.now();
    let slowest = 0;
    for (let i = 0; i < jobs.length; i += CONCURRENCY) {
      await Promise.all(jobs.slice(i, i + CONCURRENCY).map(async ({ role: [role, headers], operation }) => {
        const sent = performance.now();
        const response = await fetch(`${hub.hub.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(operation),
        });
        const text = await response.text();
        slowest = Math.max(slowest, performance.now() - sent);
        let body: { data?: unknown; errors?: { message: string; path?: unknown; extensions?: { code?: unknown } }[] } = {};
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          body = { errors: [{ message: `not JSON: ${text.slice(0, 80)}`, extensions: { code: 'NOT_JSON' } }] };
        }
        const codes = [...new Set((body.errors ?? []).map((e) => String(e.extensions?.code)))];
        const outcome = `${response.status} ${codes.length === 0 ? 'OK' : codes.sort().join('+')}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        const internal = (body.errors ?? []).find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === 'NOT_JSON');
        if (response.status >= 500 || internal || Buffer.byteLength(text) > DEFAULT_OPERATION_LIMITS.maxResponseBytes) {
          failures.push({ role, status: response.status, code: internal?.extensions?.code, message: internal?.message ?? '', path: internal?.path, query: operation.query.slice(0, 600), variables: operation.variables });
        }
      }));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz on ${database.name}: ${total} operations in ${seconds} s (slowest ${Math.round(slowest)} ms)\n${[...outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `  ${String(n).padStart(5)}  ${o}`).join('\n')}`);
    if (failures.length > 0) console.log(JSON.stringify(failures.slice(0, 20), null, 1));
    expect(failures).toEqual([]);
  }, 900_000);
});
