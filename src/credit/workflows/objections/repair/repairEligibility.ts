/** Why a subject may not apply for credit repair yet. */
export type IneligibilityReason = 'MINIMUM_PERIOD_NOT_REACHED' | 'OBLIGATIONS_NOT_PERFORMED' | 'NO_COMMITMENT';

/** The answer to "may this subject apply for repair of this record today?". */
export interface RepairEligibility {
  eligible: boolean;
  /** The first day the minimum publicity period allows an application (the record's publicity_min_end). */
  eligibleFrom: string;
  reasons: { reason: IneligibilityReason; message: string }[];
}

/**
 * Checks the three conditions of credit repair (DOMAIN.md §3): the minimum publicity period of the record's
 * rule version has been reached (on or after `publicityMinEnd`), the obligations the decision imposed are
 * performed, and a credit commitment (信用承诺) is given. Pure; dates are YYYY-MM-DD.
 */
export function repairEligibility(
  record: { publicityMinEnd: string; ruleVersion: string | null },
  application: { obligationsPerformed: boolean; commitmentGiven: boolean },
  today: string,
): RepairEligibility {
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
