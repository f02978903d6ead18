import type { CheckPublicKey } from '../signing/index.js';
import type { EligibilityMeasure, EligibilityRecord } from './decideEligibility.js';

/** An organisation as an eligibility check sees it. */
export interface EligibleOrganisation {
  uscc: string;
  name: string;
  kind: string;
  districtCode: string | null;
}

/** A civil servant as an eligibility check sees it: never the ID number, only its masked form. */
export interface EligibleCivilServant {
  id: string;
  name: string;
  idNumberMasked: string;
  employerUscc: string;
  districtCode: string | null;
}

/** A signed eligibility check to store, with the key that signed it. */
export interface NewEligibilityCheck {
  id: string; issuedAt: string; consumerId: string; consumerName: string; purpose: string; reference: string;
  overallVerdict: string; asOf: string; rulesVersion: string; result: unknown; jws: string; key: CheckPublicKey;
}

/** A stored eligibility check. */
export interface StoredEligibilityCheck {
  id: string;
  consumerId: string;
  result: Record<string, unknown>;
  jws: string;
  kid: string;
}

/** A feedback entry on one subject of an eligibility check. */
export interface EligibilityFeedback {
  checkId: string;
  subjectIndex: number;
  usage: string;
  note: string | null;
  recordedAt: string;
}

/** Thrown by recordFeedback when the subject has feedback already. */
export class EligibilityFeedbackExistsError extends Error {
  override name = 'EligibilityFeedbackExistsError';
}

/** Eligibility checks' data (KnexEligibilityStore). */
export interface EligibilityStore {
  organisations(usccs: readonly string[]): Promise<Map<string, EligibleOrganisation>>;
  civilServantsById(ids: readonly string[]): Promise<Map<string, EligibleCivilServant>>;
  /** Civil servants by the keyed hash of their ID number (civil_servants.id_number_hash). */
  civilServantsByHash(hashes: readonly string[]): Promise<Map<string, EligibleCivilServant>>;
  /** Current records of the organisations and civil servants decided on or before `until`, by subject key (USCC or civil servant id). */
  records(usccs: readonly string[], civilServantIds: readonly string[], until: string): Promise<Map<string, EligibilityRecord[]>>;
  /** Measures on the organisations and civil servants imposed on or before `until`, by subject key. */
  measures(usccs: readonly string[], civilServantIds: readonly string[], until: string): Promise<Map<string, EligibilityMeasure[]>>;
  /** Stores the check, and the public key that signed it if new, in one transaction. */
  saveCheck(check: NewEligibilityCheck): Promise<void>;
  findCheck(id: string): Promise<StoredEligibilityCheck | undefined>;
  /** Records the one feedback entry of a subject; EligibilityFeedbackExistsError when there is one. */
  recordFeedback(entry: Omit<EligibilityFeedback, 'recordedAt'> & { consumerId: string }): Promise<EligibilityFeedback>;
  feedbackOf(checkIds: readonly string[]): Promise<EligibilityFeedback[]>;
  /** The newest `limit` feedback entries with their checks' results. */
  latestFeedback(limit: number): Promise<(EligibilityFeedback & { result: Record<string, unknown> })[]>;
}
