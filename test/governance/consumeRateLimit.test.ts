import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeRateLimit, pruneRateLimitWindows } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { createMigratedDatabase, type MigratedDatabase } from './migratedDatabase.js';

describe.each(TEST_DATABASES)('rate limits on $name', (database) => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
  });
  afterAll(async () => db.close());

  it('lets exactly the limit through in a minute, across two processes', async () => {
    const now = new Date('2026-11-27T08:15:42.500Z');
    const pools = db.url ? [db.knex, db.connect()] : [db.knex, db.knex];
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, i) => consumeRateLimit(pools[i % 2]!, 'bidding-system', 5, now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.map((d) => d.remaining).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    for (const d of decisions) expect(d.resetAt.toISOString()).toBe('2026-11-27T08:16:00.000Z');
    // Another consumer has its own count; the next minute starts afresh.
    expect(await consumeRateLimit(db.knex, 'dashboard', 5, now)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await consumeRateLimit(db.knex, 'bidding-system', 5, new Date('2026-11-27T08:16:00.000Z')))
      .toMatchObject({ allowed: true, remaining: 4 });
  });

  it('prunes only windows that have ended', async () => {
    expect(await pruneRateLimitWindows(db.knex, new Date('2026-11-27T08:16:30.000Z'))).toBe(2);
    expect(await db.knex('rate_limit_windows').pluck('consumer_id')).toEqual(['bidding-system']);
  });
});
