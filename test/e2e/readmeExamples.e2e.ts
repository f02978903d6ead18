import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// The README is the first manual users read: its GraphQL examples must run on the sample data.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README examples', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(TEST_DATABASES[0]!);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i runs without errors and finds data', async (_n, query) => {
    const { status, body } = await hub.query(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    // Every example finds something: no empty connection and no null subject.
    expect(JSON.stringify(body.data)).not.toMatch(/"totalCount":0|"subject":null/);
  });
});
