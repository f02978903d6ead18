import type { CheckPurpose, CheckRule, CheckRules, CheckVerdict } from './checkRules.js';

/** A credit record as it stood at the check's moment (one version of credit_record_versions). */
export interface RecordState {
  recordId: string;
  kind: string;
  documentNumber: string;
  authorityUscc: string;
  authorityName: string | null;
  /** YYYY-MM-DD. */
  decisionDate: string;
  severity: string | null;
  catalogItemCode: string;
  catalogItemName: string | null;
  governanceField: string | null;
  status: string;
  /** YYYY-MM-DD; null when the window has no end. */
  publicityEnd: string | null;
}

/** A record that decided or contributed to a verdict, with the rule it met. */
export interface CheckEvidence extends RecordState {
  ruleId: string;
  effect: CheckVerdict;
}

/** The rule that decided a subject's verdict. */
export interface DecidingRule {
  id: string;
  description: string;
  basis: string;
}

/** What a check answers for one subject. */
export interface SubjectVerdict {
  verdict: CheckVerdict;
  decidingRule: DecidingRule;
  evidence: CheckEvidence[];
}

/** What the verdict of one subject is judged on. */
export interface SubjectFacts {
  purpose: CheckPurpose;
  /** The check's day in China Standard Time, YYYY-MM-DD. */
  asOfDate: string;
  /** organisations.kind (ENTERPRISE, GOVERNMENT_BODY…); null when the hub does not know the subject. */
  subjectKind: string | null;
  /** The subject's records as they stood at the check's moment. */
  records: readonly RecordState[];
}

const STRENGTH: Record<CheckVerdict, number> = { PASS: 0, REVIEW: 1, REJECT: 2 };

/** The strongest of two verdicts (REJECT > REVIEW > PASS). */
export function strongerVerdict(a: CheckVerdict, b: CheckVerdict): CheckVerdict {
  return STRENGTH[b] > STRENGTH[a] ? b : a;
}

const allows = (values: string[] | undefined, value: string | null): boolean => !values || (value !== null && values.includes(value));

/** The first rule a record meets for this purpose and subject kind, or undefined. Pure. */
export function matchRule(rules: CheckRules, record: RecordState, purpose: CheckPurpose, subjectKind: string | null): CheckRule | undefined {
  return rules.rules.find((rule) =>
    rule.kinds.includes(record.kind)
    && allows(rule.catalogItems, record.catalogItemCode)
    && allows(rule.governanceFields, record.governanceField)
    && allows(rule.severities, record.severity)
    && allows(rule.purposes, purpose)
    && allows(rule.subjectKinds, subjectKind));
}

/** Whether a record counts at the check's day: decided by then, in a counting status, window not ended. Pure. */
export function countsOn(rules: CheckRules, record: RecordState, asOfDate: string): boolean {
  return record.decisionDate <= asOfDate
    && rules.countingStatuses.includes(record.status)
    && (record.publicityEnd === null || record.publicityEnd >= asOfDate);
}

/**
 * The verdict for one subject under `rules`: every counting record is matched against the rules in order, the
 * strongest effect wins and the rule of its first record (rule order, then newest decision) decides. Pure: the
 * same facts give the same answer, which is what lets a stored check be reproduced.
 */
export function decideSubjectVerdict(rules: CheckRules, facts: SubjectFacts): SubjectVerdict {
  if (facts.subjectKind === null) {
    const { id, effect, description, basis } = rules.unknownSubject;
    return { verdict: effect, decidingRule: { id, description, basis }, evidence: [] };
  }
  const evidence: (CheckEvidence & { order: number })[] = [];
  for (const record of facts.records) {
    if (!countsOn(rules, record, facts.asOfDate)) continue;
    const rule = matchRule(rules, record, facts.purpose, facts.subjectKind);
    if (!rule) continue;
    const effect = record.status === 'UNDER_OBJECTION' && rule.effect === 'REJECT' ? rules.underObjectionEffect : rule.effect;
    evidence.push({ ...record, ruleId: rule.id, effect, order: rules.rules.indexOf(rule) });
  }
  evidence.sort((a, b) => STRENGTH[b.effect] - STRENGTH[a.effect] || a.order - b.order
    || b.decisionDate.localeCompare(a.decisionDate) || a.recordId.localeCompare(b.recordId));
  const first = evidence[0];
  const evidenceOut = evidence.map(({ order: _order, ...rest }) => rest);
  if (!first) {
    const { id, description, basis } = rules.noRecord;
    return { verdict: 'PASS', decidingRule: { id, description, basis }, evidence: [] };
  }
  const rule = rules.rules[first.order]!;
  return { verdict: first.effect, decidingRule: { id: rule.id, description: rule.description, basis: rule.basis }, evidence: evidenceOut };
}
