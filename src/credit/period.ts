import { badUserInput } from './errors.js';

/** A calendar period of decision dates: a year, a quarter or a month, with its first and last day. */
export interface Period {
  unit: 'YEAR' | 'QUARTER' | 'MONTH';
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): string => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * Reads a period the way statistics label them: `2026` (a year), `2026-Q3` (a quarter, Q1-Q4) or `2026-07`
 * (a month). Throws BAD_USER_INPUT naming `argumentName` for anything else (`2026-Q5`, `2026-13`, `26-7`).
 */
export function parsePeriod(text: string, argumentName: string): Period {
  const match = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(text);
  if (!match) {
    throw badUserInput(argumentName, `"${text}" is not a period; use a year (2026), a quarter (2026-Q3, quarters Q1 to Q4) or a month (2026-07, months 01 to 12)`);
  }
  const year = Number(match[1]);
  if (match[2]) {
    const quarter = Number(match[2]);
    return { unit: 'QUARTER', from: `${year}-${pad(quarter * 3 - 2)}-01`, to: lastDay(year, quarter * 3) };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return { unit: 'MONTH', from: `${year}-${pad(month)}-01`, to: lastDay(year, month) };
  }
  return { unit: 'YEAR', from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Reads a month `YYYY-MM`; throws BAD_USER_INPUT naming `argumentName` otherwise (`2026-13`, `2026-7`). */
export function parseMonth(text: string, argumentName: string): Period {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) {
    throw badUserInput(argumentName, `"${text}" is not a month; use YYYY-MM with a month from 01 to 12, e.g. 2026-07`);
  }
  return parsePeriod(text, argumentName);
}

/** The months from `from` to `to` (YYYY-MM, both included), in order; empty when `to` is before `from`. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let label = from; label <= to; label = `${year}-${pad(month)}`) {
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
