import { overdueInterestOf } from './decidePayment.js';
import type { Row } from './GovernmentIntegrityStore.js';
import { daysBetween } from './integrityRules.js';

/** A government_commitments row as the graph's GovernmentCommitment (camelCase); overdue and overdue interest are judged on `today`. */
export function toCommitment(row: Row, today: string) {
  const overdue = row.status === 'PENDING' && String(row.due_on) < today;
  const interest = overdueInterestOf({
    paymentRule: (row.payment_rule as string | null) ?? null, amount: (row.amount as string | null) ?? null,
    agreedDailyInterestRate: (row.agreed_daily_interest_rate as string | null) ?? null, dueOn: String(row.due_on), fulfilledOn: (row.fulfilled_on as string | null) ?? null,
  }, today);
  return {
    id: row.id, bodyUscc: row.body_uscc, counterpartyUscc: row.counterparty_uscc, kind: row.kind, title: row.title, amount: row.amount,
    promisedOn: row.promised_on, deliveredOn: row.delivered_on, acceptedOn: row.accepted_on ?? null, settledOn: row.settled_on ?? null,
    termRunsFrom: row.term_runs_from ?? null, paymentTermDays: row.payment_term_days, dueOn: row.due_on, status: row.status,
    fulfilledOn: row.fulfilled_on, overdue, daysOverdue: overdue ? daysBetween(String(row.due_on), today) : 0, leadershipChanged: row.leadership_changed, version: row.version,
    counterpartySme: row.counterparty_sme ?? null, paymentRule: row.payment_rule ?? null, paymentLegalBasis: interest.legalBasis,
    overdueInterestDailyRate: interest.dailyRate, overdueInterestRateAgreed: interest.rateAgreed, overdueInterest: interest.interest,
  };
}
