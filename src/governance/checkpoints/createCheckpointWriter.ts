import { appendFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import { signCheckpoint, type LedgerHead } from './ledgerCheckpoint.js';

/** Where and how often the hub anchors the ledger's head. */
export interface CheckpointOptions {
  /** Ed25519 private key, read from outside the database (a file named by AUDIT_CHECKPOINT_KEY). */
  privateKey: KeyObject;
  /** The JSON-lines file checkpoints are appended to (AUDIT_CHECKPOINT_FILE), e.g. on storage the auditors keep. */
  file: string;
  /** A checkpoint at the latest once this many entries were appended since the previous one. */
  everyEntries: number;
  /** A checkpoint at the latest this long after the previous one, when entries were appended since. */
  everyMs: number;
}

/** Writes signed checkpoints of the ledger head; one per hub process. */
export interface CheckpointWriter {
  /** Tells the writer an entry was appended by this process; writes a checkpoint when `everyEntries` are due. */
  noteAppended(head: LedgerHead): void;
  /** Writes a checkpoint of the database's current head if it moved since the last one; resolves when written. */
  checkpointNow(): Promise<void>;
  /** Stops the timer; writes a last checkpoint if the head moved. */
  close(): Promise<void>;
}

/** Where a failed checkpoint write is reported; the hub passes its logger. */
export interface CheckpointLog {
  warn(message: string, fields: Record<string, unknown>): void;
}

/**
 * Anchors the ledger outside the database: appends a signed checkpoint of the head to `options.file` every
 * `everyEntries` entries this process appended, and every `everyMs` when the head (appended by any process)
 * moved. Writes are serialised and appended (never rewritten); a failed write is logged and retried at the
 * next occasion, and never fails the request that triggered it.
 */
export function createCheckpointWriter(knex: Knex, options: CheckpointOptions, log: CheckpointLog, now: () => Date = () => new Date()): CheckpointWriter {
  let lastWritten = 0;
  // The head last handed to `write`, so entries appended while a write is pending do not queue another.
  let lastQueued = 0;
  let queue: Promise<void> = Promise.resolve();
  const write = (head: LedgerHead): Promise<void> => {
    lastQueued = Math.max(lastQueued, head.seq);
    queue = queue.then(async () => {
      if (head.seq <= lastWritten) return;
      try {
        await appendFile(options.file, `${JSON.stringify(signCheckpoint(head, options.privateKey, now()))}\n`, { encoding: 'utf8', mode: 0o640 });
        lastWritten = head.seq;
      } catch (error) {
        lastQueued = lastWritten;
        log.warn('writing an audit ledger checkpoint failed; retried at the next one', { err: error, file: options.file });
      }
    });
    return queue;
  };
  const checkpointNow = async (): Promise<void> => {
    const row: { seq: number | string; entry_hash: string } | undefined = await knex('audit_ledger').orderBy('seq', 'desc').first('seq', 'entry_hash');
    if (row) await write({ seq: Number(row.seq), entryHash: row.entry_hash });
  };
  const timer = setInterval(() => {
    checkpointNow().catch((error: unknown) => log.warn('reading the audit ledger head for a checkpoint failed', { err: error }));
  }, options.everyMs);
  timer.unref();
  return {
    noteAppended(head) {
      if (head.seq - lastQueued >= options.everyEntries) void write(head);
    },
    checkpointNow,
    async close() {
      clearInterval(timer);
      await checkpointNow().catch((error: unknown) => log.warn('reading the audit ledger head for a checkpoint failed', { err: error }));
    },
  };
}
