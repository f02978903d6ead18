import { readFileSync } from 'node:fs';

/** Why a subject may not apply for credit repair (yet). */
export type IneligibilityReason =
  | 'NOT_REPAIRABLE_KIND' | 'LIST_TERM_RUNNING' | 'MINIMUM_PERIOD_NOT_REACHED' | 'OBLIGATIONS_NOT_PERFORMED' | 'NO_COMMITMENT';

/** How a kind of record may end through repair (rules/repair-rules.json). */
export interface KindRepairRule {
  mode: 'REPAIRABLE' | 'BY_LIST' | 'NOT_REPAIRABLE';
  endsBy?: string;
  legalBasis: string;
}

/** The repair rule of each kind, read once from rules/repair-rules.json. */
export const REPAIR_RULES = (JSON.parse(
  readFileSync(new URL('../rules/repair-rules.json', import.meta.url), 'utf8'),
) as { kinds: Record<string, KindRepairRule> }).kinds;

/** The answer to "may this subject apply for repair of this record today?". */
export interface RepairEligibility {
  eligible: boolean;
  /** The first day an application is possible (the record's publicity_min_end); null when repair cannot end it. */
  eligibleFrom: string | null;
  reasons: { reason: IneligibilityReason; message: string }[];
}

/** The record as repair judges it: kind, list (catalogue item), minimum end and end of its window. */
export interface RepairableRecord {
  kind: string;
  catalogItemCode: string | null;
  publicityMinEnd: string | null;
  publicityEnd: string | null;
  ruleVersion: string | null;
}

/**
 * Checks the conditions of credit repair (DOMAIN.md §3): the kind can end by repair at all (repair-rules.json:
 * never for judgment defaulters, sanctions, accountability; list entries only where their list allows early
 * removal), the minimum publicity period has been reached (on or after `publicityMinEnd`), the obligations
 * the decision imposed are performed, and a credit commitment (信用承诺) is given. Pure; dates are YYYY-MM-DD.
 */
export function repairEligibility(
  record: RepairableRecord,
  application: { obligationsPerformed: boolean; commitmentGiven: boolean },
  today: string,
): RepairEligibility {
  const rule = REPAIR_RULES[record.kind];
  if (!rule || rule.mode === 'NOT_REPAIRABLE') {
    const endsBy = rule?.endsBy ?? 'its own rules';
    return { eligible: false, eligibleFrom: null, reasons: [{ reason: 'NOT_REPAIRABLE_KIND', message: `a ${record.kind} record is not ended by credit repair; it ends by ${endsBy}` }] };
  }
  if (record.publicityMinEnd === null) {
    const until = record.publicityEnd ? ` until ${record.publicityEnd}` : '';
    return {
      eligible: false, eligibleFrom: null,
      reasons: [{ reason: 'LIST_TERM_RUNNING', message: `list ${record.catalogItemCode ?? '(unknown)'} allows no early removal: the entry runs its term${until} and leaves the list then (${rule.legalBasis})` }],
    };
  }
  const reasons: RepairEligibility['reasons'] = [];
  if (today < record.publicityMinEnd) {
    reasons.push({
      reason: 'MINIMUM_PERIOD_NOT_REACHED',
      message: `the minimum publicity period under ${record.ruleVersion ?? 'its rule version'} ends on ${record.publicityMinEnd}; apply on or after that date`,
    });
  }
  if (!application.obligationsPerformed) {
    reasons.push({ reason: 'OBLIGATIONS_NOT_PERFORMED', message: 'the obligations the decision imposed (fines, corrections) must be performed first' });
  }
  if (!application.commitmentGiven) {
    reasons.push({ reason: 'NO_COMMITMENT', message: 'a credit commitment (信用承诺) must be given with the application' });
  }
  return { eligible: reasons.length === 0, eligibleFrom: record.publicityMinEnd, reasons };
}
