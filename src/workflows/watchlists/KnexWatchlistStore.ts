import type { Knex } from 'knex';
import type { ClaimedDelivery, WatchlistEventRow, WatchlistRow, WatchlistStore, WatchlistWebhook } from './WatchlistStore.js';

type Row = Record<string, unknown>;

const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

function toWatchlist(row: Row, subjects: string[]): WatchlistRow {
  return {
    id: String(row.id),
    consumerId: String(row.consumer_id),
    name: String(row.name),
    subjects,
    webhookUrl: (row.webhook_url as string | null) ?? null,
    createdAt: new Date(row.created_at as string | Date),
    lastSequence: Number(row.last_sequence),
  };
}

function toEvent(row: Row): WatchlistEventRow {
  return {
    watchlistId: String(row.watchlist_id),
    sequence: Number(row.sequence),
    kind: String(row.kind),
    subjectUscc: String(row.subject_uscc),
    recordId: row.record_id === null ? null : String(row.record_id),
    commitmentId: row.commitment_id === null ? null : String(row.commitment_id),
    previousStatus: (row.previous_status as string | null) ?? null,
    status: (row.status as string | null) ?? null,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
    occurredAt: new Date(row.occurred_at as string | Date),
  };
}

/** An event found by the sequencer, before it is numbered. */
interface NewEvent {
  watchlistId: string;
  kind: string;
  subjectUscc: string;
  recordId: string | null;
  commitmentId: string | null;
  previousStatus: string | null;
  status: string | null;
  data: Record<string, unknown>;
  sourceKey: string | null;
  occurredAt: Date;
}

const MAX_QUEUE_BATCH = 500;

