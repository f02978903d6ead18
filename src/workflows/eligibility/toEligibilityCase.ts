import { todayInShanghai } from '../../credit/index.js';
import type { EligibilityResult } from './runEligibilityCheck.js';

/** An anonymised eligibility case: no USCC, name, ID number, document number or check id. */
export interface EligibilityCase {
  month: string;
  purpose: string;
  subjectType: string;
  subjectKind: string | null;
  districtCode: string | null;
  verdict: string;
  decidingRuleId: string;
  evidenceKinds: string[];
  usage: string;
}

/** The case of one feedback entry, or null when the subject was ELIGIBLE (nothing to publicise). Pure. */
export function toEligibilityCase(feedback: { subjectIndex: number; usage: string }, result: EligibilityResult): EligibilityCase | null {
  const subject = result.subjects.find((s) => s.index === feedback.subjectIndex);
  if (!subject || subject.verdict === 'ELIGIBLE') return null;
  return {
    month: todayInShanghai(new Date(result.issuedAt)).slice(0, 7), purpose: result.purpose, subjectType: subject.subjectType, subjectKind: subject.subjectKind,
    districtCode: subject.districtCode, verdict: subject.verdict, decidingRuleId: subject.decidingRule.id,
    evidenceKinds: [...new Set(subject.evidence.map((e) => e.kind))].sort(), usage: feedback.usage,
  };
}
