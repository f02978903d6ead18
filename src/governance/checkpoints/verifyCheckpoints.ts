import type { KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import { checkpointSignatureValid, type LedgerCheckpoint } from './ledgerCheckpoint.js';

/** The outcome of holding the ledger to the checkpoints an auditor kept. */
export type CheckpointVerification =
  | { ok: true; checkpoints: number; anchoredSeq: number }
  | { ok: false; checkpoint: number; seq: number; reason: string };

/**
 * Holds the ledger to signed checkpoints (in file order, numbered from 1): each signature must verify with
 * `publicKey`, and the ledger must still hold entry `lastSeq` with entry_hash `headHash`. A ledger cut short
 * (entries deleted from its end) lacks the entry; a chain edited and recomputed after the edit has another
 * hash there. Together with `verifyLedger` (the chain itself is sound) every entry up to the latest
 * checkpoint is proven unchanged. Reports the first failing checkpoint. Rejects only if the database does.
 */
export async function verifyCheckpoints(knex: Knex, checkpoints: readonly LedgerCheckpoint[], publicKey: KeyObject): Promise<CheckpointVerification> {
  const last: { seq: number | string } | undefined = await knex('audit_ledger').orderBy('seq', 'desc').first('seq');
  const ledgerEnd = last ? Number(last.seq) : 0;
  let anchoredSeq = 0;
  for (const [index, checkpoint] of checkpoints.entries()) {
    const number = index + 1;
    if (!checkpointSignatureValid(checkpoint, publicKey)) {
      return { ok: false, checkpoint: number, seq: checkpoint.lastSeq, reason: `checkpoint ${number} is not signed by this public key (key id ${checkpoint.keyId}), or was altered` };
    }
    if (checkpoint.lastSeq > ledgerEnd) {
      return { ok: false, checkpoint: number, seq: checkpoint.lastSeq, reason: `the ledger ends at entry ${ledgerEnd} but checkpoint ${number} (${checkpoint.signedAt}) saw entry ${checkpoint.lastSeq}: entries were deleted` };
    }
    const row: { entry_hash: string } | undefined = await knex('audit_ledger').where('seq', checkpoint.lastSeq).first('entry_hash');
    if (row?.entry_hash !== checkpoint.headHash) {
      return { ok: false, checkpoint: number, seq: checkpoint.lastSeq, reason: `entry ${checkpoint.lastSeq} has another hash than checkpoint ${number} (${checkpoint.signedAt}) signed: the chain up to it was rewritten` };
    }
    anchoredSeq = Math.max(anchoredSeq, checkpoint.lastSeq);
  }
  return { ok: true, checkpoints: checkpoints.length, anchoredSeq };
}
