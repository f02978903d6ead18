import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { decidePayment } from './decidePayment.js';
import type { ArrearsFeedRow } from './GovernmentIntegrityStore.js';
import type { PaymentTermStart } from './integrityRules.js';
import { subtractDecimal, sumDecimals } from './overdueInterest.js';
import { FeedFields, type FeedError } from './readFeedFields.js';

// decidePayment names recordCommitment's input fields; the batch format names them as the finance system does.
const FIELD_OF_INPUT: Record<string, string> = {
  'input.bodyUscc': 'payerUscc', 'input.amount': 'amount', 'input.promisedOn': 'contractDate', 'input.deliveredOn': 'deliveredOn',
  'input.acceptedOn': 'acceptedOn', 'input.settledOn': 'settledOn', 'input.termRunsFrom': 'termRunsFrom', 'input.paymentTermDays': 'termDays',
  'input.agreedDailyInterestRate': 'agreedDailyRate', 'input.dueOn': 'contractDate', 'input.counterpartySme': 'smeUscc',
};

/**
 * Checks one payable of a finance system's batch (see SmeArrearsBatchInput for the fields) against the SME
 * payment rule of its contract date, as recordCommitment would, and its parts paid (dated, above 0, together
 * at most the amount). Returns the columns to store with a fingerprint, or every error with its field and fix.
 * `known`: the organisations the hub knows (payer and SME must be registered).
 */
export function validateArrearsRow(raw: unknown, rowNumber: number, known: ReadonlySet<string>, today: string): ArrearsFeedRow | { sourceKey: string; errors: FeedError[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { sourceKey: '', errors: [{ field: 'row', message: 'must be an object of field names to values' }] };
  const f = new FeedFields(raw as Record<string, unknown>);
  const sourceKey = f.text('sourceKey', 1, 100);
  const payer = f.uscc('payerUscc');
  const sme = f.uscc('smeUscc');
  const title = f.text('title', 2, 500);
  const amount = f.decimal('amount');
  const contractDate = f.date('contractDate', true, today);
  const deliveredOn = f.date('deliveredOn', true, today);
  const acceptedOn = f.date('acceptedOn', false, today);
  const settledOn = f.date('settledOn', false, today);
  const termRunsFrom = f.oneOf<PaymentTermStart>('termRunsFrom', ['DELIVERY', 'ACCEPTANCE', 'SETTLEMENT'], false);
  const termDays = f.integer('termDays', 1, 366);
  const agreedDailyRate = f.decimal('agreedDailyRate', false);
  if (payer && !known.has(payer)) f.fail('payerUscc', `${payer} is not a registered organisation; register it with the credit office first`);
  if (sme && !known.has(sme)) f.fail('smeUscc', `${sme} is not a registered organisation; register it with the credit office first`);
  const payments = readPayments(f, contractDate, today);
  if (amount && payments && subtractDecimal(amount, sumDecimals(payments.map((p) => p.amount))).startsWith('-')) {
    f.fail('payments', `the parts paid add up to ${sumDecimals(payments.map((p) => p.amount))} 万元, more than the amount ${amount}`);
  }
  if (f.errors.length > 0 || !payer || !sme || !title || !amount || !contractDate || !deliveredOn || !sourceKey || !payments) return { sourceKey: sourceKey ?? '', errors: f.errors };
  let decided;
  try {
    decided = decidePayment({
      bodyUscc: payer, amount, promisedOn: contractDate, deliveredOn, acceptedOn: acceptedOn ?? null, settledOn: settledOn ?? null,
      termRunsFrom: termRunsFrom ?? null, paymentTermDays: termDays ?? null, counterpartySme: true, agreedDailyInterestRate: agreedDailyRate ?? null,
    });
  } catch (error) {
    const e = error as GraphQLError;
    const input = String(e.extensions?.argumentName ?? '');
    const field = FIELD_OF_INPUT[input] ?? 'row';
    return { sourceKey, errors: [{ field, message: e.message.replace(`${input}: `, '').replace(/input\.(\w+)/g, (_m, name: string) => FIELD_OF_INPUT[`input.${name}`] ?? name) }] };
  }
  if (!decided.paymentRule) {
    return { sourceKey, errors: [{ field: 'contractDate', message: 'the SME payment rules apply to contracts from 2020-09-01; an older payable is recorded with recordCommitment and its own due date' }] };
  }
  const values = {
    kind: 'PAYMENT', body_uscc: payer, counterparty_uscc: sme, counterparty_sme: true, title, amount, promised_on: contractDate, delivered_on: deliveredOn,
    accepted_on: acceptedOn ?? null, settled_on: settledOn ?? null, term_runs_from: decided.termRunsFrom, payment_term_days: decided.paymentTermDays,
    due_on: decided.dueOn, agreed_daily_interest_rate: agreedDailyRate ?? null, payment_rule: decided.paymentRule, leadership_changed: false,
  };
  const rows = payments.map((p) => ({ paid_on: p.paidOn, amount: p.amount }));
  const hash = createHash('sha256').update(JSON.stringify([values, rows])).digest('hex');
  return { rowNumber, sourceKey, hash, values, payments: rows };
}

function readPayments(f: FeedFields, contractDate: string | undefined, today: string): { paidOn: string; amount: string }[] | undefined {
  const list = f.value('payments');
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return f.fail('payments', 'must be a list of { "paidOn": "YYYY-MM-DD", "amount": "12.5" }');
  const parts: { paidOn: string; amount: string }[] = [];
  for (const [index, item] of list.entries()) {
    const part = new FeedFields((item ?? {}) as Record<string, unknown>);
    const paidOn = part.date('paidOn', true, today);
    const amount = part.decimal('amount');
    if (paidOn && contractDate && paidOn < contractDate) part.fail('paidOn', `must not be before the contract date ${contractDate}`);
    for (const e of part.errors) f.fail(`payments[${index}].${e.field}`, e.message);
    if (paidOn && amount && part.errors.length === 0) parts.push({ paidOn, amount });
  }
  return parts.length === list.length ? parts.sort((a, b) => a.paidOn.localeCompare(b.paidOn)) : undefined;
}
