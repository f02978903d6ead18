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

/**
 * True on Monday to Friday. The sandbox ignores public holidays and make-up working days (调休): its
 * dates only need to be plausible, and the adapter never recomputes them.
 */
export function isWorkingDay(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** The day `count` working days after `day` (count 0: `day` itself). */
export function addWorkingDays(day: number, count: number): number {
  let d = day;
  for (let left = count; left > 0; ) {
    d += 1;
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function countWorkingDays(from: number, to: number): number {
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkingDay(d)) count += 1;
  return count;
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d += 1;
  return d;
}
