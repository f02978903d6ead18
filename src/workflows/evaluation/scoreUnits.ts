import { ExactFraction } from './ExactFraction.js';
import type { IndicatorCatalogue, IndicatorRule } from './evaluationRules.js';

/** One unit's counts per indicator: numerator and (for a ratio) denominator; null numerator when not applicable. */
export interface UnitCounts {
  code: string;
  /** Bodies the unit stands for (1 for a department). */
  bodies: number;
  counts: Map<string, { count: number | null; outOf: number | null }>;
}

/** An indicator's outcome for one unit, rounded for storing and display. */
export interface ScoredIndicator {
  indicatorId: string;
  /** The raw value: a count, or a ratio to 6 decimals; null when not applicable. */
  value: string | null;
  /** Normalised score 0–100 to 2 decimals; null when not applicable. */
  score: string | null;
  weight: string;
}

/** A unit's outcome: exact score, its display form and its rank. */
export interface ScoredUnit {
  code: string;
  rank: number;
  score: string;
  exact: ExactFraction;
  indicators: ScoredIndicator[];
}

const HUNDRED = ExactFraction.of(100);
const ZERO = ExactFraction.of(0);

/** The value of `rule` for a unit, exactly, or null when it does not apply (no figures, a zero denominator). */
function valueOf(rule: IndicatorRule, counts: { count: number | null; outOf: number | null }): ExactFraction | null {
  if (counts.count === null) return null;
  if (!rule.formula.per) return ExactFraction.of(counts.count);
  return counts.outOf ? ExactFraction.of(counts.count, counts.outOf) : null;
}

/** The normalised score 0–100 of `value` under the rule's normalisation; counts are taken per body. */
function normalise(rule: IndicatorRule, value: ExactFraction, bodies: number): ExactFraction {
  const n = rule.normalisation;
  if (n.method === 'DEDUCTION') {
    const perBody = value.div(ExactFraction.of(bodies));
    return HUNDRED.sub(ExactFraction.parse(n.pointsPer).mul(perBody)).clamp(ZERO, HUNDRED);
  }
  const worst = ExactFraction.parse(n.worst);
  const best = ExactFraction.parse(n.best);
  return HUNDRED.mul(value.sub(worst)).div(best.sub(worst)).clamp(ZERO, HUNDRED);
}

/**
 * Scores and ranks units under `catalogue` (see rules/integrity-indicators.json "about"): each applicable
 * indicator normalised to 0–100, the unit's score the weighted mean over its applicable indicators, all in
 * exact fractions; ranks by exact score, highest first, equal scores sharing the rank (1, 2, 2, 4), then by
 * code. Deterministic: the same counts give the same answer on any machine.
 */
export function scoreUnits(catalogue: IndicatorCatalogue, units: readonly UnitCounts[]): ScoredUnit[] {
  const scored = units.map((unit) => {
    let weighted = ZERO;
    let weights = ZERO;
    const indicators = catalogue.indicators.map((rule): ScoredIndicator => {
      const value = valueOf(rule, unit.counts.get(rule.id) ?? { count: null, outOf: null });
      if (value === null) return { indicatorId: rule.id, value: null, score: null, weight: rule.weight };
      const score = normalise(rule, value, unit.bodies);
      const weight = ExactFraction.parse(rule.weight);
      weighted = weighted.add(score.mul(weight));
      weights = weights.add(weight);
      return { indicatorId: rule.id, value: rule.formula.per ? value.toFixed(6) : value.toFixed(0), score: score.toFixed(2), weight: rule.weight };
    });
    const exact = weights.compare(ZERO) > 0 ? weighted.div(weights) : ZERO;
    return { code: unit.code, rank: 0, score: exact.toFixed(2), exact, indicators };
  });
  scored.sort((a, b) => b.exact.compare(a.exact) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  scored.forEach((unit, index) => {
    const previous = scored[index - 1];
    unit.rank = previous && previous.exact.compare(unit.exact) === 0 ? previous.rank : index + 1;
  });
  return scored;
}
