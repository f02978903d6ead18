import type { IngestionRecord, ChecksumIssue } from './IngestionRecord.js';

/** A record already stored under a batch row's authority and document number. */
export interface ExistingRecord {
  id: string;
  sourceUnitUscc: string;
  /** The fingerprint of the row it was last ingested from; null for a record that did not come through ingestion. */
  sourceHash: string | null;
}

/** A stored batch (ingestion_batches). */
export interface BatchRow {
  sourceUnitUscc: string;
  consumerId: string | null;
  channel: 'GRAPHQL' | 'CLI';
  format: 'JSON' | 'CSV';
  counts: { total: number; accepted: number; updated: number; unchanged: number; rejected: number };
}

/** A checksum failure to queue for the credit office, with the row it came from. */
export interface QueuedIssue extends ChecksumIssue {
  rowNumber: number;
  authority: string;
  documentNumber: string;
}

/** An entry of the data-quality queue as the graph shows it. */
export interface DataQualityIssueRow {
  id: string;
  batchId: string;
  rowNumber: number;
  sourceUnitUscc: string;
  recordAuthority: string;
  recordDocumentNumber: string;
  field: string;
  value: string;
  expectedCharacter: string | null;
  reason: string;
  status: string;
  createdAt: Date;
}

/** The key of a record: authority USCC and document number, joined for use as a map key. */
export const recordKey = (authority: string, documentNumber: string): string => `${authority}\u0000${documentNumber}`;

/** What one batch does inside its single transaction. Every method is one set-based statement (chunked). */
export interface IngestionTransaction {
  /** Locks the source unit's organisation row against a concurrent batch of the same unit; false when it is no organisation. */
  lockSourceUnit(uscc: string): Promise<boolean>;
  /** The whole catalogue: item code → record kind and source unit. */
  loadCatalog(): Promise<Map<string, { recordKind: string; sourceUnitUscc: string }>>;
  /** Which of these USCCs are registered organisations. */
  registeredAmong(usccs: readonly string[]): Promise<Set<string>>;
  /** Records already stored under these keys (`recordKey`). */
  findExisting(keys: readonly { authority: string; documentNumber: string }[]): Promise<Map<string, ExistingRecord>>;
  /** Inserts new records and updates changed ones in multi-row upserts; returns the id of each by `recordKey`. */
  upsertRecords(records: readonly IngestionRecord[]): Promise<Map<string, string>>;
  /** Stores the batch; returns its id and time. */
  insertBatch(batch: BatchRow): Promise<{ id: string; receivedAt: Date }>;
  /** Queues checksum failures, once per open (source unit, record, field, value). */
  queueIssues(batchId: string, sourceUnitUscc: string, issues: readonly QueuedIssue[]): Promise<void>;
}

/** Where ingestion stores batches and records. */
export interface IngestionStore {
  /** Runs `work` in one transaction: everything it wrote is committed together or not at all. */
  inTransaction<T>(work: (tx: IngestionTransaction) => Promise<T>): Promise<T>;
  /** The data-quality queue, oldest first, optionally by status and source unit; `first` entries after id `after`. */
  listIssues(filter: { status?: string | null; sourceUnitUscc?: string | null; batchId?: string | null; first: number; after?: string | null }): Promise<DataQualityIssueRow[]>;
}
