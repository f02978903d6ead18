import type { RecordState } from './rules/decideSubjectVerdict.js';
import type { CheckPublicKey } from '../signing/index.js';

/** An organisation as a check sees it. */
export interface CheckedOrganisation {
  uscc: string;
  name: string;
  kind: string;
  districtCode: string;
}

/** A stored check (credit_checks) with its signed result. */
export interface StoredCheck {
  id: string;
  consumerId: string;
  /** The signed payload (see CheckResult). */
  result: Record<string, unknown>;
  jws: string;
  kid: string;
}

/** A feedback entry on a check for one subject (credit_check_feedback); corrections are new entries. */
export interface StoredFeedback {
  /** The entry's id. */
  id: string;
  /** The entry this one corrects, or null for the first answer. */
  supersedes: string | null;
  /** The entry that corrected this one, or null while it is the current answer. */
  supersededBy: string | null;
  checkId: string;
  subjectUscc: string;
  usage: string;
  note: string | null;
  recordedAt: string;
}

/** A feedback row with the check it answers, for case publicity. */
export interface FeedbackWithCheck extends StoredFeedback {
  result: Record<string, unknown>;
}

/** A signed check to store (credit_checks), with the key that signed it. */
export interface NewCheck {
  id: string; issuedAt: string; consumerId: string; consumerName: string; purpose: string; reference: string;
  tenderCode: string | null; overallVerdict: string; asOf: string; input: unknown; result: unknown; jws: string; key: CheckPublicKey;
}

/** Which stored checks to list, newest first (creditChecks). */
export interface CheckListQuery {
  /** Only this consumer's checks; null for every consumer's (the credit office, auditors). */
  consumerId: string | null;
  reference?: string | null;
  tenderCode?: string | null;
  /** Issued at or after. */
  from?: Date | null;
  /** Issued before. */
  to?: Date | null;
  verdict?: string | null;
  first: number;
  /** The position after which the page starts: the last check of the previous page. */
  after?: { issuedAt: string; id: string } | null;
}

/** One page of stored checks. */
export interface CheckPage {
  checks: (StoredCheck & { issuedAt: string })[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Feedback to record on a check for one subject. */
export interface NewFeedback {
  /** The current entry this one corrects; null for the first answer. */
  corrects: string | null;
  checkId: string;
  subjectUscc: string;
  usage: string;
  note: string | null;
  consumerId: string;
}

/**
 * Thrown by `recordFeedback` when the entry would not continue the subject's feedback: a first answer when
 * there is one already, or a correction of an entry that is not the current one. `currentId` names the
 * current entry (null when there is none).
 */
export class FeedbackExistsError extends Error {
  override name = 'FeedbackExistsError';
  constructor(message: string, readonly currentId: string | null) {
    super(message);
  }
}

/** Credit checks' data: record history, stored checks, feedback and signing keys (KnexCreditCheckStore). */
export interface CreditCheckStore {
  /** The organisations among `usccs` the hub knows, by USCC. */
  organisations(usccs: readonly string[]): Promise<Map<string, CheckedOrganisation>>;
  /**
   * Every record of the subjects `usccs` as it stood at `asOf`, grouped by subject; records the hub did not
   * yet know at `asOf` are absent. With `inViewOn` (YYYY-MM-DD), only records in public view on that day
   * (judged on their current state) are kept; without it, the full history.
   */
  recordStatesAsOf(usccs: readonly string[], asOf: Date, options?: { inViewOn?: string }): Promise<Map<string, RecordState[]>>;
  /** Stores a signed check, and the public key that signed it if it is new, in one transaction. */
  saveCheck(check: NewCheck): Promise<void>;
  /** A stored check by id, or undefined. */
  findCheck(id: string): Promise<StoredCheck | undefined>;
  /** The stored checks the query selects, newest first, one page. */
  listChecks(query: CheckListQuery): Promise<CheckPage>;
  /** Every feedback entry on the checks `checkIds`, corrected ones included, oldest first. */
  feedbackOf(checkIds: readonly string[]): Promise<StoredFeedback[]>;
  /**
   * Appends a feedback entry: the first answer for the subject (`corrects` null), or a correction of the
   * current entry. Throws FeedbackExistsError otherwise, also when another writer got there first.
   */
  recordFeedback(feedback: NewFeedback): Promise<StoredFeedback>;
  /** The newest `limit` current feedback entries (corrected ones left out) with their checks' results. */
  latestFeedback(limit: number): Promise<FeedbackWithCheck[]>;
  /** Districts' Chinese names by code. */
  districtNames(codes: readonly string[]): Promise<Map<string, string>>;
  /** The public key of every key that ever signed a check, oldest first. */
  signingKeys(): Promise<CheckPublicKey[]>;
}
