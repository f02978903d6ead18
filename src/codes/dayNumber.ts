const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO date `YYYY-MM-DD`; throws on anything else. */
export function toDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`expected a date YYYY-MM-DD, got "${isoDate}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** The ISO date `YYYY-MM-DD` of a day number (inverse of `toDayNumber`). */
export function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether a day number falls on a Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekend(dayNumber: number): boolean {
  const weekday = (dayNumber + 4) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}
