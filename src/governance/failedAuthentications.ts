import type { Knex } from 'knex';
import { consumeRateLimit, type RateLimitDecision } from './consumeRateLimit.js';

// Failed authentications share rate_limit_windows with the request limits, under their own key, so they
// are counted atomically across hub processes and pruned with the other windows.
const keyOf = (address: string): string => `auth-failures:${address}`;
const windowOf = (now: Date): Date => new Date(Math.floor(now.getTime() / 60_000) * 60_000);

/**
 * Whether `address` (the TCP peer, never a forwarded-for header) may still try a key in the minute
 * containing `now`: refused once it has failed `limitPerMinute` times in that minute. Reads only; a
 * request without a key never calls this, so the public is not slowed by it.
 */
export async function checkFailedAuthentications(knex: Knex, address: string, limitPerMinute: number, now: Date = new Date()): Promise<RateLimitDecision> {
  const windowStart = windowOf(now);
  const row = (await knex('rate_limit_windows').first('count').where({ consumer_id: keyOf(address), window_start: windowStart.toISOString() })) as { count: number | string } | undefined;
  const count = Number(row?.count ?? 0);
  return { allowed: count < limitPerMinute, remaining: Math.max(limitPerMinute - count, 0), resetAt: new Date(windowStart.getTime() + 60_000) };
}

/** Counts one failed authentication of `address` in the minute containing `now`. */
export async function countFailedAuthentication(knex: Knex, address: string, limitPerMinute: number, now: Date = new Date()): Promise<RateLimitDecision> {
  return consumeRateLimit(knex, keyOf(address), limitPerMinute, now);
}
