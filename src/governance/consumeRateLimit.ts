import type { Knex } from 'knex';

/** The answer for one request: whether it may run, how many more fit in this minute, when the minute ends. */
export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  resetAt: Date;
}

/**
 * `consumerId` is any key (a consumer's id, or e.g. `public:<client address>`; no foreign key).
 * Counts one request of `consumerId` in the fixed one-minute window containing `now` and says whether it
 * is within `limitPerMinute`. One atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING count`, so the limit
 * holds across every hub process sharing the database. Refused requests count too (a client hammering a
 * full window stays refused). A fixed window lets up to twice the limit through around a minute boundary.
 */
export async function consumeRateLimit(
  knex: Knex, consumerId: string, limitPerMinute: number, now: Date = new Date(),
): Promise<RateLimitDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const { rows } = await knex.raw(
    `INSERT INTO rate_limit_windows (consumer_id, window_start, count) VALUES (?, ?, 1)
     ON CONFLICT (consumer_id, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
     RETURNING count`,
    [consumerId, windowStart.toISOString()],
  );
  const count = Number((rows as { count: number | string }[])[0]!.count);
  return {
    allowed: count <= limitPerMinute,
    remaining: Math.max(limitPerMinute - count, 0),
    resetAt: new Date(windowStart.getTime() + 60_000),
  };
}

/** Deletes windows that ended before `before` (they no longer decide anything); returns how many. */
export async function pruneRateLimitWindows(knex: Knex, before: Date): Promise<number> {
  // RETURNING, because knex-pglite answers a bare DELETE with a result object instead of a count.
  const deleted = await knex('rate_limit_windows')
    .where('window_start', '<', new Date(before.getTime() - 60_000).toISOString())
    .delete()
    .returning('window_start');
  return deleted.length;
}
