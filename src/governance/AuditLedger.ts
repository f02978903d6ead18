/** How the audited operation ended (the database checks the same list). */
export type AuditOutcome = 'OK' | 'PARTIAL' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'REJECTED' | 'ERROR';

/** What the hub records about one operation; the ledger adds seq, time and hashes. */
export interface AuditEntryInput {
  /** null for the public. */
  consumerId: string | null;
  purpose?: string | null;
  caseReference?: string | null;
  /** Kept to its first 200 characters; a longer name's length and SHA-256 go to `details.operationName`. */
  operationName?: string | null;
  /** SHA-256 hex of the document text. */
  documentHash?: string | null;
  /** Field coordinates read, e.g. `Enterprise.creditRecords`. */
  fieldsRead?: string[];
  subjectUsccs?: string[];
  civilServantIds?: string[];
  outcome: AuditOutcome;
  /** Anything else worth keeping (errors, limits hit); stored as jsonb and covered by the hash. */
  details?: Record<string, unknown>;
}

/** An entry as stored: its gapless position, the time the ledger assigned, and the chain hashes. */
export interface AuditEntry {
  seq: number;
  occurredAt: Date;
  consumerId: string | null;
  purpose: string | null;
  caseReference: string | null;
  operationName: string | null;
  documentHash: string | null;
  fieldsRead: string[];
  subjectUsccs: string[];
  civilServantIds: string[];
  outcome: AuditOutcome;
  details: Record<string, unknown>;
  prevHash: string;
  entryHash: string;
}

/** One read of a subject's data as the subject sees it (其他主体 are not shown). */
export interface AccessLogEntry {
  seq: number;
  occurredAt: Date;
  consumerId: string | null;
  /** The consumer's display name; null for the public. */
  consumerName: string | null;
  purpose: string | null;
  caseReference: string | null;
  operationName: string | null;
  fieldsRead: string[];
  outcome: AuditOutcome;
}

/** A page of an access log, newest first; pass `nextBefore` as `before` for the next page (null: no more). */
export interface AccessLogPage {
  entries: AccessLogEntry[];
  nextBefore: number | null;
}

/** The append-only, hash-chained ledger of reads of conditional or restricted data and of mutations. */
export interface AuditLedger {
  /**
   * Appends one entry after the current last one (seq + 1, prev_hash = its entry_hash), with the time taken
   * from the database clock. Safe under concurrent calls from any number of processes; resolves once committed.
   */
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  /** Appends entries in order as consecutive positions, all or none, in one transaction. */
  appendMany(entries: readonly AuditEntryInput[]): Promise<AuditEntry[]>;
  /** Entries whose subjects include `uscc`, newest first, `limit` (1–500) a page, before seq `before` if given. */
  listAccessesToSubject(uscc: string, page: { limit: number; before?: number }): Promise<AccessLogPage>;
}
