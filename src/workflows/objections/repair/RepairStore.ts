import type { Step } from '../ObjectionStore.js';
import type { RepairApplication } from '../types.js';
import type { RepairEligibility } from './repairEligibility.js';

/** What applying for repair needs; the caller has checked who applies. */
export interface NewRepairApplication {
  recordId: string;
  uscc: string;
  obligationsPerformed: boolean;
  commitmentGiven: boolean;
  statement: string;
  appliedBy: string;
  today: string;
}

/**
 * Credit repair applications (信用修复) as the resolvers use them: apply (eligibility first), one extension,
 * the decision applied to the record. Implemented by KnexRepairStore.
 */
export interface RepairStore {
  /**
   * Checks eligibility and, when eligible, files the application (decision due in 3 working days). When not
   * eligible nothing is written and the answer says why and from which date the minimum period allows it.
   */
  apply(input: NewRepairApplication): Promise<{ eligibility: RepairEligibility; application: RepairApplication | null }>;
  /** Extends the decision deadline once by 3 working days. */
  extend(id: string, reason: string, step: Step): Promise<RepairApplication>;
  /** Approves (the record becomes REPAIRED and leaves public view at once) or refuses with reasons. */
  decide(id: string, approve: boolean, reason: string, step: Step): Promise<RepairApplication>;
  /** One application, or null. */
  get(id: string): Promise<RepairApplication | null>;
  /** The repair applications of a record, oldest first. */
  ofRecord(recordId: string): Promise<RepairApplication[]>;
  /** The repair applications of a subject, newest first. */
  ofSubject(uscc: string): Promise<RepairApplication[]>;
}
