import type { GraphQLError } from 'graphql';
import { conflict } from '../../codes/index.js';
import { badUserInput } from '../../credit/index.js';

/** How an objection closes (处理结果). */
export type ObjectionOutcome = 'CORRECT' | 'SUPPLEMENT' | 'STOP_DISCLOSURE' | 'REMOVE_FROM_LIST' | 'REJECT';

/** Record fields a CORRECT or SUPPLEMENT outcome may change (GraphQL name → column). */
export const CORRECTABLE_FIELDS = {
  title: 'title',
  content: 'content',
  legalBasis: 'legal_basis',
  fineAmount: 'fine_amount',
  confiscatedAmount: 'confiscated_amount',
} as const;

export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;
export type RecordCorrections = Partial<Record<CorrectableField, string | null>>;

/** One change an outcome made to a record, kept on the objection. */
export interface RecordChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** The record as an outcome sees it: its kind, status and the correctable fields (as text). */
export interface RecordForOutcome {
  kind: string;
  status: string;
  values: Record<CorrectableField, string | null>;
}

/** Record kinds that are lists a subject is put on (名单): only these can be removed from a list. */
const LIST_KINDS = new Set(['JUDGMENT_DEFAULTER', 'SERIOUS_DISHONESTY']);

const normalise = (value: string | null | undefined): string | null => (value === undefined || value === null || value === '' ? null : value);
// Decimals compare by value: "12.5" and "12.500000" (how PostgreSQL returns numeric(18,6)) are the same amount.
const same = (field: CorrectableField, a: string | null, b: string | null): boolean =>
  a === b || (field.endsWith('Amount') && a !== null && b !== null && Number(a) === Number(b));

/**
 * What an outcome does to the record under objection: its new status and column updates, with every
 * change listed. CORRECT changes the given fields; SUPPLEMENT fills fields that were empty; both, and
 * REJECT, return the record to the status it had before the objection. STOP_DISCLOSURE and
 * REMOVE_FROM_LIST (list kinds only) withdraw it from publicity (WITHDRAWN). Throws BAD_USER_INPUT when
 * the corrections do not fit the outcome.
 */
export function applyOutcome(record: RecordForOutcome, previousStatus: string, outcome: ObjectionOutcome, corrections: RecordCorrections | null | undefined): {
  status: string;
  updates: Record<string, string | null>;
  changes: RecordChange[];
} {
  const given = Object.entries(corrections ?? {}) as [CorrectableField, string | null | undefined][];
  const updates: Record<string, string | null> = {};
  const changes: RecordChange[] = [];
  if (outcome === 'CORRECT' || outcome === 'SUPPLEMENT') {
    for (const [field, raw] of given) {
      const before = normalise(record.values[field]);
      const after = normalise(raw);
      if (outcome === 'SUPPLEMENT' && before !== null) {
        throw badUserInput('corrections', `SUPPLEMENT only fills empty fields, and ${field} already holds ${JSON.stringify(before)}; decide CORRECT to change it`);
      }
      if (same(field, before, after)) continue;
      updates[CORRECTABLE_FIELDS[field]] = after;
      changes.push({ field, before, after });
    }
    if (changes.length === 0) {
      throw badUserInput('corrections', `${outcome} needs at least one field that changes (${Object.keys(CORRECTABLE_FIELDS).join(', ')}); to keep the record as it is, decide REJECT`);
    }
  } else if (given.length > 0) {
    throw badUserInput('corrections', `corrections apply only to CORRECT and SUPPLEMENT, not to ${outcome}`);
  }
  if (outcome === 'REMOVE_FROM_LIST' && !LIST_KINDS.has(record.kind)) {
    throw badUserInput('outcome', `REMOVE_FROM_LIST applies to list records (${[...LIST_KINDS].join(', ')}), and this record is ${record.kind}; decide STOP_DISCLOSURE to stop disclosing it`);
  }
  const status = outcome === 'STOP_DISCLOSURE' || outcome === 'REMOVE_FROM_LIST' ? 'WITHDRAWN' : previousStatus;
  if (status !== record.status) changes.push({ field: 'status', before: record.status, after: status });
  return { status, updates, changes };
}

/** CONFLICT for a record whose status does not allow the step (e.g. repairing a record under objection). */
export function recordStatusConflict(recordId: string, status: string, needed: string, step: string): GraphQLError {
  return conflict(`cannot ${step}: credit record ${recordId} is ${status}, and this needs ${needed}`, { recordStatus: status, requiredRecordStatus: needed });
}
