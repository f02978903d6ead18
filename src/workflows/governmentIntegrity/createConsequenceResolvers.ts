import { JSONResolver } from 'graphql-scalars';
import type { CalendarSource } from '../../calendar/index.js';
import { ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole } from '../../credit/index.js';
import { assertDistrictCode } from './computeEnforcementIndicator.js';
import { outstandingOn, overdueInterestOf } from './decidePayment.js';
import type { FeedOutcome, GovernmentIntegrityStore, Row } from './GovernmentIntegrityStore.js';
import { badInput } from './integrityErrors.js';
import type { IntegrityLoaders } from './integrityLoaders.js';
import { daysBetween, DEFAULTER_LIST_RULES, INTEGRITY_RULES } from './integrityRules.js';
import { inheritanceOf } from './leadershipAt.js';
import type { FeedError } from './readFeedFields.js';
import { toCommitment } from './toCommitment.js';
import { toDishonestyRecord } from './toDishonestyRecord.js';
import { validateArrearsRow } from './validateArrearsRow.js';
import { validateDefaulterRow } from './validateDefaulterRow.js';

const OFFICE = [ROLE.CREDIT_OFFICE_ADMIN];
const MAX_BATCH_ROWS = 2_000;

/** A commitment as toCommitment maps it, with the stored row and the day it is judged on. */
interface CommitmentView {
  row: Row;
  asOf: string;
}

