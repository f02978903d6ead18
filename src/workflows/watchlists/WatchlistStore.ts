/** A watchlist as stored (snake_case columns mapped to camelCase). */
export interface WatchlistRow {
  id: string;
  consumerId: string;
  name: string;
  subjects: string[];
  webhookUrl: string | null;
  createdAt: Date;
  lastSequence: number;
}

/** A webhook: where to POST, the HMAC key, and the purpose its deliveries are read for. */
export interface WatchlistWebhook {
  url: string;
  secret: string;
  purpose: string | null;
  caseReference: string | null;
}

/** One event of a watchlist. `data` holds the record or commitment as the change left it (camelCase keys). */
export interface WatchlistEventRow {
  watchlistId: string;
  sequence: number;
  kind: string;
  subjectUscc: string;
  recordId: string | null;
  commitmentId: string | null;
  previousStatus: string | null;
  status: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** An outbox row claimed for delivery, with what the delivery needs. */
export interface ClaimedDelivery {
  id: string;
  watchlistId: string;
  sequence: number;
  /** Attempts including this one. */
  attempt: number;
  consumerId: string;
  webhook: WatchlistWebhook;
}

/** Storage of watchlists, their events and the webhook outbox. */
export interface WatchlistStore {
  /** Creates a watchlist; rejects with a unique violation (code 23505) when the consumer has one of that name. */
  createWatchlist(input: { id: string; consumerId: string; name: string; usccs: readonly string[]; webhook: WatchlistWebhook | null }): Promise<WatchlistRow>;
  /** The consumer's watchlists, by name. */
  watchlistsOf(consumerId: string): Promise<WatchlistRow[]>;
  /** One watchlist, or null. */
  watchlist(id: string): Promise<WatchlistRow | null>;
  /** Adds subjects (those already on the list keep their time of adding). */
  addSubjects(id: string, usccs: readonly string[]): Promise<void>;
  /** Removes subjects. */
  removeSubjects(id: string, usccs: readonly string[]): Promise<void>;
  /** Events of a watchlist with sequence > `after`, oldest first, at most `limit`. */
  eventsAfter(watchlistId: string, after: number, limit: number): Promise<WatchlistEventRow[]>;
  /**
   * Moves queued changes into the watchlists' event streams and finds time-driven events (expiry, overdue
   * commitments, at most once per `timeDrivenEveryMs`), numbering each watchlist's events in order; queues a
   * webhook delivery per event of a watchlist with a webhook. Only one process sequences at a time; the
   * others return at once. Resolves with the watchlists that got events.
   */
  sequenceEvents(today: string, timeDrivenEveryMs: number): Promise<Set<string>>;
  /** Claims up to `limit` deliveries, the oldest undelivered of each watchlist only, leased for `leaseMs`. */
  claimDeliveries(limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Marks a delivery done (the receiver acknowledged it with 2xx): it is never sent again. */
  markDelivered(id: string, status: number): Promise<void>;
  /** Schedules another attempt of a delivery after `delayMs`. */
  scheduleRetry(id: string, delayMs: number, status: number | null, error: string): Promise<void>;
}
