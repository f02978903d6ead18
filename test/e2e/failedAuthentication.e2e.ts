import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 7: failed authentications count against the caller's address with their own limit; past
// it, requests carrying a key get 429 before the key is even looked at.

const LIMIT = 5;
const BAD_KEY = { authorization: 'Bearer cx_live_0000000000000000_notarealsecretnotarealsecret00' };

describe.each(TEST_DATABASES)('failed authentication over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;

  beforeAll(async () => {
    hub = await startTestHub(database, { AUTH_FAILURE_LIMIT_PER_MINUTE: String(LIMIT) });
    keys = await createTestConsumers(hub.hub.knex);
    // The count is per clock minute: start the run well inside one so it cannot straddle two.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
  });
  afterAll(async () => hub?.close());

  it('answers 401 up to the limit, then 429 with Retry-After, even for a valid key or a forwarded address', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const { status, body } = await hub.query('{ districts { code } }', undefined, i % 2 ? BAD_KEY : { authorization: 'Basic bm9wZQ==' });
      answers.push([status, body.errors?.[0]?.extensions?.code]);
    }
    expect(answers).toEqual([
      ...Array.from({ length: LIMIT }, () => [401, 'UNAUTHENTICATED']),
      ...Array.from({ length: 3 }, () => [429, 'RATE_LIMITED']),
    ]);

    for (const headers of [asConsumer(keys.admin), { ...BAD_KEY, 'x-forwarded-for': '203.0.113.7', forwarded: 'for=203.0.113.7', 'x-real-ip': '203.0.113.7' }]) {
      const response = await fetch(`${hub.hub.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ districts { code } }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(response.status).toBe(429);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(body).toEqual({
        errors: [{
          message: `too many failed authentications from this address (limit ${LIMIT} per minute); retry after ${retryAfter} s with a valid key, or leave the Authorization header out to query as the public`,
          extensions: { code: 'RATE_LIMITED', limit: LIMIT, retryAfterSeconds: retryAfter },
        }],
      });
    }
  });

  it('still serves the public from that address, under its own limit', async () => {
    const { status, body } = await hub.query('{ districts { code } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
