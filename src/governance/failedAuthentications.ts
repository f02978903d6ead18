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

/**
 * How long a process trusts the failed-authentication count it last read for an address that is below the
 * limit. Failures counted by other processes are seen here within this time; this process's own are seen at
 * once. With P processes, an address that reached the limit elsewhere may have its keys looked at here for at
 * most this long, and each such attempt that fails is counted and refused from then on.
 */
export const FAILED_AUTHENTICATION_RECHECK_MS = 1_000;
const MAX_ADDRESSES = 10_000;

/** Failed authentications per client address, with the last count each address was seen at kept in memory. */
export interface FailedAuthenticationGate {
  /** As `checkFailedAuthentications`, without a database read while the last count is recent or already at the limit. */
  check(address: string, now?: Date): Promise<RateLimitDecision>;
  /** As `countFailedAuthentication`; what the database answers becomes this process's count at once. */
  count(address: string, now?: Date): Promise<RateLimitDecision>;
}

/**
 * A process's gate in front of key checks (`FAILED_AUTHENTICATION_RECHECK_MS` is its tolerance across
 * processes). A count at the limit is final for its minute (counts only grow), so a refused address is
 * refused without reading; a keyed request from an address without recent failures reads the database at
 * most once per `recheckMs` per address.
 */
export function createFailedAuthenticationGate(
  knex: Knex, limitPerMinute: number, recheckMs: number = FAILED_AUTHENTICATION_RECHECK_MS,
): FailedAuthenticationGate {
  const known = new Map<string, { windowStart: number; count: number; readAt: number }>();
  const remember = (address: string, windowStart: Date, count: number, now: Date) => {
    if (known.size >= MAX_ADDRESSES && !known.has(address)) {
      for (const [key, entry] of known) if (entry.windowStart < windowStart.getTime()) known.delete(key);
      if (known.size >= MAX_ADDRESSES) known.delete(known.keys().next().value!);
    }
    // Counts only grow within a minute: a read that started before this process counted a failure never lowers it.
    const previous = known.get(address);
    const floor = previous?.windowStart === windowStart.getTime() ? previous.count : 0;
    known.set(address, { windowStart: windowStart.getTime(), count: Math.max(count, floor), readAt: now.getTime() });
  };
  const decisionOf = (windowStart: Date, count: number): RateLimitDecision => ({
    allowed: count < limitPerMinute, remaining: Math.max(limitPerMinute - count, 0), resetAt: new Date(windowStart.getTime() + 60_000),
  });
  return {
    async check(address, now = new Date()) {
      const windowStart = windowOf(now);
      const entry = known.get(address);
      if (entry && entry.windowStart === windowStart.getTime() && (entry.count >= limitPerMinute || now.getTime() - entry.readAt < recheckMs)) {
        return decisionOf(windowStart, entry.count);
      }
      const decision = await checkFailedAuthentications(knex, address, limitPerMinute, now);
      remember(address, windowStart, limitPerMinute - decision.remaining, now);
      return decision;
    },
    async count(address, now = new Date()) {
      const decision = await countFailedAuthentication(knex, address, limitPerMinute, now);
      // remaining is limit − count down to 0; at 0 the count is at (or past) the limit, which is all a check needs.
      remember(address, windowOf(now), limitPerMinute - decision.remaining, now);
      return decision;
    },
  };
}
