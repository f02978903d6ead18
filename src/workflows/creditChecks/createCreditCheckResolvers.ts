import type { GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { badUserInput, conflict, notFound, UsccScalar, ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole, hasActorRole, type CreditActor, DateScalar, reportAccess } from '../../credit/index.js';
import type { CheckResult } from './checkResult.js';
import { FeedbackExistsError, type StoredFeedback } from './CreditCheckStore.js';
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

const badInput = (message: string, field: string): GraphQLError => badUserInput(message, { field });

function assertCheckId(id: string, field: string): void {
  if (!UUID.test(id)) throw badInput(`${field} must be a check id (a UUID such as 0b6c…-…), got ${JSON.stringify(id)}`, field);
}

/** Whether the actor may see the check: the consumer that ran it, the credit office and auditors. */
function mayRead(actor: CreditActor, consumerId: string): boolean {
  return hasActorRole(actor, READS_ANY_CHECK) || (actor.consumerId !== null && actor.consumerId === consumerId);
}

// One answer for a check that does not exist and one the caller may not see, so that ids cannot be probed.
const checkNotFound = (checkId: string): GraphQLError =>
  notFound(`no credit check has id ${checkId} that you may see; use the id runCreditCheck answered you`);

/** The resolvers of schema/credit-checks.graphql over a store, a signer, the rules and a clock. */
export function createCreditCheckResolvers(deps: RunCreditCheckDeps) {
  const { store } = deps;
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
        reportAccess(context, { subjectUsccs: (check.result as unknown as CheckResult).subjects.map((s) => s.uscc) });
        return { result: check.result as unknown as CheckResult, jws: check.jws, kid: check.kid };
      },
      async checkCases(_: unknown, { first }: { first: number }) {
        if (!Number.isInteger(first) || first < 1 || first > MAX_CASES) throw badInput(`first must be 1 to ${MAX_CASES}, got ${first}`, 'first');
        const rows = await store.latestFeedback(FEEDBACK_SCAN);
        const subjectsOf = (row: (typeof rows)[number]) => (row.result as unknown as CheckResult).subjects;
        const districts = await store.districtNames([...new Set(rows.flatMap((r) => subjectsOf(r).flatMap((s) => (s.districtCode ? [s.districtCode] : []))))]);
        return rows.flatMap((row) => toCheckCase(row, row.result as unknown as CheckResult, districts) ?? []).slice(0, first);
      },
    },
    Mutation: {
      async runCreditCheck(_: unknown, { input }: { input: RunCreditCheckInput }, context: unknown): Promise<CheckAnswer> {
        const actor = actorOf(context);
        assertActorRole(actor, RUNS_CHECKS, 'Running a credit check');
        const { result, jws } = await runCreditCheck(deps, actor, input);
        // The evidence read about each subject (conditional records included) is in the ledger under it.
        reportAccess(context, { subjectUsccs: result.subjects.map((s) => s.uscc) });
        return { result, jws, kid: deps.signer.kid, feedback: [] };
      },
      async recordCheckFeedback(_: unknown, { input }: { input: { checkId: string; subjectUscc: string; usage: string; note?: string | null } }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, RUNS_CHECKS, 'Recording feedback on a credit check');
        assertCheckId(input.checkId, 'input.checkId');
        if (input.note != null && input.note.length > 1000) throw badInput('input.note must be at most 1,000 characters', 'input.note');
        const check = await store.findCheck(input.checkId);
        // Only the consumer that ran the check records feedback; anyone else gets the answer for a missing check.
        if (!check || actor.consumerId === null || actor.consumerId !== check.consumerId) throw checkNotFound(input.checkId);
        const subjects = (check.result as unknown as CheckResult).subjects.map((s) => s.uscc);
        if (!subjects.includes(input.subjectUscc)) {
          throw badInput(`input.subjectUscc ${input.subjectUscc} was not a subject of check ${input.checkId} (its subjects: ${subjects.join(', ')})`, 'input.subjectUscc');
        }
        try {
          return await store.recordFeedback({ checkId: input.checkId, subjectUscc: input.subjectUscc, usage: input.usage, note: input.note?.trim() || null, consumerId: actor.consumerId });
        } catch (error) {
          if (error instanceof FeedbackExistsError) throw conflict(`${error.message}; feedback is recorded once per subject and check`);
          throw error;
        }
      },
    },
    CreditCheck: {
      id: (c: CheckAnswer) => c.result.checkId,
      issuedAt: (c: CheckAnswer) => c.result.issuedAt,
      consumerId: (c: CheckAnswer) => c.result.consumer.id,
      consumerName: (c: CheckAnswer) => c.result.consumer.name,
      purpose: (c: CheckAnswer) => c.result.purpose,
      reference: (c: CheckAnswer) => c.result.reference,
      asOf: (c: CheckAnswer) => c.result.asOf,
      rulesVersion: (c: CheckAnswer) => c.result.rulesVersion,
      overallVerdict: (c: CheckAnswer) => c.result.overallVerdict,
      subjects: (c: CheckAnswer) => c.result.subjects,
      signedResult: (c: CheckAnswer) => c.jws,
      keyId: (c: CheckAnswer) => c.kid,
      feedback: async (c: CheckAnswer) => c.feedback ?? store.feedbackOf([c.result.checkId]),
    },
  };
}
