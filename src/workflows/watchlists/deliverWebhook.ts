import type { ClaimedDelivery, WatchlistStore } from './WatchlistStore.js';
import type { WatchlistOptions } from './WatchlistOptions.js';
import { SIGNATURE_HEADER, signWebhook } from './signWebhook.js';

/** The delay before attempt `attempt + 1` after `attempt` failed: base × 2^(attempt−1), at most `maxMs`. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

async function openPayload(store: WatchlistStore, delivery: ClaimedDelivery): Promise<Record<string, unknown>> {
  const [event] = await store.eventsAfter(delivery.watchlistId, delivery.sequence - 1, 1);
  if (!event) return { event: null };
  return {
    event: {
      cursor: String(event.sequence), sequence: event.sequence, watchlistId: event.watchlistId, kind: event.kind,
      occurredAt: event.occurredAt.toISOString(), subjectUscc: event.subjectUscc, recordId: event.recordId,
    },
  };
}

/**
 * POSTs one claimed delivery to its webhook, signed (X-Chengxin-Signature, see signWebhook), and records the
 * outcome: a 2xx answer marks it delivered for good; anything else (another status, a refused connection, a
 * timeout) schedules the next attempt with exponential backoff. Rejects only when the outcome cannot be stored
 * (the lease then runs out and the delivery is attempted again: at least once).
 */
export async function deliverWebhook(store: WatchlistStore, delivery: ClaimedDelivery, options: WatchlistOptions): Promise<void> {
  const render = options.renderWebhookEvent ?? ((d: ClaimedDelivery) => openPayload(store, d));
  const retry = (status: number | null, error: string) =>
    store.scheduleRetry(delivery.id, retryDelay(delivery.attempt, options.retryBaseMs ?? 1000, options.retryMaxMs ?? 600_000), status, error);
  let body: string;
  try {
    body = JSON.stringify({ watchlistId: delivery.watchlistId, sequence: delivery.sequence, ...(await render(delivery)) });
  } catch (error) {
    return retry(null, `rendering the event failed: ${(error as Error).message}`);
  }
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number;
  try {
    const response = await fetch(delivery.webhook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.deliveryTimeoutMs ?? 10_000),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'chengxin-hub-webhooks',
        [SIGNATURE_HEADER]: signWebhook(delivery.webhook.secret, timestamp, body),
        'x-chengxin-event-id': `${delivery.watchlistId}:${delivery.sequence}`,
        'x-chengxin-delivery-attempt': String(delivery.attempt),
      },
      body,
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    options.log?.warn('webhook delivery failed', { watchlist: delivery.watchlistId, sequence: delivery.sequence, attempt: delivery.attempt, error: (error as Error).message });
    return retry(null, (error as Error).message);
  }
  if (status >= 200 && status < 300) return store.markDelivered(delivery.id, status);
  options.log?.warn('webhook receiver refused a delivery', { watchlist: delivery.watchlistId, sequence: delivery.sequence, attempt: delivery.attempt, status });
  return retry(status, `receiver answered ${status}`);
}
