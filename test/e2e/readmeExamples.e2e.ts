import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers, TEST_CONSUMERS } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// The README is the first manual users read: its GraphQL examples must run on the sample data.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
// A block preceded by `<!-- as: <consumer id> <PURPOSE> -->` runs as that consumer (support/createTestConsumers.ts).
const examples = [...readme.matchAll(/(?:<!-- as: ([a-z-]+) ([A-Z_]+) -->\n)?```graphql\n([\s\S]*?)```/g)]
  .map((m) => ({ as: m[1] ? { consumer: m[1], purpose: m[2]! } : null, query: m[3]! }));

describe('README examples', () => {
  let hub: TestHub;
  let keys: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(TEST_DATABASES[0]!);
    const byName = await createTestConsumers(hub.hub.knex);
    keys = Object.fromEntries(Object.entries(TEST_CONSUMERS).map(([name, c]) => [c.id, byName[name as keyof typeof TEST_CONSUMERS]]));
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i runs without errors and finds data', async (_n, { as, query }) => {
    const headers = as ? asConsumer(keys[as.consumer]!, as.purpose) : {};
    const { status, body } = await hub.query(query, undefined, headers);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    // Every example finds something: no empty connection and no null subject.
    expect(JSON.stringify(body.data)).not.toMatch(/"totalCount":0|"subject":null/);
  });
});
