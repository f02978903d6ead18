import { RECORD_KINDS, todayInShanghai } from '../../credit/index.js';
import type { CheckResult } from './checkResult.js';

/** An anonymised case for case publicity (案例公示): no USCC, name, document number or check id. */
export interface CheckCase {
  month: string;
  districtCode: string | null;
  districtName: string | null;
  subjectKind: string | null;
  role: string;
  purpose: string;
  verdict: string;
  evidenceKinds: string[];
  usage: string;
  summary: string;
}

const KIND_NAMES = new Map(RECORD_KINDS.map((k) => [k.kind, k.nameZh]));
const SUBJECTS: Record<string, string> = { ENTERPRISE: 'An enterprise', GOVERNMENT_BODY: 'A government body', PUBLIC_INSTITUTION: 'A public institution', SOCIAL_ORGANISATION: 'A social organisation', INDIVIDUAL_BUSINESS: 'An individual business' };
const PURPOSES: Record<string, string> = { BIDDING: 'a tender (招标投标)', GOVERNMENT_PROCUREMENT: 'a government procurement (政府采购)' };
const VERDICTS: Record<string, string> = { REJECT: 'was rejected', REVIEW: 'was referred for review' };
const USAGES: Record<string, string> = { BID_REJECTED: 'the bid was rejected', SCORE_DEDUCTED: 'points were deducted', AWARD_CANCELLED: 'the award was cancelled', NO_ACTION: 'no action was taken', OTHER: 'the result was used otherwise' };

const kindLabel = (kind: string): string => `${kind.toLowerCase().replaceAll('_', '-')}${KIND_NAMES.has(kind) ? ` (${KIND_NAMES.get(kind)})` : ''}`;

/**
 * The anonymised case of one feedback row, or null when the subject passed (no evidence, no case). Pure; the
 * district's name comes from `districtNames`. Reveals only district, kind of organisation, role, purpose,
 * verdict, evidence kinds, usage and the month — never the code, name, evidence documents or check.
 */
export function toCheckCase(feedback: { subjectUscc: string; usage: string }, result: CheckResult, districtNames: ReadonlyMap<string, string>): CheckCase | null {
  const subject = result.subjects.find((s) => s.uscc === feedback.subjectUscc);
  if (!subject || subject.verdict === 'PASS') return null;
  const evidenceKinds = [...new Set(subject.evidence.map((e) => e.kind))].sort();
  const month = todayInShanghai(new Date(result.issuedAt)).slice(0, 7);
  const districtName = subject.districtCode ? districtNames.get(subject.districtCode) ?? null : null;
  const where = subject.districtCode ? ` in district ${subject.districtCode}${districtName ? ` (${districtName})` : ''}` : '';
  const what = evidenceKinds.length ? ` with ${evidenceKinds.map(kindLabel).join(' and ')} record${evidenceKinds.length > 1 ? 's' : ''}` : ' unknown to the hub';
  const summary = `${SUBJECTS[subject.subjectKind ?? ''] ?? 'An organisation'}${where}${what} ${VERDICTS[subject.verdict]} in ${PURPOSES[result.purpose]}, ${month}; ${USAGES[feedback.usage] ?? feedback.usage}.`;
  return {
    month, districtCode: subject.districtCode, districtName, subjectKind: subject.subjectKind, role: subject.role,
    purpose: result.purpose, verdict: subject.verdict, evidenceKinds, usage: feedback.usage, summary,
  };
}