/** The knex implementation of WatchlistStore; works alike on PostgreSQL and PGlite. */
export class KnexWatchlistStore implements WatchlistStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex` (migrated to 20261202040000_watchlists or later). */
  static create(knex: Knex): KnexWatchlistStore {
    return new KnexWatchlistStore(knex);
  }

  async createWatchlist(input: { id: string; consumerId: string; name: string; usccs: readonly string[]; webhook: WatchlistWebhook | null }): Promise<WatchlistRow> {
    await this.knex.transaction(async (trx) => {
      await trx('watchlists').insert({
        id: input.id, consumer_id: input.consumerId, name: input.name,
        webhook_url: input.webhook?.url ?? null, webhook_secret: input.webhook?.secret ?? null,
        webhook_purpose: input.webhook?.purpose ?? null, webhook_case_reference: input.webhook?.caseReference ?? null,
      });
      if (input.usccs.length > 0) await trx('watchlist_subjects').insert([...new Set(input.usccs)].map((uscc) => ({ watchlist_id: input.id, uscc })));
    });
    return (await this.watchlist(input.id))!;
  }

  async watchlistsOf(consumerId: string): Promise<WatchlistRow[]> {
    const rows: Row[] = await this.knex('watchlists').where({ consumer_id: consumerId }).orderBy([{ column: 'name' }, { column: 'id' }]);
    return this.withSubjects(rows);
  }

  async watchlist(id: string): Promise<WatchlistRow | null> {
    const rows: Row[] = await this.knex('watchlists').where({ id });
    return (await this.withSubjects(rows))[0] ?? null;
  }

  private async withSubjects(rows: Row[]): Promise<WatchlistRow[]> {
    if (rows.length === 0) return [];
    const subjects: Row[] = await this.knex('watchlist_subjects').whereIn('watchlist_id', rows.map((r) => r.id as string)).orderBy('uscc').select('watchlist_id', 'uscc');
    return rows.map((row) => toWatchlist(row, subjects.filter((s) => s.watchlist_id === row.id).map((s) => String(s.uscc))));
  }

  async addSubjects(id: string, usccs: readonly string[]): Promise<void> {
    if (usccs.length === 0) return;
    await this.knex('watchlist_subjects').insert([...new Set(usccs)].map((uscc) => ({ watchlist_id: id, uscc }))).onConflict(['watchlist_id', 'uscc']).ignore();
  }

  async removeSubjects(id: string, usccs: readonly string[]): Promise<void> {
    await this.knex('watchlist_subjects').where({ watchlist_id: id }).whereIn('uscc', [...usccs]).delete();
  }

  async eventsAfter(watchlistId: string, after: number, limit: number): Promise<WatchlistEventRow[]> {
    const rows: Row[] = await this.knex('watchlist_events').where({ watchlist_id: watchlistId }).where('sequence', '>', after).orderBy('sequence').limit(limit);
    return rows.map(toEvent);
  }

  async sequenceEvents(today: string, timeDrivenEveryMs: number): Promise<Set<string>> {
    return this.knex.transaction(async (trx) => {
      // One sequencer at a time, across hub processes: whoever holds this row numbers the events.
      const lock = rowsOf(await trx.raw(`SELECT time_driven_at, now() AS now FROM watch_sequencer WHERE id = 1 FOR UPDATE SKIP LOCKED`));
      if (lock.length === 0) return new Set<string>();
      const found: NewEvent[] = await this.takeQueued(trx);
      const last = lock[0]!.time_driven_at as Date | null;
      const now = new Date(lock[0]!.now as string | Date);
      if (!last || now.getTime() - new Date(last).getTime() >= timeDrivenEveryMs) {
        await trx('watch_sequencer').where({ id: 1 }).update({ time_driven_at: now });
        found.push(...(await this.findTimeDriven(trx, today, now)));
      }
      if (found.length === 0) return new Set<string>();
      return this.append(trx, found);
    });
  }

  // Queued changes in the order they were queued, fanned out to every watchlist holding the subject now.
  private async takeQueued(trx: Knex.Transaction): Promise<NewEvent[]> {
    const queued = rowsOf(await trx.raw(`
      DELETE FROM watch_event_queue WHERE id IN (SELECT id FROM watch_event_queue ORDER BY id LIMIT ${MAX_QUEUE_BATCH} FOR UPDATE)
      RETURNING id, kind, subject_uscc, record_id, previous_status, status, data, occurred_at`))
      .sort((a, b) => Number(a.id) - Number(b.id));
    if (queued.length === 0) return [];
    const holders: Row[] = await trx('watchlist_subjects').whereIn('uscc', [...new Set(queued.map((q) => String(q.subject_uscc)))]).orderBy('watchlist_id').select('watchlist_id', 'uscc');
    return queued.flatMap((q) => holders.filter((h) => h.uscc === q.subject_uscc).map((h): NewEvent => {
      const data = (typeof q.data === 'string' ? JSON.parse(q.data) : q.data) as Record<string, unknown>;
      return {
        watchlistId: String(h.watchlist_id), kind: String(q.kind), subjectUscc: String(q.subject_uscc), recordId: String(q.record_id),
        commitmentId: null, previousStatus: (q.previous_status as string | null) ?? null, status: (q.status as string | null) ?? null,
        data, sourceKey: null, occurredAt: new Date(q.occurred_at as string | Date),
      };
    }));
  }

  // Changes no write makes: a publicity window ending, a commitment falling due. Only those happening after the
  // subject was put on the list (or, for a commitment, recorded after that), once per watchlist.
  private async findTimeDriven(trx: Knex.Transaction, today: string, now: Date): Promise<NewEvent[]> {
    const expired = rowsOf(await trx.raw(`
      SELECT s.watchlist_id, r.id, r.subject_uscc, r.kind, r.document_number, r.decision_date::text AS decision_date, r.severity,
             r.authority_uscc, r.catalog_item_code, r.publicity_start::text AS publicity_start, r.publicity_end::text AS publicity_end
        FROM watchlist_subjects s JOIN credit_records r ON r.subject_uscc = s.uscc
       WHERE r.status = 'IN_PUBLICITY' AND r.publicity_end < ?::date
         AND r.publicity_end >= (s.added_at AT TIME ZONE 'Asia/Shanghai')::date
         AND NOT EXISTS (SELECT 1 FROM watchlist_events e WHERE e.watchlist_id = s.watchlist_id AND e.source_key = 'expired:' || r.id)
       ORDER BY r.publicity_end, r.id`, [today]));
    const overdue = rowsOf(await trx.raw(`
      SELECT s.watchlist_id, s.uscc, c.id, c.kind, c.title, c.body_uscc, c.counterparty_uscc, c.amount::text AS amount, c.due_on::text AS due_on
        FROM watchlist_subjects s JOIN government_commitments c ON c.counterparty_uscc = s.uscc OR c.body_uscc = s.uscc
       WHERE c.status = 'PENDING' AND c.due_on < ?::date
         AND (c.due_on >= (s.added_at AT TIME ZONE 'Asia/Shanghai')::date OR c.created_at >= s.added_at)
         AND NOT EXISTS (SELECT 1 FROM watchlist_events e WHERE e.watchlist_id = s.watchlist_id AND e.source_key = 'overdue:' || c.id)
       ORDER BY c.due_on, c.id`, [today]));
    return [
      ...expired.map((r): NewEvent => ({
        watchlistId: String(r.watchlist_id), kind: 'RECORD_EXPIRED', subjectUscc: String(r.subject_uscc), recordId: String(r.id), commitmentId: null,
        previousStatus: 'IN_PUBLICITY', status: 'EXPIRED', sourceKey: `expired:${String(r.id)}`, occurredAt: now,
        data: {
          kind: r.kind, documentNumber: r.document_number, decisionDate: r.decision_date, severity: r.severity, authorityUscc: r.authority_uscc,
          catalogItemCode: r.catalog_item_code, publicityStart: r.publicity_start, publicityEnd: r.publicity_end,
        },
      })),
      ...overdue.map((c): NewEvent => ({
        watchlistId: String(c.watchlist_id), kind: 'COMMITMENT_OVERDUE', subjectUscc: String(c.uscc), recordId: null, commitmentId: String(c.id),
        previousStatus: null, status: null, sourceKey: `overdue:${String(c.id)}`, occurredAt: now,
        data: { kind: c.kind, title: c.title, bodyUscc: c.body_uscc, counterpartyUscc: c.counterparty_uscc, amount: c.amount, dueOn: c.due_on },
      })),
    ];
  }

  // Numbers the events per watchlist (the watchlist rows locked), and queues webhook deliveries.
  private async append(trx: Knex.Transaction, found: readonly NewEvent[]): Promise<Set<string>> {
    const ids = [...new Set(found.map((e) => e.watchlistId))].sort();
    const lists: Row[] = await trx('watchlists').whereIn('id', ids).orderBy('id').forUpdate().select('id', 'last_sequence', 'webhook_url');
    const next = new Map(lists.map((l) => [String(l.id), Number(l.last_sequence)]));
    const hooked = new Set(lists.filter((l) => l.webhook_url !== null).map((l) => String(l.id)));
    const events: Row[] = [];
    const outbox: Row[] = [];
    for (const e of found) {
      const sequence = (next.get(e.watchlistId) ?? 0) + 1;
      next.set(e.watchlistId, sequence);
      events.push({
        watchlist_id: e.watchlistId, sequence, kind: e.kind, subject_uscc: e.subjectUscc, record_id: e.recordId, commitment_id: e.commitmentId,
        previous_status: e.previousStatus, status: e.status, data: JSON.stringify(e.data), source_key: e.sourceKey, occurred_at: e.occurredAt,
      });
      if (hooked.has(e.watchlistId)) outbox.push({ watchlist_id: e.watchlistId, sequence });
    }
    for (let i = 0; i < events.length; i += 200) await trx('watchlist_events').insert(events.slice(i, i + 200));
    for (let i = 0; i < outbox.length; i += 500) await trx('watchlist_webhook_outbox').insert(outbox.slice(i, i + 500));
    for (const [id, sequence] of next) await trx('watchlists').where({ id }).update({ last_sequence: sequence });
    return new Set(ids);
  }

  async claimDeliveries(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    // FOR UPDATE SKIP LOCKED makes concurrent workers pick different rows; the lease then keeps the row theirs
    // while the HTTP call runs outside any transaction (PGlite has one connection: no transaction may wait on
    // the network). Only the oldest undelivered row of a watchlist is eligible, so delivery is in order.
    const rows = rowsOf(await this.knex.raw(`
      UPDATE watchlist_webhook_outbox o SET attempts = o.attempts + 1, leased_until = now() + (? * interval '1 millisecond')
       WHERE o.id IN (
         SELECT c.id FROM watchlist_webhook_outbox c
          WHERE c.delivered_at IS NULL AND c.next_attempt_at <= now() AND (c.leased_until IS NULL OR c.leased_until < now())
            AND NOT EXISTS (SELECT 1 FROM watchlist_webhook_outbox p WHERE p.watchlist_id = c.watchlist_id AND p.delivered_at IS NULL AND p.sequence < c.sequence)
          ORDER BY c.id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.watchlist_id, o.sequence, o.attempts`, [leaseMs, limit]));
    if (rows.length === 0) return [];
    const lists: Row[] = await this.knex('watchlists').whereIn('id', [...new Set(rows.map((r) => String(r.watchlist_id)))]);
    const byId = new Map(lists.map((l) => [String(l.id), l]));
    return rows.flatMap((r) => {
      const list = byId.get(String(r.watchlist_id));
      if (!list || list.webhook_url === null) return [];
      return [{
        id: String(r.id), watchlistId: String(r.watchlist_id), sequence: Number(r.sequence), attempt: Number(r.attempts), consumerId: String(list.consumer_id),
        webhook: { url: String(list.webhook_url), secret: String(list.webhook_secret), purpose: (list.webhook_purpose as string | null) ?? null, caseReference: (list.webhook_case_reference as string | null) ?? null },
      }];
    }).sort((a, b) => Number(a.id) - Number(b.id));
  }

  async markDelivered(id: string, status: number): Promise<void> {
    await this.knex('watchlist_webhook_outbox').where({ id }).update({ delivered_at: this.knex.fn.now(), leased_until: null, last_status: status, last_error: null });
  }

  async scheduleRetry(id: string, delayMs: number, status: number | null, error: string): Promise<void> {
    await this.knex('watchlist_webhook_outbox').where({ id }).update({
      leased_until: null, last_status: status, last_error: error.slice(0, 500),
      next_attempt_at: this.knex.raw(`now() + (? * interval '1 millisecond')`, [delayMs]),
    });
  }
}
