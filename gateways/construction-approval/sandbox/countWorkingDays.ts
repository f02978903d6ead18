import { isWeekend } from '../../../src/codes/index.js';

// TODO(issue 5): count with the official holiday calendar (public holidays and make-up working days
// 调休) once it lands as data; until then every Monday to Friday is a working day.

/**
 * Working days after `fromDay` up to and including `toDay` (day numbers since 1970-01-01): the day an
 * application is accepted does not count, the day of the decision does, as statutory time limits are
 * reckoned. Returns 0 when `toDay <= fromDay`. Mondays to Fridays only.
 */
export function countWorkingDays(fromDay: number, toDay: number): number {
  if (toDay <= fromDay) return 0;
  const days = toDay - fromDay;
  let count = Math.floor(days / 7) * 5;
  for (let day = fromDay + 1 + Math.floor(days / 7) * 7; day <= toDay; day++) if (!isWeekend(day)) count += 1;
  return count;
}

/** The day `workingDays` working days after `fromDay` (Mondays to Fridays); `fromDay` itself for 0. */
export function addWorkingDays(fromDay: number, workingDays: number): number {
  let day = fromDay;
  for (let left = workingDays; left > 0; ) {
    day += 1;
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}

/** `day` itself when it is a working day, otherwise the next Monday. */
export function toWorkingDay(day: number): number {
  let result = day;
  while (isWeekend(result)) result += 1;
  return result;
}
