import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burstOf, createRateLimiter, type RateLimiter } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { createMigratedDatabase, type MigratedDatabase } from './migratedDatabase.js';

const countOf = async (db: MigratedDatabase, key: string): Promise<number> =>
  Number((await db.knex('rate_limit_windows').where({ consumer_id: key }).sum({ n: 'count' }))[0]?.n ?? 0);

describe.each(TEST_DATABASES)('rate limits counted locally and reconciled on $name', (database) => {
  let db: MigratedDatabase;
  const limiters: RateLimiter[] = [];
  const limiter = (knex = db.knex) => {
    const created = createRateLimiter(knex);
    limiters.push(created);
    return created;
  };
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
  });
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.stop()));
    await db.close();
  });

  it('lets exactly the limit through in one process, and the database holds the count after a flush', async () => {
    const now = new Date('2026-11-27T08:15:42.500Z');
    const one = limiter();
    const decisions = await Promise.all(Array.from({ length: 8 }, () => one.consume('dashboard', 5, now)));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0]);
    expect(decisions[0]!.resetAt.toISOString()).toBe('2026-11-27T08:16:00.000Z');
    await one.flush();
    expect(await countOf(db, 'dashboard')).toBe(5);
    // The next minute starts afresh.
    expect(await one.consume('dashboard', 5, new Date('2026-11-27T08:16:00.000Z'))).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('holds 600 a minute across two processes within the stated tolerance', async () => {
    const now = new Date('2026-11-27T09:00:10.000Z');
    // Two limiters with their own counts, as two hub processes (their own pools on PostgreSQL).
    const processes = [limiter(), limiter(db.url ? db.connect() : db.knex)];
    let admitted = 0;
    let refused = 0;
    // 1,000 requests from one consumer, 20 at a time to each process.
    for (let round = 0; round < 25; round++) {
      const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => processes[i % 2]!.consume('bidding-system', 600, now)));
      admitted += decisions.filter((d) => d.allowed).length;
      refused += decisions.filter((d) => !d.allowed).length;
    }
    expect(admitted).toBeGreaterThanOrEqual(600);
    expect(admitted).toBeLessThan(600 + 2 * burstOf(600));
    expect(admitted + refused).toBe(1000);
    await Promise.all(processes.map((p) => p.flush()));
    expect(await countOf(db, 'bidding-system')).toBe(admitted);
  });
});

describe('rate limits while the database does not answer', () => {
  it('decide on the local counts without waiting, and report the failed flush', async () => {
    // Nothing listens on port 1: every flush fails.
    const unreachable = knexFactory({ client: 'pg', connection: 'postgres://postgres@127.0.0.1:1/none', pool: { min: 0, max: 1 }, acquireConnectionTimeout: 1000, log: { warn() {}, error() {}, debug() {}, deprecate() {} } });
    const errors: unknown[] = [];
    const offline = createRateLimiter(unreachable, { onFlushError: (error) => errors.push(error) });
    try {
      const now = new Date('2026-11-27T10:00:00.000Z');
      const decisions = await Promise.all(Array.from({ length: 12 }, () => offline.consume('public:127.0.0.1', 10, now)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await offline.stop();
      await unreachable.destroy();
    }
  });
});