const toTenure = (row: Row) => ({ id: row.id, bodyUscc: row.body_uscc, leaderName: row.leader_name, post: row.post, startedOn: row.started_on, endedOn: row.ended_on ?? null });
const toPart = (row: Row) => ({ paidOn: String(row.paid_on), amount: String(row.amount) });
const toAlert = (row: Row) => ({
  id: row.id, kind: row.kind, bodyUscc: row.body_uscc, caseId: row.case_id === null ? null : String(row.case_id), recordId: row.record_id === null ? null : String(row.record_id),
  message: row.message, raisedOn: row.raised_on, dueOn: row.due_on ?? null,
});
const encodeCursor = (row: Row) => Buffer.from(`${String(row.due_on)}|${row.id}`, 'utf8').toString('base64url');
function decodeCursor(after: string): { dueOn: string; id: string } {
  const [dueOn, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (!dueOn || !id || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || !/^\d+$/.test(id)) throw badInput('after', 'is not a cursor of smeArrears; pass the endCursor of the previous page');
  return { dueOn, id };
}

function text(field: string, value: string, min: number, max: number): string {
  const t = value.trim();
  if ([...t].length < min || [...t].length > max) throw badInput(field, `must be ${min} to ${max} characters, got ${[...t].length}`);
  return t;
}

function report(outcomes: FeedOutcome[], keys: Map<number, string>) {
  const count = (status: FeedOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    total: outcomes.length, accepted: count('ACCEPTED'), updated: count('UPDATED'), unchanged: count('UNCHANGED'), rejected: count('REJECTED'),
    rows: [...outcomes].sort((a, b) => a.rowNumber - b.rowNumber).map((o) => ({ ...o, key: keys.get(o.rowNumber) ?? '' })),
  };
}

function assertBatch(rows: unknown[]): void {
  if (rows.length === 0 || rows.length > MAX_BATCH_ROWS) throw badInput('input.rows', `must hold 1 to ${MAX_BATCH_ROWS} rows, got ${rows.length}; split a larger batch`);
}

const stringsAt = (rows: unknown[], fields: string[]) => rows.flatMap((r) => (r && typeof r === 'object' ? fields.map((f) => (r as Record<string, unknown>)[f]) : []))
  .filter((v): v is string => typeof v === 'string').map((v) => v.trim().toUpperCase());

/**
 * Resolvers of issue 15 items 3-5 (broken promises on the record and leadership tenures, the SME arrears
 * ledger with partial payments and its finance-system feed, the court's defaulter list for bodies and the
 * alerts), merged into the workflow's resolvers; every change is for the credit office.
 */
export function createConsequenceResolvers(store: GovernmentIntegrityStore, today: () => string, calendars: CalendarSource, loadersOf: (context: object) => IntegrityLoaders) {
  const office = (context: unknown, action: string) => assertActorRole(actorOf(context), OFFICE, action);
  const partsOf = async (c: CommitmentView, context: object) => (await loadersOf(context).payments.load(c.row.id)).map(toPart);
  const inheritance = async (c: CommitmentView, context: object) => inheritanceOf(c.row, await loadersOf(context).tenures.load(String(c.row.body_uscc)), c.asOf);
  const interestOf = (row: Row, parts: { paidOn: string; amount: string }[], asOf: string) => overdueInterestOf({
    paymentRule: (row.payment_rule as string | null) ?? null, amount: (row.amount as string | null) ?? null, agreedDailyInterestRate: (row.agreed_daily_interest_rate as string | null) ?? null,
    dueOn: String(row.due_on), fulfilledOn: (row.fulfilled_on as string | null) ?? null, payments: parts,
  }, asOf).interest;
  const leadership = async (body: { uscc: string }, _args: unknown, context: object) => (await loadersOf(context).tenures.load(body.uscc)).map(toTenure);

  return {
    JSON: JSONResolver,
    GovernmentCommitment: {
      inherited: async (c: CommitmentView, _a: unknown, context: object) => (await inheritance(c, context)).inherited,
      leaderWhenPromised: async (c: CommitmentView, _a: unknown, context: object) => (await inheritance(c, context)).leaderWhenPromised,
      leaderWhenDue: async (c: CommitmentView, _a: unknown, context: object) => (await inheritance(c, context)).leaderWhenDue,
      payments: (c: CommitmentView, _a: unknown, context: object) => partsOf(c, context),
      async outstandingAmount(c: CommitmentView, _a: unknown, context: object) {
        if (c.row.kind !== 'PAYMENT') return null;
        return outstandingOn({ amount: (c.row.amount as string | null) ?? null, fulfilledOn: (c.row.fulfilled_on as string | null) ?? null, payments: await partsOf(c, context) }, c.asOf);
      },
      overdueInterest: async (c: CommitmentView, _a: unknown, context: object) => interestOf(c.row, await partsOf(c, context), c.asOf),
    },
    GovernmentBody: { leadership },
    PublicInstitution: { leadership },
    Query: {
      async smeArrears(_root: unknown, args: { filter?: { bodyUscc?: string | null; districtCode?: string | null; asOf?: string | null } | null; first?: number | null; after?: string | null }, context: object) {
        const first = args.first ?? 20;
        if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', `must be 1 to 100, got ${first}`);
        const asOf = args.filter?.asOf ?? today();
        const districtCode = assertDistrictCode(args.filter?.districtCode);
        const { rows, totalCount } = await store.smeArrears({
          asOf, bodyUscc: args.filter?.bodyUscc ?? null, districtCode, after: args.after ? decodeCursor(args.after) : null, limit: first + 1,
        });
        const page = rows.slice(0, first);
        const parts = await Promise.all(page.map((r) => loadersOf(context).payments.load(r.id)));
        const edges = page.map((row, i) => {
          const paid = parts[i]!.map(toPart);
          const commitment = toCommitment(row, asOf);
          return {
            cursor: encodeCursor(row),
            node: {
              asOf, bodyUscc: row.body_uscc, districtCode: row.district_code ?? null, daysOverdue: daysBetween(String(row.due_on), asOf),
              outstandingAmount: outstandingOn({ amount: String(row.amount), fulfilledOn: (row.fulfilled_on as string | null) ?? null, payments: paid }, asOf),
              overdueInterest: interestOf(row, paid, asOf), commitment,
            },
          };
        });
        return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
      },
      async integrityAlerts(_root: unknown, { kind }: { kind?: string | null }, context: unknown) {
        assertActorRole(actorOf(context), [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR], 'Reading integrity alerts');
        return (await store.alerts(kind ?? null)).map(toAlert);
      },
    },
    Mutation: {
      async declareCommitmentBroken(_root: unknown, args: { commitment: string; reason: string; evidence: string[]; version: number }, context: unknown) {
        office(context, 'Declaring a commitment broken');
        const rule = INTEGRITY_RULES.brokenPromises;
        const reason = text('reason', args.reason, 2, 2000);
        if (args.evidence.length < 1 || args.evidence.length > 20) throw badInput('evidence', `must list 1 to 20 items (document numbers, letters, findings), got ${args.evidence.length}`);
        const evidence = args.evidence.map((e, i) => text(`evidence[${i}]`, e, 2, 500));
        const item = await store.catalogItem(rule.catalogItemCode);
        if (!item) throw badInput('commitment', `catalogue item ${rule.catalogItemCode} (government dishonesty) is not in the catalogue; load the catalogue first`);
        const now = today();
        const declaration = { brokenOn: now, reason, evidence };
        const row = await store.declareBroken(args.commitment, args.version, rule.fromStatuses, declaration,
          (commitment, tenures) => toDishonestyRecord(commitment, declaration, item, inheritanceOf({ ...commitment, broken_on: now }, tenures, now)));
        return toCommitment(row, now);
      },
      async recordLeadershipChange(_root: unknown, { input }: { input: { bodyUscc: string; leaderName: string; post: string; startedOn: string } }, context: unknown) {
        office(context, 'Recording a leadership change');
        const prefixes = INTEGRITY_RULES.commitments.bodyPrefixes;
        if (!prefixes.includes(input.bodyUscc.slice(0, 2))) throw badInput('input.bodyUscc', `${input.bodyUscc} is neither a government body nor a public institution (USCC ${prefixes.join('… or ')}…)`);
        const row = await store.recordLeadershipChange({
          body_uscc: input.bodyUscc, leader_name: text('input.leaderName', input.leaderName, 2, 50), post: text('input.post', input.post, 1, 50),
          started_on: input.startedOn, recorded_by: actorOf(context).consumerId ?? 'unknown',
        });
        return toTenure(row);
      },
      async recordCommitmentPayment(_root: unknown, args: { commitment: string; paidOn: string; amount: string; version: number }, context: unknown) {
        office(context, 'Recording a part paid');
        if (!/^\d+(\.\d{1,6})?$/.test(args.amount) || /^0+(\.0*)?$/.test(args.amount)) throw badInput('amount', `must be above 0 with at most 6 decimals (万元), got ${args.amount}`);
        if (args.paidOn > today()) throw badInput('paidOn', `must not be after today, ${today()}`);
        return toCommitment(await store.recordPayment(args.commitment, args.version, args.paidOn, args.amount, actorOf(context).consumerId ?? 'unknown'), today());
      },
      async ingestSmeArrears(_root: unknown, { input }: { input: { sourceSystem: string; rows: unknown[] } }, context: unknown) {
        office(context, 'Ingesting SME arrears');
        const sourceSystem = text('input.sourceSystem', input.sourceSystem, 2, 100);
        assertBatch(input.rows);
        const now = today();
        const names = await store.organisationNames(stringsAt(input.rows, ['payerUscc', 'smeUscc']));
        const known = new Set(names.keys());
        const keys = new Map<number, string>();
        const seen = new Map<string, number>();
        const rejected: FeedOutcome[] = [];
        const valid = [];
        for (const [index, raw] of input.rows.entries()) {
          const rowNumber = index + 1;
          const checked = validateArrearsRow(raw, rowNumber, known, now);
          keys.set(rowNumber, checked.sourceKey);
          const first = seen.get(checked.sourceKey);
          const errors: FeedError[] = 'errors' in checked ? checked.errors : first ? [{ field: 'sourceKey', message: `repeats row ${first}; send each payable once per batch` }] : [];
          if (checked.sourceKey && first === undefined) seen.set(checked.sourceKey, rowNumber);
          if (errors.length > 0 || 'errors' in checked) rejected.push({ rowNumber, status: 'REJECTED', id: null, errors });
          else valid.push(checked);
        }
        const stored = valid.length > 0 ? await store.storeArrearsFeed(sourceSystem, valid, actorOf(context).consumerId ?? 'unknown') : [];
        return report([...stored, ...rejected], keys);
      },
      async ingestDefaulterList(_root: unknown, { input }: { input: { court: string; rows: unknown[] } }, context: unknown) {
        office(context, 'Ingesting the court\'s defaulter list');
        assertBatch(input.rows);
        const names = await store.organisationNames([input.court, ...stringsAt(input.rows, ['subjectUscc'])]);
        const courtName = names.get(input.court);
        if (!courtName) throw badInput('input.court', `${input.court} is not a registered organisation; name the court by its USCC`);
        const calendar = await calendars.current();
        const items = new Map(await Promise.all([...new Set(DEFAULTER_LIST_RULES.map((r) => r.catalogItemCode))].map(async (code) => [code, await store.catalogItem(code)] as const)));
        const ctx = {
          court: { uscc: input.court, name: courtName }, known: new Set(names.keys()), today: today(),
          itemOf: (rule: { catalogItemCode: string }) => items.get(rule.catalogItemCode) ?? null,
          notificationDue: (listedOn: string, days: number) => calendar.deadline(listedOn, days).due,
        };
        const keys = new Map<number, string>();
        const rejected: FeedOutcome[] = [];
        const valid = [];
        for (const [index, raw] of input.rows.entries()) {
          const checked = validateDefaulterRow(raw, index + 1, ctx);
          keys.set(index + 1, 'errors' in checked ? checked.key : checked.caseNumber);
          if ('errors' in checked) rejected.push({ rowNumber: index + 1, status: 'REJECTED', id: null, errors: checked.errors });
          else valid.push(checked);
        }
        const stored = valid.length > 0 ? await store.storeDefaulterFeed(input.court, valid, actorOf(context).consumerId ?? 'unknown', ctx.today) : [];
        return report([...stored, ...rejected], keys);
      },
    },
  };
}
