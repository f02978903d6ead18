// Day numbers (days since 1970-01-01, UTC) keep the fixtures compact and date arithmetic cheap.

const MS_PER_DAY = 86_400_000;

/** The day number of a YYYY-MM-DD date. */
export function toDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

// Fixtures span a few thousand days and format them hundreds of thousands of times.
const formatted = new Map<number, string>();

/** The YYYY-MM-DD date of a day number. */
export function formatDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}
