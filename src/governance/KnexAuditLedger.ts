import type { Knex } from 'knex';
import type { AccessLogPage, AuditEntry, AuditEntryInput, AuditLedger } from './AuditLedger.js';
import { boundOperationName } from './boundOperationName.js';
import type { LedgerHead } from './checkpoints/index.js';
import { computeEntryHash, GENESIS_HASH } from './ledgerHash.js';
import { LEDGER_COLUMNS, toAccessLogEntry, toAuditEntry, toLedgerContent, toLedgerRow } from './ledgerRows.js';

type Row = Record<string, unknown>;

/** Key of the transaction-scoped advisory lock that serialises appends across every process ('audit' in ASCII). */
export const LEDGER_LOCK_KEY = 0x6175646974;
const INSERT_CHUNK = 500;

/** Most entries one grouped transaction appends; the rest wait for the next. */
const MAX_GROUP_ENTRIES = 2000;
/** SQLSTATE classes of an entry the database refused: data exception, integrity constraint, raised by a trigger. */
const REFUSED_ENTRY = /^(22|23|P0)/;

/** One caller's entries waiting in the group-commit queue. */
interface Waiting {
  entries: readonly AuditEntryInput[];
  resolve(appended: AuditEntry[]): void;
  reject(error: unknown): void;
}

/**
 * The audit ledger on PostgreSQL (server or PGlite) through knex.
 *
 * Appends are grouped (group commit): callers queue their entries, and one flusher per ledger takes every
 * queued entry (up to 2,000), takes the ledger lock once, chains them after the head in queue order in one
 * transaction, commits, and only then resolves each caller with its own entries. While a group commits
 * the next one gathers, so under load each lock and each commit carries many entries, and the processes
 * sharing the database take the lock per group instead of per entry. The chain is the same as appending
 * one by one: consecutive seq, each prev_hash the previous entry_hash. A group that fails is retried
 * caller by caller, so one bad entry fails only its own caller.
 */
export class KnexAuditLedger implements AuditLedger {
  private queue: Waiting[] = [];
  private flushing = false;

  private constructor(private readonly knex: Knex, private readonly onAppended: (head: LedgerHead) => void) {}

  /** Wraps a migrated database; `onAppended` hears the new head after each committed group (e.g. to checkpoint it). */
  static create(knex: Knex, options: { onAppended?: (head: LedgerHead) => void } = {}): KnexAuditLedger {
    return new KnexAuditLedger(knex, options.onAppended ?? (() => undefined));
  }

  async append(entry: AuditEntryInput): Promise<AuditEntry> {
    const [appended] = await this.appendMany([entry]);
    return appended!;
  }

  appendMany(entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return new Promise<AuditEntry[]>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  /** Commits queued groups one after another until the queue is empty; never rejects. */
  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        let size = 0;
        let take = 0;
        while (take < this.queue.length && (take === 0 || size + this.queue[take]!.entries.length <= MAX_GROUP_ENTRIES)) {
          size += this.queue[take]!.entries.length;
          take += 1;
        }
        const group = this.queue.splice(0, take);
        try {
          const appended = await this.commit(group.flatMap((waiting) => waiting.entries));
          let offset = 0;
          for (const waiting of group) {
            waiting.resolve(appended.slice(offset, offset + waiting.entries.length));
            offset += waiting.entries.length;
          }
        } catch (error) {
          // Nothing of the group was written. A database that does not answer fails every caller at once; an
          // entry the database refused (data, constraint or trigger error) is retried caller by caller, so a
          // bad entry fails only its own caller.
          if (group.length === 1 || !REFUSED_ENTRY.test(String((error as { code?: unknown }).code ?? ''))) {
            for (const waiting of group) waiting.reject(error);
            continue;
          }
          for (const waiting of group) await this.commit(waiting.entries).then(waiting.resolve, waiting.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Appends `entries` in order after the head in one transaction under the ledger lock; resolves once committed. */
  private async commit(entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    const appended = await this.knex.transaction(async (trx) => {
      // Every process takes the same lock before reading the head, so two appends never pick the same seq;
      // it is released at commit, after which the next waiter reads the new head.
      await trx.raw('SELECT pg_advisory_xact_lock(?)', [LEDGER_LOCK_KEY]);
      const head: Row = (await trx.raw(`
        SELECT h.seq, h.entry_hash, date_trunc('milliseconds', clock_timestamp()) AS now
          FROM (SELECT 1) AS one
          LEFT JOIN LATERAL (SELECT seq, entry_hash FROM audit_ledger ORDER BY seq DESC LIMIT 1) AS h ON true`)).rows[0];
      let seq = head.seq === null ? 0 : Number(head.seq);
      let prevHash = head.entry_hash === null ? GENESIS_HASH : String(head.entry_hash);
      const occurredAt = head.now instanceof Date ? head.now : new Date(String(head.now));
      const rows = entries.map((input) => {
        seq += 1;
        const content = toLedgerContent(seq, occurredAt, boundOperationName(input));
        const entryHash = computeEntryHash(prevHash, content);
        const row = toLedgerRow(content, prevHash, entryHash);
        prevHash = entryHash;
        return row;
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx('audit_ledger').insert(rows.slice(i, i + INSERT_CHUNK));
      // The rows as written (details as jsonb gives it back): no RETURNING to parse.
      return rows.map(toAuditEntry);
    });
    const head = appended[appended.length - 1]!;
    this.onAppended({ seq: head.seq, entryHash: head.entryHash });
    return appended;
  }

  async listAccessesToSubject(uscc: string, page: { limit: number; before?: number }): Promise<AccessLogPage> {
    const limit = Math.min(Math.max(Math.trunc(page.limit), 1), 500);
    const rows: Row[] = await this.knex('audit_ledger as l')
      .leftJoin('consumers as c', 'c.id', 'l.consumer_id')
      .select(LEDGER_COLUMNS.map((column) => `l.${column}`))
      .select({ consumer_name: 'c.name' })
      .whereRaw('l.subject_usccs @> ARRAY[?]::text[]', [uscc])
      .modify((q) => { if (page.before !== undefined) q.where('l.seq', '<', page.before); })
      .orderBy('l.seq', 'desc')
      .limit(limit + 1);
    const entries = rows.slice(0, limit).map(toAccessLogEntry);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.seq : null };
  }
}
