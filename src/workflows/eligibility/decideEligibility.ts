import { addMonths } from '../../credit/index.js';
import type { EligibilityRule, EligibilityRuleVersion, EligibilityVerdict, PurposeRules } from './eligibilityRules.js';

/** A credit record of a subject as the check reads it. */
export interface EligibilityRecord {
  recordId: string;
  kind: string;
  documentNumber: string;
  authorityName: string | null;
  decisionDate: string;
  severity: string | null;
  status: string;
  publicityEnd: string | null;
  /** The record's details (sanction type, accountability measure …). */
  details: Record<string, unknown>;
}

/** A measure (惩戒措施) on a subject as the check reads it. */
export interface EligibilityMeasure {
  measureId: string;
  kind: string;
  imposedOn: string;
  closedOn: string | null;
  effectEndsOn: string | null;
  status: string;
}

/** One piece of evidence: a record or a measure, the rule it met and its effect. */
export interface EligibilityEvidence {
  source: 'RECORD' | 'MEASURE';
  id: string;
  kind: string;
  documentNumber: string | null;
  authorityName: string | null;
  decidedOn: string;
  /** The sanction type or accountability measure of a record, null otherwise. */
  type: string | null;
  /** When its effect ends (the day it stops counting), null when open-ended. */
  endsOn: string | null;
  ruleId: string;
  effect: EligibilityVerdict;
}

/** A subject's verdict, the rule that decided it and the evidence. */
export interface EligibilityDecision {
  verdict: EligibilityVerdict;
  decidingRule: { id: string; description: string; basis: string };
  evidence: EligibilityEvidence[];
}

const STRENGTH: Record<EligibilityVerdict, number> = { ELIGIBLE: 0, REVIEW: 1, INELIGIBLE: 2 };

/** The stronger of two verdicts. */
export const strongerEligibility = (a: EligibilityVerdict, b: EligibilityVerdict): EligibilityVerdict => (STRENGTH[b] > STRENGTH[a] ? b : a);

/** The evidence one record gives under one rule on `day`, or null. Pure. */
function recordEvidence(rule: EligibilityRule, record: EligibilityRecord, day: string): EligibilityEvidence | null {
  if (rule.test === 'MEASURE' || !rule.kinds.includes(record.kind) || !rule.statuses.includes(record.status) || record.decisionDate > day) return null;
  const base = { source: 'RECORD' as const, id: record.recordId, kind: record.kind, documentNumber: record.documentNumber, authorityName: record.authorityName, decidedOn: record.decisionDate, ruleId: rule.id };
  if (rule.test === 'RECORD') {
    if (rule.severities && !(record.severity !== null && rule.severities.includes(record.severity))) return null;
    if (record.publicityEnd !== null && record.publicityEnd < day) return null;
    return { ...base, type: null, endsOn: record.publicityEnd, effect: rule.effect };
  }
  const type = typeof record.details[rule.detailKey] === 'string' ? (record.details[rule.detailKey] as string) : null;
  if (type === null || !(type in rule.months)) return { ...base, type, endsOn: null, effect: rule.unknownTypeEffect };
  const months = rule.months[type];
  const endsOn = months === null || months === undefined ? null : addMonths(record.decisionDate, months);
  if (endsOn !== null && endsOn <= day) return null;
  return { ...base, type, endsOn, effect: rule.effect };
}

/** The evidence one measure gives under one rule on `day`, or null: imposed by then and not closed before it, or its effect not over. Pure. */
function measureEvidence(rule: EligibilityRule, measure: EligibilityMeasure, day: string): EligibilityEvidence | null {
  if (rule.test !== 'MEASURE' || !rule.measureKinds.includes(measure.kind) || measure.imposedOn > day) return null;
  const open = measure.closedOn === null || measure.closedOn > day;
  const lasting = measure.effectEndsOn !== null && day < measure.effectEndsOn;
  if (!open && !lasting) return null;
  return {
    source: 'MEASURE', id: measure.measureId, kind: measure.kind, documentNumber: null, authorityName: null, decidedOn: measure.imposedOn,
    type: measure.status, endsOn: measure.effectEndsOn, ruleId: rule.id, effect: rule.effect,
  };
}

/**
 * The verdict of one known subject for a purpose on `day` (YYYY-MM-DD): every record and measure is matched against
 * the purpose's rules in order (first matching rule), the strongest effect wins, and the rule of its first evidence
 * (rule order, newest first) decides. Pure: the same facts give the same answer.
 */
export function decideEligibility(version: EligibilityRuleVersion, purpose: PurposeRules, facts: { records: readonly EligibilityRecord[]; measures: readonly EligibilityMeasure[] }, day: string): EligibilityDecision {
  const found: (EligibilityEvidence & { order: number })[] = [];
  for (const record of facts.records) {
    for (const [order, rule] of purpose.rules.entries()) {
      const evidence = recordEvidence(rule, record, day);
      if (evidence) {
        found.push({ ...evidence, order });
        break;
      }
    }
  }
  for (const measure of facts.measures) {
    for (const [order, rule] of purpose.rules.entries()) {
      const evidence = measureEvidence(rule, measure, day);
      if (evidence) {
        found.push({ ...evidence, order });
        break;
      }
    }
  }
  found.sort((a, b) => STRENGTH[b.effect] - STRENGTH[a.effect] || a.order - b.order || b.decidedOn.localeCompare(a.decidedOn) || a.id.localeCompare(b.id));
  const first = found[0];
  if (!first) return { verdict: 'ELIGIBLE', decidingRule: { ...version.noRecord }, evidence: [] };
  const rule = purpose.rules[first.order]!;
  return {
    verdict: first.effect,
    decidingRule: { id: rule.id, description: rule.description, basis: rule.basis },
    evidence: found.map(({ order: _order, ...rest }) => rest),
  };
}
