import type { Knex } from 'knex';
import type { RateLimitDecision } from './consumeRateLimit.js';

/** Per-minute request limits, decided in this process and reconciled with the database in the background. */
export interface RateLimiter {
  /**
   * Counts one request of `key` (a consumer's id, or `public:<client address>`) in the fixed one-minute
   * window containing `now` and says whether it is within `limitPerMinute`. Decided from this process's
   * counts and the last global count the database returned, so it normally resolves without touching the
   * database; it waits for one background flush only when this process has admitted `burstOf(limit)`
   * requests of the key that the database has not yet counted. Never rejects: while the database does not
   * answer, it decides on the local counts alone (fail-open to the local limit).
   */
  consume(key: string, limitPerMinute: number, now?: Date): Promise<RateLimitDecision>;
  /** Sends the counts not yet in the database now; resolves when the database has answered (or failed). */
  flush(): Promise<void>;
  /** Stops the background flushing after a last flush. */
  stop(): Promise<void>;
}

/** Options of `createRateLimiter`. */
export interface RateLimiterOptions {
  /** How often counts are sent to the database (ms, 100–500 advised). Default 200. */
  flushIntervalMs?: number;
  /** Hears a failed flush (the counts are kept and sent again); the hub logs it. */
  onFlushError?: (error: unknown) => void;
}

/**
 * How many admissions of one key a process may make ahead of the database: 1/60 of the per-minute limit
 * (one second's worth at the full rate), at least 1. This is the tolerance: with P processes the
 * admissions in a window stay below `limit + P × burstOf(limit)` (600/min on two processes: at most 619).
 */
export function burstOf(limitPerMinute: number): number {
  return Math.max(1, Math.floor(limitPerMinute / 60));
}

interface Window {
  key: string;
  start: number;
  /** The window's count as the database last returned it (this process's flushed admissions included). */
  synced: number;
  /** Admitted here and not yet sent. */
  pending: number;
  /** Admitted here and sent in a flush the database has not yet answered. */
  sending: number;
}

const MINUTE = 60_000;
const CHUNK = 1000;

/**
 * Creates a process's rate limiter on `knex` (table `rate_limit_windows`, shared by every hub process).
 *
 * Each process counts admissions locally; every `flushIntervalMs` one statement adds the new counts of all
 * keys to their rows (`INSERT … ON CONFLICT DO UPDATE SET count = count + excluded.count RETURNING count`,
 * rows in key order so processes never deadlock) and learns the global counts back. A request is admitted
 * when the last global count plus this process's unsent admissions is below the limit and this process is
 * less than `burstOf(limit)` ahead of the database; past that it waits for the next flush (started at once),
 * so a request waits on at most one batched upsert and never queues on a hot row.
 *
 * Tolerance: a process learns of other processes' admissions within one flush, and never runs more than
 * `burstOf(limit)` admissions ahead of the database, so with P processes a window admits at most
 * `limit − 1 + P × burstOf(limit)` requests; one process alone admits exactly `limit`. Whenever a request
 * is refused, at least `limit` were admitted. During a database outage each process admits up to the full
 * limit on its own counts (the bound becomes `P × limit`) and sends them once the database is back.
 */
export function createRateLimiter(knex: Knex, options: RateLimiterOptions = {}): RateLimiter {
  const interval = options.flushIntervalMs ?? 200;
  const windows = new Map<string, Window>();
  let databaseDown = false;
  let flushing: Promise<void> | null = null;
  let again = false;
  let waiters: (() => void)[] = [];
  let latestStart = 0;

  async function flushOnce(): Promise<void> {
    const batch = [...windows.values()].filter((w) => w.pending > 0)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start - b.start));
    const deltas = batch.map((w) => w.pending);
    for (const w of batch) {
      w.sending += w.pending;
      w.pending = 0;
    }
    try {
      for (let i = 0; i < batch.length; i += CHUNK) {
        const chunk = batch.slice(i, i + CHUNK);
        const { rows } = await knex.raw(
          `INSERT INTO rate_limit_windows (consumer_id, window_start, count) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
           ON CONFLICT (consumer_id, window_start) DO UPDATE SET count = rate_limit_windows.count + excluded.count
           RETURNING consumer_id, window_start, count`,
          chunk.flatMap((w, j) => [w.key, new Date(w.start).toISOString(), deltas[i + j]!]),
        ) as { rows: { consumer_id: string; window_start: Date | string; count: number | string }[] };
        const counts = new Map(rows.map((row) => [`${new Date(row.window_start).getTime()}|${row.consumer_id}`, Number(row.count)]));
        chunk.forEach((w, j) => {
          w.synced = Math.max(w.synced, counts.get(`${w.start}|${w.key}`) ?? w.synced);
          w.sending -= deltas[i + j]!;
        });
        deltas.fill(0, i, i + chunk.length);
      }
      databaseDown = false;
    } catch (error) {
      // Keep what was not counted, to send with the next flush; decide locally meanwhile.
      batch.forEach((w, j) => {
        w.sending -= deltas[j]!;
        w.pending += deltas[j]!;
      });
      databaseDown = true;
      options.onFlushError?.(error);
    }
    // Windows before the last minute seen, with nothing left to send, decide nothing more.
    const stale = latestStart - MINUTE;
    for (const [id, w] of windows) if (w.start < stale && w.pending === 0 && w.sending === 0) windows.delete(id);
  }

  function flush(): Promise<void> {
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        again = false;
        await flushOnce();
        const woken = waiters;
        waiters = [];
        for (const wake of woken) wake();
      } while (again);
    })().finally(() => {
      flushing = null;
      // A waiter woken by the last round may have asked for another after the loop ended.
      if (again) void flush();
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), interval);
  timer.unref();

  return {
    async consume(key, limitPerMinute, now = new Date()) {
      const start = Math.floor(now.getTime() / MINUTE) * MINUTE;
      const id = `${start}|${key}`;
      latestStart = Math.max(latestStart, start);
      const resetAt = new Date(start + MINUTE);
      for (;;) {
        let w = windows.get(id);
        if (!w) {
          w = { key, start, synced: 0, pending: 0, sending: 0 };
          windows.set(id, w);
        }
        const local = w.pending + w.sending;
        const count = w.synced + local;
        if (count >= limitPerMinute) return { allowed: false, remaining: 0, resetAt };
        if (local < burstOf(limitPerMinute) || databaseDown) {
          w.pending += 1;
          return { allowed: true, remaining: limitPerMinute - count - 1, resetAt };
        }
        // Too far ahead of the database for this key: wait for the flush that tells what the others admitted.
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          void flush();
        });
      }
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
