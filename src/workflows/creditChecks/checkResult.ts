import type { CheckPurpose, CheckVerdict } from './rules/checkRules.js';
import type { CheckEvidence, DecidingRule } from './rules/decideSubjectVerdict.js';

/** One subject of a check as signed and stored. */
export interface CheckedSubjectResult {
  uscc: string;
  name: string | null;
  subjectKind: string | null;
  districtCode: string | null;
  role: string;
  consortium: string | null;
  verdict: CheckVerdict;
  decidingRule: DecidingRule;
  evidence: CheckEvidence[];
}

/** The tender a check was run on by its code, as the bidding platform answered at the check's moment. */
export interface CheckedTender {
  code: string;
  name: string;
  projectCode: string;
  projectName: string;
  status: string;
}

/**
 * The result of a credit check: the JWS payload, stored as credit_checks.result. `iss`, `jti` and `iat` are
 * the JWT registered claims (RFC 7519) so generic tools read them; the rest is the check itself.
 */
export interface CheckResult {
  iss: string;
  jti: string;
  iat: number;
  checkId: string;
  issuedAt: string;
  consumer: { id: string; name: string };
  purpose: CheckPurpose;
  reference: string;
  /** The tender checked by its code; absent (older checks) or null for a check of explicit subjects. */
  tender?: CheckedTender | null;
  asOf: string;
  rulesVersion: string;
  overallVerdict: CheckVerdict;
  subjects: CheckedSubjectResult[];
}

/** The issuer named in every signed check. */
export const CHECK_ISSUER = 'Chengxin Hub credit checks (诚信枢纽信用核查)';
