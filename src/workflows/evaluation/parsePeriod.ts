import { badUserInput } from '../../codes/index.js';

/** An evaluation period: a quarter `YYYY-Qn` or a year `YYYY`, with its first and last day (YYYY-MM-DD). */
export interface EvaluationPeriod {
  label: string;
  from: string;
  to: string;
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

/**
 * Reads a `period` argument: `2026-Q3` (a quarter) or `2026` (a calendar year), years 2000 to 2099.
 * Anything else is BAD_USER_INPUT naming `period` (or `argumentName`) with the accepted forms.
 */
export function parsePeriod(period: string, argumentName = 'period'): EvaluationPeriod {
  const quarter = /^(20\d{2})-Q([1-4])$/.exec(period);
  if (quarter) {
    const q = Number(quarter[2]);
    return { label: period, from: `${quarter[1]}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${quarter[1]}-${LAST_DAY[q - 1]}` };
  }
  if (/^20\d{2}$/.test(period)) return { label: period, from: `${period}-01-01`, to: `${period}-12-31` };
  throw badUserInput(`${argumentName}: "${period}" is not a period; use a quarter such as 2026-Q3 or a year such as 2026`, { argumentName });
}
