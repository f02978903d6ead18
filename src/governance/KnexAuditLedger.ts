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

/** The audit ledger on PostgreSQL (server or PGlite) through knex. */
export class KnexAuditLedger implements AuditLedger {
  private constructor(private readonly knex: Knex, private readonly onAppended: (head: LedgerHead) => void) {}

  /** Wraps a migrated database; `onAppended` hears the new head after each committed append (e.g. to checkpoint it). */
  static create(knex: Knex, options: { onAppended?: (head: LedgerHead) => void } = {}): KnexAuditLedger {
    return new KnexAuditLedger(knex, options.onAppended ?? (() => undefined));
  }

  async append(entry: AuditEntryInput): Promise<AuditEntry> {
    const [appended] = await this.appendMany([entry]);
    return appended!;
  }

  async appendMany(entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    if (entries.length === 0) return [];
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
      const inserted: Row[] = [];
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        inserted.push(...await trx('audit_ledger').insert(rows.slice(i, i + INSERT_CHUNK)).returning([...LEDGER_COLUMNS]));
      }
      return inserted.map(toAuditEntry).sort((a, b) => a.seq - b.seq);
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
