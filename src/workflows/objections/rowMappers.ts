import { toIsoDate } from '../../credit/index.js';
import type { RecordChange } from './applyOutcome.js';
import type { Objection, RepairApplication } from './types.js';

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const timestamp = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

/** Columns of `objections` the store reads. */
export const OBJECTION_COLUMNS = [
  'id', 'record_id', 'subject_uscc', 'ground', 'statement', 'evidence', 'filed_by', 'filed_as', 'state', 'previous_record_status',
  'accepted_on', 'created_at', 'check_due', 'checked_on', 'checked_by', 'check_note', 'decision_due', 'extended_on', 'extended_by',
  'extension_reason', 'outcome', 'decision_reason', 'decided_on', 'decided_by', 'changes', 'version', 'check_due_provisional',
  'decision_due_provisional',
];

/** An `objections` row as an Objection. */
export function toObjection(row: Row): Objection {
  return {
    id: String(row.id),
    recordId: String(row.record_id),
    subjectUscc: String(row.subject_uscc),
    ground: row.ground as Objection['ground'],
    statement: String(row.statement),
    evidence: json<string[]>(row.evidence),
    filedBy: String(row.filed_by),
    filedAs: row.filed_as as Objection['filedAs'],
    state: row.state as Objection['state'],
    previousRecordStatus: String(row.previous_record_status),
    acceptedOn: toIsoDate(row.accepted_on) ?? '',
    acceptedAt: timestamp(row.created_at),
    checkDue: toIsoDate(row.check_due) ?? '',
    checkDueProvisional: Boolean(row.check_due_provisional),
    checkedOn: toIsoDate(row.checked_on),
    checkedBy: text(row.checked_by),
    checkNote: text(row.check_note),
    decisionDue: toIsoDate(row.decision_due),
    decisionDueProvisional: Boolean(row.decision_due_provisional),
    extendedOn: toIsoDate(row.extended_on),
    extendedBy: text(row.extended_by),
    extensionReason: text(row.extension_reason),
    outcome: (row.outcome ?? null) as Objection['outcome'],
    decisionReason: text(row.decision_reason),
    decidedOn: toIsoDate(row.decided_on),
    decidedBy: text(row.decided_by),
    changes: json<RecordChange[]>(row.changes),
    version: Number(row.version),
  };
}

/** Columns of `repair_applications` the store reads. */
export const REPAIR_COLUMNS = [
  'id', 'record_id', 'subject_uscc', 'statement', 'obligations_performed', 'commitment_given', 'applied_by', 'state', 'applied_on',
  'created_at', 'decision_due', 'extended_on', 'extended_by', 'extension_reason', 'decided_on', 'decided_by', 'decision_reason', 'version',
  'decision_due_provisional',
];

/** A `repair_applications` row as a RepairApplication. */
export function toRepairApplication(row: Row): RepairApplication {
  return {
    id: String(row.id),
    recordId: String(row.record_id),
    subjectUscc: String(row.subject_uscc),
    statement: String(row.statement),
    obligationsPerformed: Boolean(row.obligations_performed),
    commitmentGiven: Boolean(row.commitment_given),
    appliedBy: String(row.applied_by),
    state: row.state as RepairApplication['state'],
    appliedOn: toIsoDate(row.applied_on) ?? '',
    appliedAt: timestamp(row.created_at),
    decisionDue: toIsoDate(row.decision_due) ?? '',
    decisionDueProvisional: Boolean(row.decision_due_provisional),
    extendedOn: toIsoDate(row.extended_on),
    extendedBy: text(row.extended_by),
    extensionReason: text(row.extension_reason),
    decidedOn: toIsoDate(row.decided_on),
    decidedBy: text(row.decided_by),
    decisionReason: text(row.decision_reason),
    version: Number(row.version),
  };
}
