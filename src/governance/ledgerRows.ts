import type { AccessLogEntry, AuditEntry, AuditEntryInput, AuditOutcome } from './AuditLedger.js';
import type { LedgerEntryContent } from './ledgerHash.js';

// The only place where audit_ledger's snake_case columns meet camelCase fields. node-postgres gives
// bigint as a string and PGlite as a number; both give timestamptz as a Date, text[] as an array, jsonb parsed.

type Row = Record<string, unknown>;

const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/** Columns of audit_ledger in the order the hash content lists them. */
export const LEDGER_COLUMNS = [
  'seq', 'occurred_at', 'consumer_id', 'purpose', 'case_reference', 'operation_name', 'document_hash',
  'fields_read', 'subject_usccs', 'civil_servant_ids', 'outcome', 'details', 'prev_hash', 'entry_hash',
] as const;

/** What an input becomes at position `seq`, time `occurredAt` (milliseconds): the hashed content. */
export function toLedgerContent(seq: number, occurredAt: Date, input: AuditEntryInput): LedgerEntryContent {
  return {
    seq,
    occurredAt: occurredAt.toISOString(),
    consumerId: input.consumerId ?? null,
    purpose: input.purpose ?? null,
    caseReference: input.caseReference ?? null,
    operationName: input.operationName ?? null,
    documentHash: input.documentHash ?? null,
    fieldsRead: [...(input.fieldsRead ?? [])],
    subjectUsccs: [...(input.subjectUsccs ?? [])],
    civilServantIds: [...(input.civilServantIds ?? [])],
    outcome: input.outcome,
    details: input.details ?? {},
  };
}

/** The row to insert for hashed content. */
export function toLedgerRow(content: LedgerEntryContent, prevHash: string, entryHash: string): Row {
  return {
    seq: content.seq,
    occurred_at: content.occurredAt,
    consumer_id: content.consumerId,
    purpose: content.purpose,
    case_reference: content.caseReference,
    operation_name: content.operationName,
    document_hash: content.documentHash,
    fields_read: content.fieldsRead,
    subject_usccs: content.subjectUsccs,
    civil_servant_ids: content.civilServantIds,
    outcome: content.outcome,
    details: JSON.stringify(content.details),
    prev_hash: prevHash,
    entry_hash: entryHash,
  };
}

/** audit_ledger row → AuditEntry. */
export function toAuditEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    occurredAt: toDate(row.occurred_at),
    consumerId: textOrNull(row.consumer_id),
    purpose: textOrNull(row.purpose),
    caseReference: textOrNull(row.case_reference),
    operationName: textOrNull(row.operation_name),
    documentHash: textOrNull(row.document_hash),
    fieldsRead: row.fields_read as string[],
    subjectUsccs: row.subject_usccs as string[],
    civilServantIds: row.civil_servant_ids as string[],
    outcome: String(row.outcome) as AuditOutcome,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
    prevHash: String(row.prev_hash),
    entryHash: String(row.entry_hash),
  };
}

/** An AuditEntry's hashed content, to recompute its entry_hash. */
export function contentOf(entry: AuditEntry): LedgerEntryContent {
  return toLedgerContent(entry.seq, entry.occurredAt, entry);
}

/** audit_ledger row joined with consumers.name as consumer_name → AccessLogEntry. */
export function toAccessLogEntry(row: Row): AccessLogEntry {
  const entry = toAuditEntry(row);
  return {
    seq: entry.seq,
    occurredAt: entry.occurredAt,
    consumerId: entry.consumerId,
    consumerName: textOrNull(row.consumer_name),
    purpose: entry.purpose,
    caseReference: entry.caseReference,
    operationName: entry.operationName,
    fieldsRead: entry.fieldsRead,
    outcome: entry.outcome,
  };
}
