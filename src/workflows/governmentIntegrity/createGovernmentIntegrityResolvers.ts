import { subjectKindOf, ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole, DateScalar, DecimalScalar, todayInShanghai } from '../../credit/index.js';
import { UsccScalar } from '../../codes/index.js';
import { complaintCategoryName, complaintRulesOn } from './complaintRules.js';
import { assertDistrictCode, computeEnforcementIndicator } from './computeEnforcementIndicator.js';
import { decidePayment, type PaymentInput } from './decidePayment.js';
import { toCommitment } from './toCommitment.js';
import { makeReceiptCode, RECEIPT_CODE } from './makeReceiptCode.js';
import { createCommitmentListResolvers } from './createCommitmentListResolvers.js';
import { badInput, notFound } from './integrityErrors.js';
import { INTEGRITY_RULES } from './integrityRules.js';
import type { GovernmentIntegrityStore, Row } from './GovernmentIntegrityStore.js';
import { createLoadersOf } from './integrityLoaders.js';
import { createConsequenceResolvers } from './createConsequenceResolvers.js';
import type { CalendarSource } from '../../calendar/index.js';

const OFFICE = [ROLE.CREDIT_OFFICE_ADMIN];

const toCase = (row: Row) => ({
  id: row.id, caseNumber: row.case_number, bodyUscc: row.body_uscc, courtUscc: row.court_uscc, amount: row.amount, filedOn: row.filed_on,
  status: row.status, closedOn: row.closed_on, superiorUscc: row.superior_uscc, superiorNotifiedOn: row.superior_notified_on,
  conduct: row.conduct ?? null, notificationDueOn: row.notification_due_on ?? null, notificationRule: row.notification_rule ?? null,
  listingRecordId: row.listing_record_id === null || row.listing_record_id === undefined ? null : String(row.listing_record_id),
});
const toComplaint = (row: Row) => ({
  id: row.id, bodyUscc: row.body_uscc, channel: row.channel, content: row.content, complainantName: row.complainant_name,
  category: row.category ?? null, receiptCode: row.receipt_code ?? null, verifyDueOn: row.verify_due_on ?? null, answerDueOn: row.answer_due_on ?? null,
  complainantPhone: row.complainant_phone, receivedOn: row.received_on, status: row.status, outcome: row.outcome, concludedOn: row.concluded_on, version: row.version,
});

async function assertGovernmentBody(store: GovernmentIntegrityStore, field: string, uscc: string): Promise<void> {
  if (subjectKindOf(uscc) !== 'GOVERNMENT_BODY') throw badInput(field, `${uscc} is not a government body (its USCC does not start with 11)`);
  if (!(await store.organisationExists(uscc))) throw notFound(`government body ${uscc}`);
}

// Government bodies (11…) and public institutions (12…) owe commitments alike (commitment-rules.json bodyPrefixes);
// a payment to an SME also needs the payer to be one its SME payment rule lists (decidePayment).
async function assertPayer(store: GovernmentIntegrityStore, input: { kind: string; bodyUscc: string }): Promise<void> {
  const prefixes = INTEGRITY_RULES.commitments.bodyPrefixes;
  if (!prefixes.includes(input.bodyUscc.slice(0, 2))) {
    throw badInput('input.bodyUscc', `${input.bodyUscc} is neither a government body nor a public institution (its USCC does not start with ${prefixes.join(' or ')})`);
  }
  if (!(await store.organisationExists(input.bodyUscc))) throw notFound(`organisation ${input.bodyUscc}`);
}

function textOf(field: string, value: string, min: number, max: number): string {
  const text = value.trim();
  if ([...text].length < min || [...text].length > max) throw badInput(field, `must be ${min} to ${max} characters, got ${[...text].length}`);
  return text;
}

interface CommitmentInput extends PaymentInput {
  counterpartyUscc?: string | null; kind: string; title: string; leadershipChanged?: boolean | null;
}

