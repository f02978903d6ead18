import type { RecordState } from './rules/decideSubjectVerdict.js';
import type { CheckPublicKey } from './signing/createCheckSigner.js';

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

/** Feedback on a check for one subject (credit_check_feedback). */
export interface StoredFeedback {
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
  asOf: string; input: unknown; result: unknown; jws: string; key: CheckPublicKey;
}

/** Feedback to record on a check for one subject. */
export interface NewFeedback {
  checkId: string;
  subjectUscc: string;
  usage: string;
  note: string | null;
  consumerId: string;
}

/** Thrown by `recordFeedback` when the subject already has feedback on that check. */
export class FeedbackExistsError extends Error {
  override name = 'FeedbackExistsError';
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
  /** Feedback on the checks `checkIds`, oldest first. */
  feedbackOf(checkIds: readonly string[]): Promise<StoredFeedback[]>;
  /** Records feedback; throws FeedbackExistsError when the subject already has feedback on the check. */
  recordFeedback(feedback: NewFeedback): Promise<StoredFeedback>;
  /** The newest `limit` feedback rows with their checks' results. */
  latestFeedback(limit: number): Promise<FeedbackWithCheck[]>;
  /** Districts' Chinese names by code. */
  districtNames(codes: readonly string[]): Promise<Map<string, string>>;
  /** The public key of every key that ever signed a check, oldest first. */
  signingKeys(): Promise<CheckPublicKey[]>;
}
