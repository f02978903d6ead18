import type { FixtureCase, FixtureDepartmentStats } from './buildGovServiceFixtures.js';
import { formatDay, toDayNumber } from './dayNumber.js';

/** A statistics period in day numbers, both days included. */
export interface DayPeriod {
  fromDay: number;
  toDay: number;
}

/** Empty statistics. */
export function emptyStats(): FixtureDepartmentStats {
  return { projCount: 0, finishCount: 0, inTimeFinishCount: 0, overTimeCount: 0, levelCounts: [0, 0, 0, 0, 0, 0], badEvaluateCount: 0, rectifyCounts: new Map(), rectifyOverdueCount: 0 };
}

/** Counts the case itself (办件量, 办结, 超期) into `stats`: the platform counts a case in the period it was applied for. */
export function addCase(stats: FixtureDepartmentStats, c: FixtureCase): void {
  stats.projCount += 1;
  if (c.status === '已办结') {
    stats.finishCount += 1;
    if (!c.overTime) stats.inTimeFinishCount += 1;
  }
  if (c.overTime) stats.overTimeCount += 1;
}

/** Counts the case's review and its follow-up into `stats`: the platform counts a review in the period it was given. */
export function addReview(stats: FixtureDepartmentStats, c: FixtureCase): void {
  const e = c.evaluation;
  if (!e) return;
  stats.levelCounts[e.level] += 1;
  if (!e.rectification) return;
  stats.badEvaluateCount += 1;
  stats.rectifyCounts.set(e.rectification.status, (stats.rectifyCounts.get(e.rectification.status) ?? 0) + 1);
  if (e.rectification.overTime) stats.rectifyOverdueCount += 1;
}

/** One month of a monthly breakdown (统计周期 = 月), cut to the period. */
export interface CycleStats extends DayPeriod {
  stats: FixtureDepartmentStats;
}

/** The calendar months of `period`, each cut to it, with empty statistics. */
function monthCycles(period: DayPeriod): CycleStats[] {
  const cycles: CycleStats[] = [];
  let start = period.fromDay;
  while (start <= period.toDay) {
    const first = formatDay(start);
    const next = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 1)).toISOString().slice(0, 10);
    const end = Math.min(period.toDay, toDayNumber(next) - 1);
    cycles.push({ fromDay: start, toDay: end, stats: emptyStats() });
    start = end + 1;
  }
  return cycles;
}

const findCycle = (cycles: CycleStats[], day: number): CycleStats | undefined => cycles.find((m) => day >= m.fromDay && day <= m.toDay);

/**
 * The statistics of `cases` over `period` as the platform computes them: cases by the day they were applied
 * for, reviews (and their follow-up) by the day they were given; with `monthly`, the same per calendar month.
 */
export function summariseCases(cases: Iterable<FixtureCase>, period: DayPeriod, monthly: boolean): { total: FixtureDepartmentStats; cycles: CycleStats[] } {
  const total = emptyStats();
  const cycles = monthly ? monthCycles(period) : [];
  for (const c of cases) {
    if (c.applyDay >= period.fromDay && c.applyDay <= period.toDay) {
      addCase(total, c);
      const cycle = monthly ? findCycle(cycles, c.applyDay) : undefined;
      if (cycle) addCase(cycle.stats, c);
    }
    const reviewDay = c.evaluation?.day;
    if (reviewDay !== undefined && reviewDay >= period.fromDay && reviewDay <= period.toDay) {
      addReview(total, c);
      const cycle = monthly ? findCycle(cycles, reviewDay) : undefined;
      if (cycle) addReview(cycle.stats, c);
    }
  }
  return { total, cycles };
}
