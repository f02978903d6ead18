import { badUserInput, conflict, ROLE, UsccScalar } from '../../codes/index.js';
import { actorOf, assertActorRole, DateScalar, DecimalScalar, hasActorRole } from '../../credit/index.js';
import { periodEnd, THIRD_PARTY_RULES, thirdPartyRulesOn } from './thirdPartyRules.js';
import { EvaluationVersionError, type IndicatorScore, type StoredEvaluation, type ThirdPartyEvaluationStore } from './ThirdPartyEvaluationStore.js';

const SUBMITS = [ROLE.THIRD_PARTY_EVALUATOR];
const READS_ALL = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];
const SCORE = /^(100(\.0{1,2})?|[0-9]{1,2}(\.[0-9]{1,2})?)$/;

interface EvaluationInput {
  bodyUscc: string;
  period: string;
  scores: IndicatorScore[];
  replaces?: number | null;
}

// Hundredths as integers: exact weighted mean, rounded half up to two decimals.
const toHundredths = (score: string): number => Math.round(Number(score) * 100);
function weightedMean(scores: readonly { hundredths: number; weight: number }[]): string {
  const weights = scores.reduce((sum, s) => sum + s.weight, 0);
  const total = scores.reduce((sum, s) => sum + s.hundredths * s.weight, 0);
  const mean = Math.floor((total * 2 + weights) / (weights * 2));
  return `${Math.floor(mean / 100)}.${String(mean % 100).padStart(2, '0')}`.replace(/\.?0+$/, '');
}

/** The evaluation as the graph shows it, each score with its indicator's name and weight. */
function toGraph(evaluation: StoredEvaluation) {
  const indicators = THIRD_PARTY_RULES.find((v) => v.version === evaluation.ruleVersion)?.indicators ?? [];
  return {
    ...evaluation,
    scores: evaluation.scores.map((s) => {
      const indicator = indicators.find((i) => i.id === s.indicator);
      return { ...s, nameZh: indicator?.nameZh ?? s.indicator, weight: indicator?.weight ?? 0 };
    }),
  };
}

/** The resolvers of schema/third-party-evaluation.graphql over a store and a clock. */
export function createThirdPartyEvaluationResolvers(store: ThirdPartyEvaluationStore, today: () => string) {
  return {
    USCC: UsccScalar,
    Date: DateScalar,
    Decimal: DecimalScalar,
    Query: {
      async thirdPartyEvaluations(_: unknown, args: { bodyUscc?: string | null; period?: string | null }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, [...READS_ALL, ...SUBMITS], 'Reading third-party evaluations');
        const evaluatorId = hasActorRole(actor, READS_ALL) ? null : actor.consumerId;
        return (await store.list({ ...args, evaluatorId })).map(toGraph);
      },
    },
    Mutation: {
      async submitThirdPartyEvaluation(_: unknown, { input }: { input: EvaluationInput }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, SUBMITS, 'Submitting a third-party evaluation');
        const end = periodEnd(input.period);
        if (end === null) throw badUserInput(`input.period must be a quarter YYYY-Qn or a year YYYY, got ${JSON.stringify(input.period)}`, { field: 'input.period' });
        if (end >= today()) throw badUserInput(`input.period ${input.period} has not ended (it ends ${end}); evaluate a period that is over`, { field: 'input.period' });
        const rules = thirdPartyRulesOn(end);
        if (!rules) throw badUserInput(`input.period ${input.period} is before the first third-party indicator rules`, { field: 'input.period' });
        const kind = await store.organisationKind(input.bodyUscc);
        if (kind !== 'GOVERNMENT_BODY' && kind !== 'PUBLIC_INSTITUTION') {
          throw badUserInput(`input.bodyUscc ${input.bodyUscc} is ${kind === null ? 'unknown to the hub' : kind}; evaluations are of government bodies (11…) and public institutions (12…)`, { field: 'input.bodyUscc' });
        }
        const problems: string[] = [];
        const seen = new Set<string>();
        input.scores.forEach((s, i) => {
          const field = `input.scores[${i}]`;
          if (!rules.indicators.some((ind) => ind.id === s.indicator)) problems.push(`${field}.indicator ${s.indicator} is not an indicator of ${rules.version} (${rules.indicators.map((ind) => ind.id).join(', ')})`);
          else if (seen.has(s.indicator)) problems.push(`${field}.indicator repeats ${s.indicator}`);
          seen.add(s.indicator);
          if (!SCORE.test(s.score)) problems.push(`${field}.score must be 0 to 100 with at most two decimals, got ${s.score}`);
          const evidence = s.evidence.trim();
          if (evidence.length < 2 || evidence.length > 2000) problems.push(`${field}.evidence must be 2 to 2,000 characters`);
        });
        const missing = rules.indicators.filter((ind) => !seen.has(ind.id)).map((ind) => ind.id);
        if (missing.length > 0) problems.push(`input.scores lacks ${missing.join(', ')}`);
        if (problems.length > 0) throw badUserInput(problems.join('; '), { field: 'input.scores' });
        const scores = input.scores.map((s) => ({ indicator: s.indicator, score: s.score, evidence: s.evidence.trim() }));
        const overallScore = weightedMean(scores.map((s) => ({ hundredths: toHundredths(s.score), weight: rules.indicators.find((i) => i.id === s.indicator)!.weight })));
        try {
          return toGraph(await store.submit({
            evaluatorId: actor.consumerId ?? 'unknown', evaluatorName: actor.consumerName ?? actor.consumerId ?? 'unknown', bodyUscc: input.bodyUscc, period: input.period,
            ruleVersion: rules.version, scores, overallScore, submittedOn: today(), replaces: input.replaces ?? null,
          }));
        } catch (error) {
          if (!(error instanceof EvaluationVersionError)) throw error;
          const fix = error.currentVersion === null ? '' : `; to replace it, send input.replaces: ${error.currentVersion} after reading it again`;
          throw conflict(`${error.message}${fix}`, { currentVersion: error.currentVersion });
        }
      },
    },
  };
}
