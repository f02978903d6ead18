import type { NativeStage, NativeStageStats } from './ConstructionFixtures.js';
import { summariseStages } from './summariseApprovals.js';

/** A statistics period of the system: `beginDate` and `endDate` (yyyy-MM-dd), both included. */
export interface NativePeriod {
  beginDate: string;
  endDate: string;
}

/** One month of a monthly breakdown (statType "month"), cut to the period. */
export interface NativeMonthStats extends NativePeriod {
  stageStats: NativeStageStats[];
}

// The last day of the month of `date`.
function monthEnd(date: string): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

/** The calendar months of `period`, each cut to it. */
export function monthsOfPeriod(period: NativePeriod): NativePeriod[] {
  const months: NativePeriod[] = [];
  let begin = period.beginDate;
  while (begin <= period.endDate) {
    const end = monthEnd(begin) < period.endDate ? monthEnd(begin) : period.endDate;
    months.push({ beginDate: begin, endDate: end });
    const next = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 1)).toISOString().slice(0, 10);
    begin = next;
  }
  return months;
}

/**
 * The statistics of `stages` over `period` as the system computes them: a stage instance counts in the
 * period its application was accepted (受理日期), its state (finished, open, late) as of the system's today.
 * With `monthly`, the same per calendar month.
 */
export function summarisePeriod(stages: readonly NativeStage[], period: NativePeriod, monthly: boolean): { stageStats: NativeStageStats[]; monthStats: NativeMonthStats[] | null } {
  const inPeriod = stages.filter((s) => s.acceptDate >= period.beginDate && s.acceptDate <= period.endDate);
  const monthStats = monthly
    ? monthsOfPeriod(period).map((month) => ({
        ...month,
        stageStats: summariseStages(inPeriod.filter((s) => s.acceptDate >= month.beginDate && s.acceptDate <= month.endDate)),
      }))
    : null;
  return { stageStats: summariseStages(inPeriod), monthStats };
}
