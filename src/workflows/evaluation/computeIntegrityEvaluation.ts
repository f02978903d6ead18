import { badUserInput, codedError } from '../../codes/index.js';
import { catalogueOn, INDICATOR_CATALOGUES, type CounterSpec, type IndicatorCatalogue } from './evaluationRules.js';
import type { EvaluatedBody, EvaluationLevel, EvaluationStore, UnitScoreRow } from './EvaluationStore.js';
import { parsePeriod, type EvaluationPeriod } from './parsePeriod.js';
import type { PlatformFigures, PlatformIndicatorSource } from './PlatformIndicatorSource.js';
import { scoreUnits, type UnitCounts } from './scoreUnits.js';

/** What to compute: a period, a level, who asks, and optionally the data watermark of an earlier run to reproduce. */
export interface ComputeEvaluationInput {
  period: string;
  level: EvaluationLevel;
  /** Count only rows created at or before this instant (ISO 8601); default: the database's clock now. */
  dataAsOf?: string | null;
  /** Consumer id or `cli`, stored with the run. */
  computedBy: string;
  /** Today (YYYY-MM-DD, Asia/Shanghai): a period is evaluated only once it has ended. */
  today: string;
  catalogues?: readonly IndicatorCatalogue[];
}

// The city (440300) is the level above the districts, not one of them.
const CITY = '440300';

const keyOf = (spec: CounterSpec) => `${spec.counter}${JSON.stringify(spec.parameters)}`;

/** The counter specs of a catalogue: each numerator, and each denominator with default parameters. */
function specsOf(catalogue: IndicatorCatalogue): Map<string, CounterSpec> {
  const specs = new Map<string, CounterSpec>();
  for (const rule of catalogue.indicators) {
    for (const spec of [{ counter: rule.formula.counter, parameters: rule.formula.parameters }, ...(rule.formula.per ? [{ counter: rule.formula.per, parameters: {} }] : [])]) {
      specs.set(keyOf(spec), spec);
    }
  }
  return specs;
}

function platformFigure(figures: PlatformFigures | undefined, counter: string): number | null {
  const name = counter.replace(/^platform\./, '');
  if (name === 'approvalStages' || name === 'overdueApprovalStages') return figures?.approval?.[name] ?? null;
  return figures?.service?.[name as 'reviews'] ?? null;
}

/** Per counter key, per body USCC: the count (store counters: 0 when absent; platform: null without figures). */
async function countPerBody(store: EvaluationStore, platforms: PlatformIndicatorSource | null, specs: Map<string, CounterSpec>, bodies: readonly EvaluatedBody[], period: EvaluationPeriod, dataAsOf: string) {
  const needsPlatforms = [...specs.values()].some((s) => s.counter.startsWith('platform.'));
  if (needsPlatforms && !platforms) {
    throw codedError('SOURCE_UNAVAILABLE', 'the evaluation needs the connected platforms\' indicators and no platform indicator source is configured; nothing was stored', { platform: 'GOV_SERVICE' });
  }
  // The platforms and the store counters at once: each counter is one grouped statement (PostgreSQL runs them
  // side by side, PGlite in turn).
  const [figures, counted] = await Promise.all([
    needsPlatforms ? platforms!.figuresOf(bodies.map((b) => b.uscc), period) : Promise.resolve(new Map<string, PlatformFigures>()),
    Promise.all([...specs].filter(([, spec]) => !spec.counter.startsWith('platform.'))
      .map(async ([key, spec]) => [key, await store.count(spec.counter, spec.parameters, period, dataAsOf)] as const)),
  ]);
  const storeCounts = new Map(counted);
  const entries = [...specs].map(([key, spec]): [string, Map<string, number | null>] => [key, new Map(bodies.map((b) => [b.uscc,
    spec.counter.startsWith('platform.') ? platformFigure(figures.get(b.uscc), spec.counter) : storeCounts.get(key)!.get(b.uscc) ?? 0]))]);
  return { perBody: new Map(entries), figures };
}

/** The windows the platform figures of `members` cover, as the platforms reported them (distinct, sorted). */
function platformWindows(counter: string, figures: Map<string, PlatformFigures>, members: readonly EvaluatedBody[]): string[] {
  const approval = counter === 'platform.approvalStages' || counter === 'platform.overdueApprovalStages';
  const windows = members.map((m) => figures.get(m.uscc)).map((f) => (approval ? f?.approval && `as of ${f.approval.asOf}` : f?.service && `${f.service.window.from}/${f.service.window.to}`));
  return [...new Set(windows.filter((w): w is string => Boolean(w)))].sort();
}

