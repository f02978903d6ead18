import { DateTimeResolver } from 'graphql-scalars';
import { badUserInput, notFound, UsccScalar, ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole, hasActorRole, type CreditActor, DateScalar, reportAccess } from '../../credit/index.js';
import type { CheckResult } from './checkResult.js';
import type { StoredFeedback } from './CreditCheckStore.js';
import { listCreditChecks, toCheckCursor, type CreditChecksArgs } from './listCreditChecks.js';
import { recordCheckFeedback, type RecordCheckFeedbackInput } from './recordCheckFeedback.js';
import type { FeedbackUsageRules } from './rules/feedbackUsageRules.js';
import { runCreditCheck, type RunCreditCheckDeps, type RunCreditCheckInput } from './runCreditCheck.js';
import { toCheckCase } from './toCheckCase.js';

const RUNS_CHECKS = [ROLE.BIDDING_SYSTEM, ROLE.CREDIT_OFFICE_ADMIN];
const READS_ANY_CHECK = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CASES = 200;
// Cases come from feedback on REVIEW / REJECT subjects only; read this many feedback rows to fill a page.
const FEEDBACK_SCAN = 1000;

/** What GraphQL answers for a check: the signed result plus its signature and feedback. */
interface CheckAnswer {
  result: CheckResult;
  jws: string;
  kid: string;
  feedback?: StoredFeedback[];
}

function assertCheckId(id: string, field: string): void {
  if (!UUID.test(id)) throw badUserInput(`${field} must be a check id (a UUID such as 0b6c…-…), got ${JSON.stringify(id)}`, { field });
}

/** Whether the actor may see the check: the consumer that ran it, the credit office and auditors. */
function mayRead(actor: CreditActor, consumerId: string): boolean {
  return hasActorRole(actor, READS_ANY_CHECK) || (actor.consumerId !== null && actor.consumerId === consumerId);
}

// One answer for a check that does not exist and one the caller may not see, so that ids cannot be probed.
const checkNotFound = (checkId: string) => notFound(`no credit check has id ${checkId} that you may see; use the id runCreditCheck answered you`);

const resultOf = (stored: { result: Record<string, unknown> }): CheckResult => stored.result as unknown as CheckResult;

/** What the resolvers need: running checks (store, signer, rules, clock, tenders) and the feedback usage rules. */
export interface CreditCheckResolverDeps extends RunCreditCheckDeps {
  feedbackRules: FeedbackUsageRules;
}

/** The resolvers of schema/credit-checks.graphql over a store, a signer, the rules, a clock and the tender source. */
export function createCreditCheckResolvers(deps: CreditCheckResolverDeps) {
  const { store } = deps;
  const feedbackOf = async (c: CheckAnswer) => c.feedback ?? store.feedbackOf([c.result.checkId]);
  return {
    USCC: UsccScalar,
    DateTime: DateTimeResolver,
    Date: DateScalar,
    Query: {
      async creditCheck(_: unknown, { id }: { id: string }, context: unknown): Promise<CheckAnswer | null> {
        const actor = actorOf(context);
        assertActorRole(actor, [...RUNS_CHECKS, ...READS_ANY_CHECK], 'Reading a credit check');
        assertCheckId(id, 'id');
        const check = await store.findCheck(id);
        // Another consumer's check answers like a missing one (null), so that ids cannot be probed.
        if (!check || !mayRead(actor, check.consumerId)) return null;
        reportAccess(context, { subjectUsccs: resultOf(check).subjects.map((s) => s.uscc) });
        return { result: resultOf(check), jws: check.jws, kid: check.kid };
      },
      async creditChecks(_: unknown, args: CreditChecksArgs, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, [...RUNS_CHECKS, ...READS_ANY_CHECK], 'Listing credit checks');
        // The credit office and auditors list every consumer's checks; a bidding system its own only.
        const page = await listCreditChecks(store, hasActorRole(actor, READS_ANY_CHECK) ? null : actor.consumerId ?? '', args);
        const edges = page.checks.map((check) => ({ cursor: toCheckCursor(check), node: { result: resultOf(check), jws: check.jws, kid: check.kid } }));
        reportAccess(context, { subjectUsccs: [...new Set(edges.flatMap((e) => e.node.result.subjects.map((s) => s.uscc)))] });
        return {
          edges,
          totalCount: page.totalCount,
          pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        };
      },
      async checkCases(_: unknown, { first }: { first: number }) {
        if (!Number.isInteger(first) || first < 1 || first > MAX_CASES) throw badUserInput(`first must be 1 to ${MAX_CASES}, got ${first}`, { field: 'first' });
        const rows = await store.latestFeedback(FEEDBACK_SCAN);
        const subjectsOf = (row: (typeof rows)[number]) => resultOf(row).subjects;
        const districts = await store.districtNames([...new Set(rows.flatMap((r) => subjectsOf(r).flatMap((s) => (s.districtCode ? [s.districtCode] : []))))]);
        return rows.flatMap((row) => toCheckCase(row, resultOf(row), districts) ?? []).slice(0, first);
      },
    },
    Mutation: {
      async runCreditCheck(_: unknown, { input }: { input: RunCreditCheckInput }, context: unknown): Promise<CheckAnswer> {
        const actor = actorOf(context);
        assertActorRole(actor, RUNS_CHECKS, 'Running a credit check');
        const { result, jws } = await runCreditCheck(deps, actor, input);
        // The evidence read about each subject (conditional records included) is in the ledger under it.
        reportAccess(context, { subjectUsccs: [...new Set(result.subjects.map((s) => s.uscc))] });
        return { result, jws, kid: deps.signer.kid, feedback: [] };
      },
      async recordCheckFeedback(_: unknown, { input }: { input: RecordCheckFeedbackInput }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, RUNS_CHECKS, 'Recording feedback on a credit check');
        assertCheckId(input.checkId, 'input.checkId');
        const check = await store.findCheck(input.checkId);
        // Only the consumer that ran the check records feedback; anyone else gets the answer for a missing check.
        if (!check || actor.consumerId === null || actor.consumerId !== check.consumerId) throw checkNotFound(input.checkId);
        return recordCheckFeedback(store, deps.feedbackRules, { consumerId: actor.consumerId, result: resultOf(check) }, input);
      },
    },
    CreditCheck: {
      id: (c: CheckAnswer) => c.result.checkId,
      issuedAt: (c: CheckAnswer) => c.result.issuedAt,
      consumerId: (c: CheckAnswer) => c.result.consumer.id,
      consumerName: (c: CheckAnswer) => c.result.consumer.name,
      purpose: (c: CheckAnswer) => c.result.purpose,
      reference: (c: CheckAnswer) => c.result.reference,
      tender: (c: CheckAnswer) => c.result.tender ?? null,
      asOf: (c: CheckAnswer) => c.result.asOf,
      rulesVersion: (c: CheckAnswer) => c.result.rulesVersion,
      overallVerdict: (c: CheckAnswer) => c.result.overallVerdict,
      subjects: (c: CheckAnswer) => c.result.subjects,
      signedResult: (c: CheckAnswer) => c.jws,
      keyId: (c: CheckAnswer) => c.kid,
      feedback: async (c: CheckAnswer) => (await feedbackOf(c)).filter((f) => f.supersededBy === null),
      feedbackHistory: feedbackOf,
    },
  };
}