/** Resolvers of schema/government-integrity.graphql over the store; loaders per request keyed by the context. */
export function createGovernmentIntegrityResolvers(store: GovernmentIntegrityStore, calendars: CalendarSource, today: () => string = todayInShanghai) {
  const loadersOf = createLoadersOf(store);
  const consequences = createConsequenceResolvers(store, today, calendars, loadersOf);
  const office = (context: unknown, action: string) => assertActorRole(actorOf(context), OFFICE, action);

  const lists = createCommitmentListResolvers(store, today);
  const resolvers = {
    USCC: UsccScalar,
    Enterprise: lists.Enterprise,
    Date: DateScalar,
    Decimal: DecimalScalar,
    PublicInstitution: {
      async commitments(body: { uscc: string }, args: { status?: string | null }, context: object) {
        const rows = await loadersOf(context).commitments.load(body.uscc);
        return rows.filter((r) => !args.status || r.status === args.status).map((r) => toCommitment(r, today()));
      },
    },
    GovernmentBody: {
      async commitments(body: { uscc: string }, args: { status?: string | null }, context: object) {
        const rows = await loadersOf(context).commitments.load(body.uscc);
        return rows.filter((r) => !args.status || r.status === args.status).map((r) => toCommitment(r, today()));
      },
      async enforcementCases(body: { uscc: string }, _args: unknown, context: object) {
        return (await loadersOf(context).cases.load(body.uscc)).map(toCase);
      },
    },
    EnforcementCase: {
      async interviews(c: { id: string }, _args: unknown, context: object) {
        return (await loadersOf(context).interviews.load(c.id)).map((r) => ({ heldOn: r.held_on, interviewer: r.interviewer, summary: r.summary }));
      },
    },
    Query: {
      ...lists.Query,
      _integrityGovernmentBodiesByUscc: (_root: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc })),
      _integrityPublicInstitutionsByUscc: (_root: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc })),
      async overdueCommitments(_root: unknown, { districtCode }: { districtCode?: string | null }) {
        const now = today();
        return (await store.overdueCommitments(now, assertDistrictCode(districtCode))).map((r) => toCommitment(r, now)).sort((a, b) => b.daysOverdue - a.daysOverdue);
      },
      enforcementIndicator: (_root: unknown, args: { from: string; to: string; districtCode?: string | null }) => computeEnforcementIndicator(store, args),
      async complaintStatus(_root: unknown, { receiptCode }: { receiptCode: string }) {
        const code = receiptCode.trim().toUpperCase();
        if (!RECEIPT_CODE.test(code)) throw badInput('receiptCode', 'must be the receipt code given on filing, e.g. TS-7K2M-XQ9D-4HFA');
        const row = await store.complaintByReceipt(code);
        if (!row) return null;
        const measures = await store.measuresOfComplaint(row.id);
        // Nothing personal: neither the complainant nor the complaint's text (it may name people), nor the outcome's.
        return {
          receiptCode: code, bodyUscc: row.body_uscc, bodyName: row.body_name, category: row.category ?? null, categoryName: complaintCategoryName((row.category as string | null) ?? null),
          status: row.status, receivedOn: row.received_on, verifyDueOn: row.verify_due_on ?? null, answerDueOn: row.answer_due_on ?? null, concludedOn: row.concluded_on ?? null,
          measures: measures.map((m) => ({ kind: m.kind, imposedOn: m.imposed_on, dueOn: m.due_on ?? null, status: m.status })),
        };
      },
      async integrityComplaints(_root: unknown, { status }: { status?: string | null }, context: unknown) {
        assertActorRole(actorOf(context), [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR], 'Reading complaints');
        return (await store.complaints(status ?? null)).map(toComplaint);
      },
    },
    Mutation: {
      async recordCommitment(_root: unknown, { input }: { input: CommitmentInput }, context: unknown) {
        office(context, 'Recording a commitment');
        await assertPayer(store, input);
        const payment = input.kind === 'PAYMENT' ? decidePayment(input) : null;
        if (!payment) {
          for (const field of ['deliveredOn', 'acceptedOn', 'settledOn', 'termRunsFrom', 'paymentTermDays', 'counterpartySme', 'agreedDailyInterestRate'] as const) {
            if (input[field] !== null && input[field] !== undefined) throw badInput(`input.${field}`, `applies to a PAYMENT only; leave it out for a ${input.kind}`);
          }
        }
        const dueOn = payment?.dueOn ?? input.dueOn ?? null;
        if (!dueOn) throw badInput('input.dueOn', 'required for a policy promise or a contract');
        if (dueOn < input.promisedOn) throw badInput('input.dueOn', `must not be before promisedOn ${input.promisedOn}`);
        const row = await store.insert('government_commitments', {
          body_uscc: input.bodyUscc, counterparty_uscc: input.counterpartyUscc ?? null, kind: input.kind, title: textOf('input.title', input.title, 2, 500),
          amount: input.amount ?? null, promised_on: input.promisedOn, delivered_on: input.deliveredOn ?? null, accepted_on: input.acceptedOn ?? null,
          settled_on: input.settledOn ?? null, term_runs_from: payment?.termRunsFrom ?? null, payment_term_days: payment?.paymentTermDays ?? null, due_on: dueOn,
          counterparty_sme: payment ? input.counterpartySme : null, agreed_daily_interest_rate: payment?.paymentRule ? input.agreedDailyInterestRate ?? null : null,
          payment_rule: payment?.paymentRule ?? null, leadership_changed: input.leadershipChanged ?? false, recorded_by: actorOf(context).consumerId,
        });
        return toCommitment(row, today());
      },
      async fulfilCommitment(_root: unknown, args: { id: string; fulfilledOn: string; version: number }, context: unknown) {
        office(context, 'Fulfilling a commitment');
        return toCommitment(await store.fulfilCommitment(args.id, args.fulfilledOn, args.version), today());
      },
      async recordEnforcementCase(_root: unknown, { input }: { input: { caseNumber: string; bodyUscc: string; courtUscc?: string | null; amount?: string | null; filedOn: string } }, context: unknown) {
        office(context, 'Recording an enforcement case');
        await assertGovernmentBody(store, 'input.bodyUscc', input.bodyUscc);
        const row = await store.insert('enforcement_cases', {
          case_number: textOf('input.caseNumber', input.caseNumber, 4, 100), body_uscc: input.bodyUscc, court_uscc: input.courtUscc ?? null,
          amount: input.amount ?? null, filed_on: input.filedOn, recorded_by: actorOf(context).consumerId,
        }).catch((error: { code?: string }) => {
          if (error.code === '23505') throw badInput('input.caseNumber', `case ${input.caseNumber} is already recorded`);
          throw error;
        });
        return toCase(row);
      },
      async notifySuperior(_root: unknown, args: { caseId: string; superiorUscc: string; notifiedOn: string }, context: unknown) {
        office(context, 'Notifying a superior body');
        await assertGovernmentBody(store, 'superiorUscc', args.superiorUscc);
        return toCase(await store.change('enforcement_cases', 'enforcement case', args.caseId, null, (row) => {
          if (row.status !== 'OPEN') throw badInput('caseId', `case ${args.caseId} is ${String(row.status)}; only an OPEN case is notified`);
          return { superior_uscc: args.superiorUscc, superior_notified_on: args.notifiedOn };
        }));
      },
      async recordInterview(_root: unknown, args: { caseId: string; heldOn: string; interviewer: string; summary: string }, context: unknown) {
        office(context, 'Recording an interview');
        const updated = await store.change('enforcement_cases', 'enforcement case', args.caseId, null, (row) => {
          if (row.status !== 'OPEN') throw badInput('caseId', `case ${args.caseId} is ${String(row.status)}; interviews are about OPEN cases`);
          return {};
        });
        await store.insert('enforcement_interviews', { case_id: args.caseId, held_on: args.heldOn, interviewer: textOf('interviewer', args.interviewer, 2, 200), summary: textOf('summary', args.summary, 2, 5000) });
        return toCase(updated);
      },
      async closeEnforcementCase(_root: unknown, args: { caseId: string; closedOn: string }, context: unknown) {
        office(context, 'Closing an enforcement case');
        return toCase(await store.change('enforcement_cases', 'enforcement case', args.caseId, null, (row) => {
          if (row.status !== 'OPEN') throw badInput('caseId', `case ${args.caseId} cannot go from ${String(row.status)} to CLOSED; only an OPEN case closes`);
          if (args.closedOn < String(row.filed_on)) throw badInput('closedOn', `must not be before the filing date ${String(row.filed_on)}`);
          return { status: 'CLOSED', closed_on: args.closedOn };
        }));
      },
      async fileComplaint(_root: unknown, { input }: { input: { bodyUscc: string; category?: string | null; channel: string; content: string; complainantName?: string | null; complainantPhone?: string | null } }) {
        const receivedOn = today();
        const rules = complaintRulesOn(receivedOn);
        if (!rules.bodyPrefixes.includes(input.bodyUscc.slice(0, 2))) {
          throw badInput('input.bodyUscc', `${input.bodyUscc} is neither a government body (11…) nor a public institution (12…); complaints here are about ${rules.bodyPrefixes.map((p) => `${p}…`).join(' and ')} bodies`);
        }
        if (!(await store.organisationExists(input.bodyUscc))) throw notFound(`organisation ${input.bodyUscc}`);
        const category = input.category ?? 'OTHER';
        if (!rules.categories.some((c) => c.code === category)) throw badInput('input.category', `${category} is not a category of ${rules.version} (${rules.categories.map((c) => c.code).join(', ')})`);
        if (input.complainantPhone && !/^[0-9+\- ]{5,20}$/.test(input.complainantPhone)) throw badInput('input.complainantPhone', 'digits, spaces, + and - only, 5 to 20 characters');
        const working = await calendars.current();
        const row = await store.insert('integrity_complaints', {
          body_uscc: input.bodyUscc, channel: input.channel, content: textOf('input.content', input.content, 10, 5000),
          complainant_name: input.complainantName?.trim() || null, complainant_phone: input.complainantPhone?.trim() || null, received_on: receivedOn,
          category, receipt_code: makeReceiptCode(), rule_version: rules.version,
          verify_due_on: working.addWorkingDays(receivedOn, rules.verifyWorkingDays), answer_due_on: working.addWorkingDays(receivedOn, rules.answerWorkingDays),
        });
        return { id: row.id, receiptCode: row.receipt_code, category: row.category, verifyDueOn: row.verify_due_on, answerDueOn: row.answer_due_on };
      },
      async advanceComplaint(_root: unknown, args: { id: string; to: string; outcome?: string | null; version: number }, context: unknown) {
        office(context, 'Handling a complaint');
        const final = args.to === 'SUBSTANTIATED' || args.to === 'UNSUBSTANTIATED';
        const outcome = final ? textOf('outcome', args.outcome ?? '', 2, 5000) : null;
        return toComplaint(await store.advanceComplaint(args.id, args.to, outcome, today(), args.version));
      },
    },
  };
  return {
    ...consequences, ...resolvers,
    GovernmentCommitment: consequences.GovernmentCommitment,
    PublicInstitution: { ...resolvers.PublicInstitution, ...consequences.PublicInstitution },
    GovernmentBody: { ...resolvers.GovernmentBody, ...consequences.GovernmentBody },
    Query: { ...resolvers.Query, ...consequences.Query },
    Mutation: { ...resolvers.Mutation, ...consequences.Mutation },
  };
}
