import { DateTimeResolver } from 'graphql-scalars';
import { badUserInput, conflict, notFound, ROLE, UsccScalar } from '../../codes/index.js';
import { actorOf, assertActorRole, creditVisibilityOf, hasActorRole, reportAccess, todayInShanghai } from '../../credit/index.js';
import { EligibilityFeedbackExistsError } from './EligibilityStore.js';
import { eligibilityRulesOn } from './eligibilityRules.js';
import {
  runEligibilityCheck, RUNS_ELIGIBILITY_CHECKS, seesAllEvidence,
  type EligibilityResult, type RunEligibilityCheckDeps, type RunEligibilityCheckInput,
} from './runEligibilityCheck.js';
import { toEligibilityCase } from './toEligibilityCase.js';

/** A check as the graph answers it. */
interface CheckAnswer {
  result: EligibilityResult;
  jws: string;
  kid: string;
}

const READS_ALL = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The resolvers of schema/eligibility.graphql. */
export function createEligibilityResolvers(deps: RunEligibilityCheckDeps) {
  const { store } = deps;
  const checkNotFound = (id: string) => notFound(`no eligibility check ${id} that you ran`, { field: 'input.checkId' });
  return {
    USCC: UsccScalar,
    DateTime: DateTimeResolver,
    Query: {
      async eligibilityCheck(_: unknown, { id }: { id: string }, context: unknown): Promise<CheckAnswer | null> {
        const actor = actorOf(context);
        if (!UUID.test(id)) return null;
        const check = await store.findCheck(id);
        if (!check || !(hasActorRole(actor, READS_ALL) || (actor.consumerId !== null && actor.consumerId === check.consumerId))) return null;
        return { result: check.result as unknown as EligibilityResult, jws: check.jws, kid: check.kid };
      },
      async eligibilityCases(_: unknown, { first }: { first: number }) {
        if (!Number.isInteger(first) || first < 1 || first > 200) throw badUserInput(`first must be 1 to 200, got ${first}`, { field: 'first' });
        const rows = await store.latestFeedback(first * 4);
        return rows.flatMap((row) => toEligibilityCase(row, row.result as unknown as EligibilityResult) ?? []).slice(0, first);
      },
    },
    Mutation: {
      async runEligibilityCheck(_: unknown, { input }: { input: RunEligibilityCheckInput }, context: unknown): Promise<CheckAnswer> {
        const actor = actorOf(context);
        assertActorRole(actor, RUNS_ELIGIBILITY_CHECKS, 'Running an eligibility check');
        const visibility = creditVisibilityOf(context);
        const scope = { all: seesAllEvidence(actor) || visibility.unmaskPersonalData, staffOf: visibility.unmaskStaffOf };
        const { result, jws } = await runEligibilityCheck(deps, actor, input, scope);
        reportAccess(context, {
          subjectUsccs: result.subjects.flatMap((s) => (s.uscc ? [s.uscc] : [])),
          civilServantIds: result.subjects.flatMap((s) => (s.civilServantId ? [s.civilServantId] : [])),
        });
        return { result, jws, kid: deps.signer.kid };
      },
      async recordEligibilityFeedback(_: unknown, { input }: { input: { checkId: string; subjectIndex: number; usage: string; note?: string | null } }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, RUNS_ELIGIBILITY_CHECKS, 'Recording feedback on an eligibility check');
        if (!UUID.test(input.checkId)) throw badUserInput(`input.checkId must be an eligibility check's id (a UUID), got ${JSON.stringify(input.checkId)}`, { field: 'input.checkId' });
        const check = await store.findCheck(input.checkId);
        if (!check || actor.consumerId === null || actor.consumerId !== check.consumerId) throw checkNotFound(input.checkId);
        const result = check.result as unknown as EligibilityResult;
        const subject = result.subjects.find((s) => s.index === input.subjectIndex);
        if (!subject) throw badUserInput(`input.subjectIndex must be 0 to ${result.subjects.length - 1} (the subjects of check ${input.checkId}), got ${input.subjectIndex}`, { field: 'input.subjectIndex' });
        const note = input.note?.trim() || null;
        if (note !== null && note.length > 1000) throw badUserInput('input.note must be at most 1,000 characters', { field: 'input.note' });
        const version = eligibilityRulesOn(deps.rules, todayInShanghai(new Date(result.issuedAt)));
        const allowed = version.feedbackUsages[subject.verdict];
        if (!allowed.includes(input.usage)) {
          throw badUserInput(`input.usage ${input.usage} does not fit verdict ${subject.verdict}: report one of ${allowed.join(', ')} (rules/eligibility-rules.json)`, { field: 'input.usage', allowedUsages: allowed });
        }
        if (version.noteRequiredFor.includes(input.usage) && note === null) throw badUserInput(`input.note is required with usage ${input.usage}: say how the result was used`, { field: 'input.note' });
        try {
          return await store.recordFeedback({ checkId: input.checkId, subjectIndex: input.subjectIndex, usage: input.usage, note, consumerId: actor.consumerId });
        } catch (error) {
          if (error instanceof EligibilityFeedbackExistsError) throw conflict(`${error.message}; feedback is recorded once per subject`, { field: 'input.subjectIndex' });
          throw error;
        }
      },
    },
    EligibilityCheck: {
      id: (c: CheckAnswer) => c.result.checkId,
      issuedAt: (c: CheckAnswer) => c.result.issuedAt,
      consumerName: (c: CheckAnswer) => c.result.consumer.name,
      purpose: (c: CheckAnswer) => c.result.purpose,
      reference: (c: CheckAnswer) => c.result.reference,
      asOf: (c: CheckAnswer) => c.result.asOf,
      rulesVersion: (c: CheckAnswer) => c.result.rulesVersion,
      overallVerdict: (c: CheckAnswer) => c.result.overallVerdict,
      subjects: (c: CheckAnswer) => c.result.subjects,
      signedResult: (c: CheckAnswer) => c.jws,
      keyId: (c: CheckAnswer) => c.kid,
      feedback: (c: CheckAnswer) => store.feedbackOf([c.result.checkId]),
    },
  };
}
