import { RECTIFY_STATUSES, type FixtureDepartmentStats, type GovServiceFixtures } from './buildGovServiceFixtures.js';
import { formatDay, toDayNumber } from './dayNumber.js';
import type { CycleStats, DayPeriod } from './summariseCases.js';

/** The longest statistics period the platform serves, in calendar months. */
export const MAX_STAT_MONTHS = 36;

/** What a statistics request asks: a period (null: the platform's whole statistics period) and whether per month. */
export interface StatRequest {
  period: DayPeriod | null;
  monthly: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `statStartDate`, `statEndDate` (both or neither, yyyy-MM-dd, at most 36 calendar months) and
 * `statCycle` ("month" for a monthly breakdown) from a statistics request body; a message when they are wrong.
 */
export function readStatRequest(body: Record<string, unknown>): { ok: true; value: StatRequest } | { ok: false; message: string } {
  const { statStartDate: start, statEndDate: end, statCycle: cycle } = body;
  if (cycle !== undefined && cycle !== null && cycle !== 'month') return { ok: false, message: 'statCycle must be "month" or absent' };
  if ((start === undefined || start === null) !== (end === undefined || end === null)) return { ok: false, message: 'statStartDate and statEndDate go together' };
  if (start === undefined || start === null) {
    return cycle === 'month' ? { ok: false, message: 'statCycle needs statStartDate and statEndDate' } : { ok: true, value: { period: null, monthly: false } };
  }
  if (typeof start !== 'string' || typeof end !== 'string' || !DATE.test(start) || !DATE.test(end)) return { ok: false, message: 'statStartDate and statEndDate are yyyy-MM-dd' };
  if (start > end) return { ok: false, message: 'statStartDate is after statEndDate' };
  const months = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
  if (months > MAX_STAT_MONTHS) return { ok: false, message: `统计区间最长${MAX_STAT_MONTHS}个月 (the period spans ${months} months)` };
  return { ok: true, value: { period: { fromDay: toDayNumber(start), toDay: toDayNumber(end) }, monthly: cycle === 'month' } };
}

/** The figures of one statistics object in the platform's names; levels and statuses nobody reached are left out. */
export function toNativeFigures(stats: FixtureDepartmentStats): Record<string, unknown> {
  const levels = [5, 4, 3, 2, 1].filter((level) => (stats.levelCounts[level] ?? 0) > 0);
  return {
    projCount: stats.projCount,
    finishCount: stats.finishCount,
    inTimeFinishCount: stats.inTimeFinishCount,
    overTimeCount: stats.overTimeCount,
    evaluateCount: stats.levelCounts.reduce((a, b) => a + b, 0),
    evaluateLevelStats: levels.map((level) => ({ evaluateLevel: level, evaluateCount: stats.levelCounts[level] })),
    badEvaluateCount: stats.badEvaluateCount,
    rectifyStats: RECTIFY_STATUSES.filter((s) => stats.rectifyCounts.has(s)).map((s) => ({ rectifyStatus: s, rectifyCount: stats.rectifyCounts.get(s) })),
    rectifyOverTimeCount: stats.rectifyOverdueCount,
  };
}

/** The period members and figures of a statistics object, with `cycleStats` when a monthly breakdown was asked. */
export function toNativePeriodStats(
  fixtures: GovServiceFixtures,
  period: DayPeriod | null,
  stats: FixtureDepartmentStats,
  cycles: CycleStats[] | null,
): Record<string, unknown> {
  return {
    statStartDate: period ? formatDay(period.fromDay) : fixtures.statStartDate,
    statEndDate: period ? formatDay(period.toDay) : fixtures.asOf,
    ...toNativeFigures(stats),
    ...(cycles ? { cycleStats: cycles.map((c) => ({ statStartDate: formatDay(c.fromDay), statEndDate: formatDay(c.toDay), ...toNativeFigures(c.stats) })) } : {}),
  };
}
