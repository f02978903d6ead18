import type { StatisticsDimension } from './CreditStore.js';
import { badUserInput } from './errors.js';

/** The most dimensions one statistics call groups by. */
export const MAX_GROUP_BY = 4;
const PERIODS: readonly StatisticsDimension[] = ['MONTH', 'QUARTER', 'YEAR'];

/**
 * Checks a `groupBy` list: each dimension at most once, at most one period (MONTH, QUARTER or YEAR), at most
 * MAX_GROUP_BY dimensions. Throws BAD_USER_INPUT naming `groupBy[i]` (or `groupBy`) and the fix.
 */
export function assertGroupBy(groupBy: readonly StatisticsDimension[]): void {
  if (groupBy.length > MAX_GROUP_BY) {
    throw badUserInput('groupBy', `at most ${MAX_GROUP_BY} dimensions per call, got ${groupBy.length}; ask for the rest in another call or filter instead`);
  }
  groupBy.forEach((dimension, i) => {
    if (groupBy.indexOf(dimension) !== i) throw badUserInput(`groupBy[${i}]`, `${dimension} is already grouped by at groupBy[${groupBy.indexOf(dimension)}]; name each dimension once`);
    const period = groupBy.findIndex((d) => PERIODS.includes(d));
    if (PERIODS.includes(dimension) && period !== i) {
      throw badUserInput(`groupBy[${i}]`, `${dimension} cannot be combined with ${groupBy[period]}: group by one period (MONTH, QUARTER or YEAR) per call`);
    }
  });
}
