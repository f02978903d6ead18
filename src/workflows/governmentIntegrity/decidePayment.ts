import { badInput } from './integrityErrors.js';
import { addDays, daysBetween, smePaymentRuleById, smePaymentRuleOn, type PaymentTermStart } from './integrityRules.js';
import { computeOverdueInterestOnParts, subtractDecimal, sumDecimals } from './overdueInterest.js';

/** What recordCommitment receives for a payment. */
export interface PaymentInput {
  bodyUscc: string;
  amount?: string | null;
  promisedOn: string;
  dueOn?: string | null;
  deliveredOn?: string | null;
  acceptedOn?: string | null;
  settledOn?: string | null;
  termRunsFrom?: PaymentTermStart | null;
  paymentTermDays?: number | null;
  counterpartySme?: boolean | null;
  agreedDailyInterestRate?: string | null;
}

/** The payment columns to store: the rule applied (null when none), term, its start and the due date. */
export interface DecidedPayment {
  paymentRule: string | null;
  termRunsFrom: PaymentTermStart | null;
  paymentTermDays: number | null;
  dueOn: string;
}

const START_FIELD: Record<PaymentTermStart, 'deliveredOn' | 'acceptedOn' | 'settledOn'> = {
  DELIVERY: 'deliveredOn', ACCEPTANCE: 'acceptedOn', SETTLEMENT: 'settledOn',
};

/**
 * Applies the SME payment rule (保障中小企业款项支付条例) in force on the contract date: the counterparty's SME
 * status must be stated; for an SME the due date is the term's start (delivery, acceptance or settlement,
 * as the contract says) plus the term (30 days by default, at most 60); otherwise, or for a contract before
 * the first rule, the due date is the contract's own. Throws BAD_USER_INPUT naming the field to fix.
 */
export function decidePayment(input: PaymentInput): DecidedPayment {
  if (input.counterpartySme === null || input.counterpartySme === undefined) {
    throw badInput('input.counterpartySme', 'a payment must say whether the counterparty is a small or medium-sized enterprise (中小企业) by its size when the contract was made (保障中小企业款项支付条例 art. 3)');
  }
  if (input.amount !== null && input.amount !== undefined && input.amount.startsWith('-')) throw badInput('input.amount', `must not be negative, got ${input.amount}`);
  if (input.agreedDailyInterestRate !== null && input.agreedDailyInterestRate !== undefined && !(Number(input.agreedDailyInterestRate) > 0 && Number(input.agreedDailyInterestRate) < 1)) {
    throw badInput('input.agreedDailyInterestRate', `must be a daily rate above 0 and below 1, e.g. "0.0003" for 0.03 % a day, got ${input.agreedDailyInterestRate}`);
  }
  const rule = input.counterpartySme ? smePaymentRuleOn(input.promisedOn) : null;
  const payerPrefix = input.bodyUscc.slice(0, 2);
  if (!rule) {
    if (input.paymentTermDays !== null && input.paymentTermDays !== undefined) throw badInput('input.paymentTermDays', 'leave it out: no statutory term applies (the counterparty is not an SME or the contract predates 2020-09-01); give dueOn from the contract');
    if (input.agreedDailyInterestRate) throw badInput('input.agreedDailyInterestRate', 'leave it out: statutory overdue interest applies only to a payment to an SME under the SME payment rules (from 2020-09-01)');
    if (!input.dueOn) throw badInput('input.dueOn', 'required: no statutory term applies (the counterparty is not an SME or the contract predates 2020-09-01), so the due date is the contract\'s own');
    return { paymentRule: null, termRunsFrom: null, paymentTermDays: null, dueOn: input.dueOn };
  }
  if (!rule.payerPrefixes.includes(payerPrefix)) throw badInput('input.bodyUscc', `${input.bodyUscc} is not a payer under ${rule.version} (USCC ${rule.payerPrefixes.join('… or ')}…)`);
  const termRunsFrom = input.termRunsFrom ?? 'DELIVERY';
  const startField = START_FIELD[termRunsFrom];
  const start = input[startField];
  if (!start) throw badInput(`input.${startField}`, `required: the term runs from ${termRunsFrom.toLowerCase()} (${rule.termStarts[termRunsFrom]})`);
  if (input.deliveredOn && start < input.deliveredOn) throw badInput(`input.${startField}`, `must not be before the delivery date ${input.deliveredOn}`);
  const term = input.paymentTermDays ?? rule.defaultTermDays;
  if (!Number.isInteger(term) || term < 1 || term > rule.maxTermDays) {
    throw badInput('input.paymentTermDays', `must be 1 to ${rule.maxTermDays} days: payments to SMEs are due within ${rule.maxTermDays} days at most (保障中小企业款项支付条例, ${rule.termStarts.DELIVERY}), got ${term}`);
  }
  const dueOn = addDays(start, term);
  if (input.dueOn && input.dueOn !== dueOn) throw badInput('input.dueOn', `leave it out for a payment to an SME: it is the ${termRunsFrom.toLowerCase()} date plus the term, ${dueOn}`);
  return { paymentRule: rule.version, termRunsFrom, paymentTermDays: term, dueOn };
}

