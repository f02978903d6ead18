import { JSONResolver } from 'graphql-scalars';
import { badUserInput, notFound, ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole, DateScalar, DecimalScalar, todayInShanghai } from '../../credit/index.js';
import { computeIntegrityEvaluation } from './computeIntegrityEvaluation.js';
import { catalogueByVersion } from './evaluationRules.js';
import { evidenceOf } from './describeEvidence.js';
import type { EvaluationLevel, EvaluationRunRow, EvaluationStore, UnitScoreRow } from './EvaluationStore.js';
import { parsePeriod } from './parsePeriod.js';
import type { PlatformIndicatorSource } from './PlatformIndicatorSource.js';

/** What the IntegrityEvaluation resolvers start from: a stored run. */
type RunSource = EvaluationRunRow;

function toEvaluation(run: RunSource) {
  const period = parsePeriod(run.period);
  return { ...run, runId: run.id, periodStart: period.from, periodEnd: period.to };
}

/** Resolvers of schema/evaluation.graphql over the store; `platforms` feeds the platform indicators of a computation. */
export function createEvaluationResolvers(store: EvaluationStore, platforms: PlatformIndicatorSource | null, today: () => string = todayInShanghai) {
  return {
    Date: DateScalar,
    Decimal: DecimalScalar,
    JSON: JSONResolver,
    IntegrityEvaluation: {
      indicators: (run: RunSource) => catalogueByVersion(run.ruleVersion)?.indicators ?? [],
      async units(run: RunSource, { first, offset }: { first: number; offset: number }) {
        if (!Number.isInteger(first) || first < 1 || first > 1000) throw badUserInput(`first: must be 1 to 1000, got ${first}`, { argumentName: 'first' });
        if (!Number.isInteger(offset) || offset < 0) throw badUserInput(`offset: must be 0 or more, got ${offset}`, { argumentName: 'offset' });
        const rules = new Map((catalogueByVersion(run.ruleVersion)?.indicators ?? []).map((rule) => [rule.id, rule]));
        const period = parsePeriod(run.period);
        return (await store.unitsOf(run.id, offset, first, [...rules.keys()])).map((u: UnitScoreRow) => ({
          ...u, code: u.unitCode, name: u.unitName,
          indicators: u.indicators.map((i) => ({ ...i, evidence: evidenceOf(rules.get(i.indicatorId)!, run.level, u.unitCode, period, run.dataAsOf, i) })),
        }));
      },
    },
    IndicatorResult: {
      applicable: (result: { value: string | null }) => result.value !== null,
    },
    Query: {
      async integrityEvaluation(_root: unknown, args: { period: string; level: EvaluationLevel; runId?: string | null }) {
        const period = parsePeriod(args.period);
        const run = args.runId ? await store.runById(args.runId) : await store.latestRun(period.label, args.level);
        if (args.runId && (!run || run.period !== period.label || run.level !== args.level)) {
          throw notFound(`runId: no integrity evaluation run ${args.runId} of ${period.label} at level ${args.level}`, { argumentName: 'runId' });
        }
        if (!run) {
          throw notFound(`period: no integrity evaluation of ${period.label} at level ${args.level} has been published; the credit office computes one with \`npm run evaluate -- --period ${period.label} --level ${args.level}\` or the computeIntegrityEvaluation mutation`, { argumentName: 'period' });
        }
        return toEvaluation(run);
      },
    },
    Mutation: {
      async computeIntegrityEvaluation(_root: unknown, args: { period: string; level: EvaluationLevel; dataAsOf?: string | null }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, [ROLE.CREDIT_OFFICE_ADMIN], 'Computing an integrity evaluation');
        const runId = await computeIntegrityEvaluation(store, platforms, {
          period: args.period, level: args.level, dataAsOf: args.dataAsOf ?? null, computedBy: actor.consumerId ?? 'unknown', today: today(),
        });
        return toEvaluation((await store.runById(runId))!);
      },
    },
  };
}
