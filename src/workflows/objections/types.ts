import type { ObjectionOutcome, RecordChange } from './applyOutcome.js';
import type { ObjectionState, RepairState } from './transitions.js';

/** Grounds of an objection (异议理由), Shenzhen credit regulation art. 48. */
export type ObjectionGround = 'ERROR_OR_OMISSION' | 'DISCLOSED_AFTER_PERIOD' | 'WRONGLY_LISTED_OR_NOT_REMOVED' | 'OTHER_BREACH';

/** An objection as stored; dates YYYY-MM-DD (Asia/Shanghai), ids as strings. */
export interface Objection {
  id: string;
  recordId: string;
  subjectUscc: string;
  ground: ObjectionGround;
  statement: string;
  evidence: string[];
  /** Consumer id of whoever filed it. */
  filedBy: string;
  filedAs: 'SELF' | 'AGENT';
  state: ObjectionState;
  previousRecordStatus: string;
  acceptedOn: string;
  acceptedAt: string;
  checkDue: string;
  /** The check deadline was computed on a provisional calendar year (临时推算). */
  checkDueProvisional: boolean;
  checkedOn: string | null;
  checkedBy: string | null;
  checkNote: string | null;
  decisionDue: string | null;
  /** The decision deadline was computed on a provisional calendar year. */
  decisionDueProvisional: boolean;
  extendedOn: string | null;
  extendedBy: string | null;
  extensionReason: string | null;
  outcome: ObjectionOutcome | null;
  decisionReason: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  changes: RecordChange[];
  version: number;
}

/** A credit repair application (信用修复申请) as stored. */
export interface RepairApplication {
  id: string;
  recordId: string;
  subjectUscc: string;
  statement: string;
  obligationsPerformed: boolean;
  commitmentGiven: boolean;
  appliedBy: string;
  state: RepairState;
  appliedOn: string;
  appliedAt: string;
  decisionDue: string;
  /** The decision deadline was computed on a provisional calendar year. */
  decisionDueProvisional: boolean;
  extendedOn: string | null;
  extendedBy: string | null;
  extensionReason: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  version: number;
}
