import type { ClaimedDelivery } from './WatchlistStore.js';

/** How the hub renders one webhook delivery: the event as the watchlist's owner may read it (governed, audited). */
export type RenderWebhookEvent = (delivery: ClaimedDelivery) => Promise<Record<string, unknown>>;

/** Tuning of watchlists; every field has a default. */
export interface WatchlistOptions {
  /** How often each hub process looks for new events and due deliveries (ms); default 200. */
  pollMs?: number;
  /** How often expiries and overdue commitments are looked for (ms); default 60000. */
  timeDrivenEveryMs?: number;
  /** First retry delay of a failed delivery (ms), doubled per attempt; default 1000. */
  retryBaseMs?: number;
  /** Longest retry delay (ms); default 600000 (10 minutes). */
  retryMaxMs?: number;
  /** Time allowed for the receiver to answer (ms); default 10000. */
  deliveryTimeoutMs?: number;
  /** Renders a delivery's payload; default: the event's open fields only. */
  renderWebhookEvent?: RenderWebhookEvent;
  /** Where delivery failures are reported. */
  log?: { warn(message: string, fields: Record<string, unknown>): void };
}
