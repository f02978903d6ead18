import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { AccessLogPage, AuditEntry, AuditEntryInput, AuditLedger } from './AuditLedger.js';
import { boundOperationName } from './boundOperationName.js';
import type { LedgerHead } from './checkpoints/index.js';
import { canonicalJson, computeEntryHash, type LedgerEntryContent } from './ledgerHash.js';
import { LEDGER_COLUMNS, toAccessLogEntry, toAuditEntry, toLedgerContent, toLedgerRow } from './ledgerRows.js';

type Row = Record<string, unknown>;

/** Key of the transaction-scoped advisory lock that serialises appends across every process ('audit' in ASCII). */
export const LEDGER_LOCK_KEY = 0x6175646974;
// Stand-ins for the two hashed values only the database knows, random per process so no entry's text can hold them.
const TIME_MARK = `cx-ledger-time-${randomBytes(12).toString('hex')}`;
const SEQ_MARK = `cx-ledger-seq-${randomBytes(12).toString('hex')}`;

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
 * queued entry (up to 2,000) and appends them in queue order in one statement, `audit_ledger_append`, which
 * takes the ledger lock, chains them after the head and commits (one round trip, the lock held only while the
 * rows are written); only then is each caller resolved with its own entries, after every hash the database
 * computed was checked against `computeEntryHash`. While a group commits
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

  /**
   * Appends `entries` in order after the head in one statement (`audit_ledger_append`: the ledger lock, the head,
   * the rows, committed on their own); resolves once committed, after checking every hash the database made.
   */
  private async commit(entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    const contents = entries.map((input) => toLedgerContent(0, new Date(0), boundOperationName(input)));
    const payload = contents.map((content) => ({
      consumer_id: content.consumerId, purpose: content.purpose, case_reference: content.caseReference,
      operation_name: content.operationName, document_hash: content.documentHash, fields_read: content.fieldsRead,
      subject_usccs: content.subjectUsccs, civil_servant_ids: content.civilServantIds, outcome: content.outcome,
      details: JSON.parse(JSON.stringify(content.details)) as unknown, text: hashedTextAround(content),
    }));
    const rows: Row[] = (await this.knex.raw(
      'SELECT seq, occurred_at, prev_hash, entry_hash FROM audit_ledger_append(?, ?::jsonb)',
      [LEDGER_LOCK_KEY, JSON.stringify(payload)],
    )).rows;
    const appended = rows.map((row, i) => {
      const occurredAt = row.occurred_at instanceof Date ? row.occurred_at : new Date(String(row.occurred_at));
      const content = { ...contents[i]!, seq: Number(row.seq), occurredAt: occurredAt.toISOString() };
      const entryHash = computeEntryHash(String(row.prev_hash), content);
      if (entryHash !== row.entry_hash) {
        throw new Error(`audit_ledger_append hashed entry ${content.seq} as ${String(row.entry_hash)}, computeEntryHash gives ${entryHash}: the function and ledgerHash.ts disagree, fix the function`);
      }
      // The rows as written (details as jsonb gives it back): no read back to parse.
      return toAuditEntry(toLedgerRow(content, String(row.prev_hash), entryHash));
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

/**
 * The canonical JSON of `content` in three pieces around its time and its seq, which the database fills in:
 * `pieces[0] + time + pieces[1] + seq + pieces[2]` is `canonicalJson` of the content at that time and seq.
 */
function hashedTextAround(content: LedgerEntryContent): [string, string, string] {
  const text = canonicalJson({ ...content, occurredAt: TIME_MARK, seq: SEQ_MARK });
  const [before, afterTime, ...moreTime] = text.split(TIME_MARK);
  const [between, after, ...moreSeq] = (afterTime ?? '').split(`"${SEQ_MARK}"`);
  if (moreTime.length > 0 || moreSeq.length > 0 || after === undefined) throw new Error('ledger entry text holds a time or seq mark more than once');
  return [before!, between!, after];
}
