import { toDayNumber, toIsoDate } from '../../../src/codes/index.js';

// Day numbers (days since 1970-01-01, UTC; src/codes) keep the fixtures compact and date arithmetic cheap.
export { toDayNumber };

// Fixtures span a few thousand days and format them hundreds of thousands of times.
const formatted = new Map<number, string>();

/** The YYYY-MM-DD date of a day number (src/codes `toIsoDate`, remembered per day). */
export function formatDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = toIsoDate(day);
    formatted.set(day, text);
  }
  return text;
}
