import type { Knex } from 'knex';
import { computeEntryHash, GENESIS_HASH } from './ledgerHash.js';
import { contentOf, LEDGER_COLUMNS, toAuditEntry } from './ledgerRows.js';

/** The outcome of checking the chain: every entry sound, or the first broken link. */
export type LedgerVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; seq: number; reason: string };

/**
 * Reads the whole ledger in seq order, `batchSize` rows at a time (memory stays flat for millions of rows),
 * and reports the FIRST broken link: a gap or a seq not starting at 1, a prev_hash that is not the previous
 * entry_hash, or an entry_hash that does not match the entry's content. Rejects only if the database does.
 */
export async function verifyLedger(knex: Knex, options: { batchSize?: number } = {}): Promise<LedgerVerification> {
  const batchSize = options.batchSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows: Record<string, unknown>[] = await knex('audit_ledger')
      .select([...LEDGER_COLUMNS])
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize);
    for (const row of rows) {
      const entry = toAuditEntry(row);
      if (entry.seq !== expectedSeq) {
        const missing = expectedSeq === 1 ? 'the ledger does not start at 1' : `entry ${expectedSeq} is missing`;
        return { ok: false, seq: expectedSeq, reason: `${missing} (next entry is ${entry.seq})` };
      }
      if (entry.prevHash !== prevHash) {
        return { ok: false, seq: entry.seq, reason: `prev_hash does not match entry ${entry.seq - 1}'s entry_hash` };
      }
      if (computeEntryHash(prevHash, contentOf(entry)) !== entry.entryHash) {
        return { ok: false, seq: entry.seq, reason: 'entry_hash does not match the entry\'s content (altered after it was written)' };
      }
      prevHash = entry.entryHash;
      expectedSeq += 1;
    }
    if (rows.length < batchSize) return { ok: true, entries: expectedSeq - 1, headHash: prevHash };
  }
}