/** The overdue-interest view of a stored payment: the daily rate, whether agreed, and the interest due so far. */
export interface OverdueInterest {
  dailyRate: string | null;
  rateAgreed: boolean;
  interest: string | null;
  legalBasis: string | null;
}

/** A partial payment (部分支付) of a payment commitment. */
export interface PartPayment {
  paidOn: string;
  amount: string;
}

/**
 * Overdue interest (逾期利息) of a payment under `paymentRule`: the agreed daily rate, else the rule's default
 * (0.05 % a day), for each calendar day after `dueOn`, on the amount still outstanding that day: a part paid
 * on day D bears interest up to and including D, the rest up to final payment (`fulfilledOn`) or `asOf`,
 * whichever is first; parts paid after `asOf` count as unpaid. All null when no SME payment rule governs the
 * payment; interest null when the amount is unknown.
 */
export function overdueInterestOf(
  payment: { paymentRule: string | null; amount: string | null; agreedDailyInterestRate: string | null; dueOn: string; fulfilledOn: string | null; payments?: readonly PartPayment[] },
  asOf: string,
): OverdueInterest {
  const rule = smePaymentRuleById(payment.paymentRule);
  if (!rule) return { dailyRate: null, rateAgreed: false, interest: null, legalBasis: null };
  const dailyRate = payment.agreedDailyInterestRate ?? rule.overdueInterest.defaultDailyRate;
  const base = { dailyRate, rateAgreed: payment.agreedDailyInterestRate !== null, legalBasis: rule.legalBasis };
  if (payment.amount === null) return { ...base, interest: null };
  const end = payment.fulfilledOn !== null && payment.fulfilledOn <= asOf ? payment.fulfilledOn : asOf;
  const late = (day: string) => Math.max(0, daysBetween(payment.dueOn, day));
  const paid = (payment.payments ?? []).filter((p) => p.paidOn <= end);
  const rest = subtractDecimal(payment.amount, sumDecimals(paid.map((p) => p.amount)));
  const parts = [...paid.map((p) => ({ amount: p.amount, days: late(p.paidOn) })), ...(rest.startsWith('-') ? [] : [{ amount: rest, days: late(end) }])];
  return { ...base, interest: computeOverdueInterestOnParts(parts, dailyRate) };
}

/** What is still owed of a payment on `asOf`: nothing once fulfilled, else the amount less the parts paid by then. */
export function outstandingOn(payment: { amount: string | null; fulfilledOn: string | null; payments?: readonly PartPayment[] }, asOf: string): string | null {
  if (payment.amount === null) return null;
  if (payment.fulfilledOn !== null && payment.fulfilledOn <= asOf) return '0';
  const rest = subtractDecimal(payment.amount, sumDecimals((payment.payments ?? []).filter((p) => p.paidOn <= asOf).map((p) => p.amount)));
  return rest.startsWith('-') ? '0' : rest;
}
