import { documentNumberKey } from './documentNumberKey.js';
import type { IngestionRecord, ChecksumIssue } from './IngestionRecord.js';

/** A record already stored under a batch row's authority and document number. */
export interface ExistingRecord {
  id: string;
  sourceUnitUscc: string;
  /** The document number as first reported (its display form). */
  documentNumber: string;
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

/** A row whose (authority, document number key) another source unit already reported: queued for the credit office. */
export interface QueuedConflict {
  rowNumber: number;
  authority: string;
  documentNumber: string;
  /** The field of the document number (CF_WSH / XK_WSH). */
  field: string;
  recordId: string;
  reason: string;
}

/** A source unit's registration to report decisions of one authority (source_unit_authorities). */
export interface AuthorityRegistration {
  sourceUnitUscc: string;
  authorityUscc: string;
  registeredAt: Date;
  registeredBy: string;
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
  /** CHECKSUM (a code failed its check) or KEY_CONFLICT (another unit already reported the decision). */
  kind: string;
  conflictingRecordId: string | null;
}

/**
 * The key of a record: authority USCC and the document number's canonical form (`documentNumberKey`, the
 * column credit_records.document_number_key), joined for use as a map key. Idempotent on a key.
 */
export const recordKey = (authority: string, documentNumber: string): string => `${authority}\u0000${documentNumberKey(documentNumber)}`;

/** What one batch does inside its single transaction. Every method is one set-based statement (chunked). */
export interface IngestionTransaction {
  /** Locks the source unit's organisation row against a concurrent batch of the same unit; false when it is no organisation. */
  lockSourceUnit(uscc: string): Promise<boolean>;
  /** The whole catalogue: item code → record kind and source unit. */
  loadCatalog(): Promise<Map<string, { recordKind: string; sourceUnitUscc: string }>>;
  /** Which of these USCCs are registered organisations. */
  registeredAmong(usccs: readonly string[]): Promise<Set<string>>;
  /** The authorities the source unit is registered to report decisions of (source_unit_authorities). */
  authoritiesOf(sourceUnitUscc: string): Promise<Set<string>>;
  /** Records already stored under these keys (`recordKey`). */
  findExisting(keys: readonly { authority: string; documentNumber: string }[]): Promise<Map<string, ExistingRecord>>;
  /** Inserts new records and updates changed ones in multi-row upserts; returns the id of each by `recordKey`. */
  upsertRecords(records: readonly IngestionRecord[]): Promise<Map<string, string>>;
  /** Stores the batch; returns its id and time. */
  insertBatch(batch: BatchRow): Promise<{ id: string; receivedAt: Date }>;
  /** Queues checksum failures, once per open (source unit, record, field, value). */
  queueIssues(batchId: string, sourceUnitUscc: string, issues: readonly QueuedIssue[]): Promise<void>;
  /** Queues key conflicts with another unit's record, once per open (source unit, record, field, value). */
  queueConflicts(batchId: string, sourceUnitUscc: string, conflicts: readonly QueuedConflict[]): Promise<void>;
}

/** Where ingestion stores batches and records. */
export interface IngestionStore {
  /** Runs `work` in one transaction: everything it wrote is committed together or not at all. */
  inTransaction<T>(work: (tx: IngestionTransaction) => Promise<T>): Promise<T>;
  /** The data-quality queue, oldest first, optionally by status and source unit; `first` entries after id `after`. */
  listIssues(filter: { status?: string | null; sourceUnitUscc?: string | null; batchId?: string | null; first: number; after?: string | null }): Promise<DataQualityIssueRow[]>;
  /** Registrations, by source unit then authority; only the unit's when given. */
  listAuthorityRegistrations(sourceUnitUscc: string | null): Promise<AuthorityRegistration[]>;
  /**
   * Registers the unit for the authority (idempotent: an existing registration is returned as it is). Resolves
   * `null` when either USCC is no organisation, nothing written.
   */
  registerAuthority(sourceUnitUscc: string, authorityUscc: string, registeredBy: string): Promise<AuthorityRegistration | null>;
  /** Those of `usccs` that no organisation has, in input order. */
  unknownOrganisations(usccs: readonly string[]): Promise<string[]>;
  /** Removes the registration; false when there was none. Records already reported stay. */
  unregisterAuthority(sourceUnitUscc: string, authorityUscc: string): Promise<boolean>;
}
