import type { HolidayYear } from '../../calendar/index.js';

/** A calendar year as the graph shows it (WorkingCalendarYear in schema/objections.graphql). */
export interface WorkingCalendarYearView {
  year: number;
  provisional: boolean;
  source: string;
  addedAt: string | null;
  daysOff: { date: string; name: string }[];
  makeUpWorkingDays: string[];
}

const DAY_MS = 86_400_000;

/** Expands a year's holiday ranges into its days off, in date order; a day of two holidays names both. */
export function toWorkingCalendarYear(year: HolidayYear): WorkingCalendarYearView {
  const names = new Map<string, string[]>();
  for (const { name, from, to } of year.holidays) {
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
      const date = new Date(t).toISOString().slice(0, 10);
      names.set(date, [...(names.get(date) ?? []), name]);
    }
  }
  const daysOff = [...names].map(([date, of]) => ({ date, name: of.join('; ') }));
  return {
    year: year.year,
    provisional: year.provisional === true,
    source: year.source,
    addedAt: year.addedAt ?? null,
    daysOff: daysOff.sort((a, b) => a.date.localeCompare(b.date)),
    makeUpWorkingDays: [...year.makeUpWorkingDays].sort(),
  };
}
