import type { ObjectionOutcome, RecordCorrections } from './applyOutcome.js';
import type { Objection, ObjectionGround } from './types.js';

/** What filing an objection needs; the caller has checked who files it. */
export interface NewObjection {
  recordId: string;
  /** The subject the filer acts for: the record must be this subject's. */
  uscc: string;
  ground: ObjectionGround;
  statement: string;
  evidence: string[];
  filedBy: string;
  filedAs: 'SELF' | 'AGENT';
  today: string;
}

/** Who takes a step and on which day. */
export interface Step {
  officer: string;
  today: string;
}

/**
 * Objections (异议) as the resolvers use them: filing, the credit agency's check, one extension, the decision
 * applied to the record; each step checks the transition and answers CONFLICT to a step taken on a stale
 * state. Deadlines are working days of the calendar under the rule version of the filing day. Implemented by
 * KnexObjectionStore.
 */
export interface ObjectionStore {
  /** Files an objection: the record is marked UNDER_OBJECTION at once, its status remembered; the check is due in 1 working day. */
  file(input: NewObjection): Promise<Objection>;
  /** The city credit agency's check (核查): ACCEPTED → CHECKED; the provider's decision is then due in 2 working days. */
  check(id: string, note: string | null, step: Step): Promise<Objection>;
  /** Extends the decision deadline once by 3 working days, with the approval's reason. */
  extend(id: string, reason: string, step: Step): Promise<Objection>;
  /** Closes the objection with an outcome applied to the record in the same transaction (CHECKED → CLOSED). */
  decide(id: string, outcome: ObjectionOutcome, reason: string, corrections: RecordCorrections | null, step: Step): Promise<Objection>;
  /** One objection, or null. */
  get(id: string): Promise<Objection | null>;
  /** The objections of a record, oldest first. */
  ofRecord(recordId: string): Promise<Objection[]>;
  /** The objections of a subject, newest first. */
  ofSubject(uscc: string): Promise<Objection[]>;
  /** Every objection not yet closed, oldest first. */
  open(): Promise<Objection[]>;
}
