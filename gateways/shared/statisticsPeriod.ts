import { badUserInput, districtByCode, type ErrorExtensions } from '../../src/codes/index.js';

/** A statistics period (统计期间): first and last day, both YYYY-MM-DD and included. */
export interface StatisticsPeriod {
  from: string;
  to: string;
}

/**
 * The longest period an indicator field serves, in calendar months touched: three years, what the platforms'
 * statistics services keep at monthly resolution, and what a trend chart needs (one point per month).
 */
export const MAX_PERIOD_MONTHS = 36;

/** A bad argument: BAD_USER_INPUT naming it (as the hub's input layer does) and saying how to fix it. */
function badArgument(argument: string, problem: string, extensions: ErrorExtensions = {}): Error {
  return badUserInput(`Argument "${argument}": ${problem}`, { argumentName: argument, ...extensions });
}

const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthStart = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
function monthEnd(index: number): string {
  const year = Math.floor(index / 12);
  const month = index % 12;
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

/**
 * Checks a period given as `from` and `to` (dates already checked by the Date scalar): `from` on or before
 * `to`, at most MAX_PERIOD_MONTHS calendar months. Throws BAD_USER_INPUT naming the argument otherwise.
 */
export function readPeriod(args: { from: string; to: string }): StatisticsPeriod {
  const { from, to } = args;
  if (from > to) throw badArgument('from', `${from} is after to (${to}); give a period whose from is on or before its to`);
  const months = monthIndex(to) - monthIndex(from) + 1;
  if (months > MAX_PERIOD_MONTHS) {
    throw badArgument(
      'to',
      `the period ${from} to ${to} touches ${months} calendar months; the platforms serve at most ${MAX_PERIOD_MONTHS}: ` +
        `shorten it, e.g. from ${monthStart(monthIndex(to) - MAX_PERIOD_MONTHS + 1)} to ${to}, or ask several periods`,
      { maxMonths: MAX_PERIOD_MONTHS },
    );
  }
  return { from, to };
}

/**
 * Reads an optional period: both `from` and `to` (checked as by `readPeriod`), or neither, which means the
 * platform's own statistics period (null). One without the other is BAD_USER_INPUT naming the missing one.
 */
export function readOptionalPeriod(args: { from?: string | null; to?: string | null }): StatisticsPeriod | null {
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from === null && to === null) return null;
  if (from === null) throw badArgument('from', `to is given without from; give both (a period) or neither (the platform's statistics period)`);
  if (to === null) throw badArgument('to', `from is given without to; give both (a period) or neither (the platform's statistics period)`);
  return readPeriod({ from, to });
}

/** The calendar months `period` touches, in order, each cut to the period (the first may start late, the last end early). */
export function monthsOf(period: StatisticsPeriod): StatisticsPeriod[] {
  const months: StatisticsPeriod[] = [];
  for (let index = monthIndex(period.from); index <= monthIndex(period.to); index++) {
    const start = monthStart(index);
    const end = monthEnd(index);
    months.push({ from: start < period.from ? period.from : start, to: end > period.to ? period.to : end });
  }
  return months;
}

/** A stable text key of an optional period, for loader caches: `2026-01-01..2026-06-30`, or `default`. */
export const periodKey = (period: StatisticsPeriod | null): string => (period ? `${period.from}..${period.to}` : 'default');

/**
 * Checks area codes asked for by a consumer against Shenzhen's areas (src/codes: the city 440300, the nine
 * districts, the functional areas with local codes): at least one, each known. `argument` names the list
 * (`districts`, `filter.districts`); the error names the bad entry, e.g. `districts[1]`. Returns the codes.
 */
export function readDistricts(codes: readonly string[], argument: string, options: { allowEmpty?: boolean } = {}): string[] {
  if (codes.length === 0 && !options.allowEmpty) throw badArgument(argument, 'give at least one area code, e.g. 440305 (Nanshan); the `districts` query lists them');
  codes.forEach((code, index) => {
    if (!districtByCode(code)) {
      throw badArgument(
        `${argument}[${index}]`,
        `"${code.slice(0, 20)}" is not a Shenzhen area code; use a code from the \`districts\` query, e.g. 440305 (Nanshan), 440300 for the city's own departments`,
      );
    }
  });
  return [...codes];
}
