import type { WatchlistStore } from './WatchlistStore.js';
import type { WatchlistOptions } from './WatchlistOptions.js';
import { deliverWebhook } from './deliverWebhook.js';

/** The background work of watchlists in one hub process, and how subscriptions wait for new events. */
export interface WatchFeed {
  /** Starts polling (idempotent). */
  start(): void;
  /** Stops polling, lets the round in flight finish and wakes every waiter. Idempotent. */
  stop(): Promise<void>;
  /** True once stop() was called. */
  readonly stopped: boolean;
  /**
   * Resolves when this process numbered events for the watchlist, after `timeoutMs` (another process may have),
   * or at stop — whichever comes first. Never rejects.
   */
  waitForEvents(watchlistId: string, timeoutMs: number): Promise<void>;
  /** Numbers queued events now; resolves with the watchlists that got some. */
  sequenceNow(): Promise<Set<string>>;
  /** Claims and sends due webhook deliveries now; resolves with how many were attempted. */
  deliverNow(): Promise<number>;
}

/**
 * The watchlists' poller: every `pollMs` it numbers queued changes (only one process at a time does, see
 * `WatchlistStore.sequenceEvents`) and wakes the subscriptions of the watchlists that got events, and, in a loop
 * of its own so a slow receiver never delays events, sends due webhook deliveries with retries.
 */
export function createWatchFeed(store: WatchlistStore, options: WatchlistOptions, today: () => string): WatchFeed {
  const pollMs = options.pollMs ?? 200;
  const waiters = new Map<string, Set<() => void>>();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let started = false;
  let stopped = false;
  const warn = (message: string, fields: Record<string, unknown>) => { if (!stopped) options.log?.warn(message, fields); };

  const wake = (watchlistId: string) => {
    for (const resolve of waiters.get(watchlistId) ?? []) resolve();
    waiters.delete(watchlistId);
  };

  const sequenceNow = async () => {
    const touched = await store.sequenceEvents(today(), options.timeDrivenEveryMs ?? 60_000);
    for (const id of touched) wake(id);
    return touched;
  };

  const deliverNow = async () => {
    const claimed = await store.claimDeliveries(20, (options.deliveryTimeoutMs ?? 10_000) + 5_000);
    // One delivery per watchlist at most (only heads are claimed), so they may run side by side.
    await Promise.all(claimed.map((delivery) => deliverWebhook(store, delivery, options).catch((error: unknown) => {
      warn('webhook delivery could not be recorded', { err: error, watchlist: delivery.watchlistId, sequence: delivery.sequence });
    })));
    return claimed.length;
  };

  // Runs `work` every pollMs, never two rounds at once.
  const loop = (name: string, work: () => Promise<unknown>) => {
    const round = () => {
      if (stopped) return;
      const promise = work().catch((error: unknown) => warn(`watchlist ${name} failed`, { err: error }))
        .finally(() => {
          running.delete(promise);
          if (stopped) return;
          const timer = setTimeout(() => {
            timers.delete(timer);
            round();
          }, pollMs);
          timer.unref();
          timers.add(timer);
        });
      running.add(promise);
    };
    round();
  };

  return {
    get stopped() {
      return stopped;
    },
    start() {
      if (started || stopped) return;
      started = true;
      loop('sequencing', sequenceNow);
      loop('webhook delivery', deliverNow);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
      for (const id of [...waiters.keys()]) wake(id);
    },
    waitForEvents(watchlistId, timeoutMs) {
      if (stopped) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const set = waiters.get(watchlistId) ?? new Set();
        waiters.set(watchlistId, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        timer.unref();
        set.add(done);
      });
    },
    sequenceNow,
    deliverNow,
  };
}