/**
 * Computes the integrity evaluation (政务诚信评价, policy 三.8) of `period` at `level` under the catalogue
 * in force on the period's last day and stores it as a snapshot (one transaction); returns the run's id.
 * Only rows created at or before the data watermark count, so recomputing with the same watermark on the
 * same data gives the same figures. BAD_USER_INPUT naming `period` for a malformed period, one not yet
 * ended, or one before the catalogue; SOURCE_UNAVAILABLE (nothing stored) when a platform cannot answer.
 */
export async function computeIntegrityEvaluation(store: EvaluationStore, platforms: PlatformIndicatorSource | null, input: ComputeEvaluationInput): Promise<string> {
  const period = parsePeriod(input.period);
  if (period.to >= input.today) throw badUserInput(`period: ${period.label} ends on ${period.to}; a period is evaluated once it has ended (today is ${input.today})`, { argumentName: 'period' });
  const catalogues = input.catalogues ?? INDICATOR_CATALOGUES;
  const catalogue = catalogueOn(period.to, catalogues);
  if (!catalogue) throw badUserInput(`period: no indicator catalogue is in force on ${period.to}; the first takes effect on ${catalogues[0]?.effectiveFrom}`, { argumentName: 'period' });
  if (input.dataAsOf && Number.isNaN(Date.parse(input.dataAsOf))) throw badUserInput(`dataAsOf: "${input.dataAsOf}" is not a date-time`, { argumentName: 'dataAsOf' });
  const dataAsOf = input.dataAsOf ? await store.canonicalInstant(input.dataAsOf) : await store.now();
  const bodies = await store.evaluatedBodies(dataAsOf);
  const specs = specsOf(catalogue);
  const { perBody, figures } = await countPerBody(store, platforms, specs, bodies, period, dataAsOf);

  const units = input.level === 'DEPARTMENT'
    ? bodies.map((b) => ({ code: b.uscc, name: b.name, districtCode: b.districtCode as string | null, members: [b] }))
    : await districtUnits(store, bodies);
  const counts: UnitCounts[] = units.map((unit) => ({
    code: unit.code,
    bodies: unit.members.length,
    counts: new Map(catalogue.indicators.map((rule) => {
      const numerator = perBody.get(keyOf({ counter: rule.formula.counter, parameters: rule.formula.parameters }))!;
      const denominator = rule.formula.per ? perBody.get(keyOf({ counter: rule.formula.per, parameters: {} }))! : null;
      let count: number | null = null;
      let outOf: number | null = denominator ? 0 : null;
      for (const body of unit.members) {
        const n = numerator.get(body.uscc) ?? null;
        const d = denominator ? denominator.get(body.uscc) ?? null : null;
        if (n === null || (denominator && d === null)) continue; // no figures for this body
        count = (count ?? 0) + n;
        if (outOf !== null) outOf += d!;
      }
      return [rule.id, { count, outOf }];
    })),
  }));
  const scored = scoreUnits(catalogue, counts);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const countsByCode = new Map(counts.map((c) => [c.code, c]));
  const rows: UnitScoreRow[] = scored.map((s) => {
    const unit = byCode.get(s.code)!;
    return {
      unitCode: s.code, unitName: unit.name, districtCode: unit.districtCode, bodies: unit.members.length, rank: s.rank, score: s.score,
      indicators: s.indicators.map((indicator, i) => {
        const rule = catalogue.indicators[i]!;
        const c = countsByCode.get(s.code)!.counts.get(rule.id)!;
        return {
          ...indicator, count: c.count, outOf: c.outOf,
          platformWindows: rule.formula.counter.startsWith('platform.') ? platformWindows(rule.formula.counter, figures, unit.members) : null,
        };
      }),
    };
  });
  return store.saveRun({ period: period.label, level: input.level, ruleVersion: catalogue.version, dataAsOf, computedBy: input.computedBy, units: rows });
}

/** Districts and functional areas (not the city) with at least one body, by code. */
async function districtUnits(store: EvaluationStore, bodies: readonly EvaluatedBody[]) {
  const areas = await store.areas();
  return areas
    .filter((a) => a.code !== CITY)
    .map((a) => ({ code: a.code, name: a.nameZh, districtCode: a.code as string | null, members: bodies.filter((b) => b.districtCode === a.code) }))
    .filter((u) => u.members.length > 0);
}
