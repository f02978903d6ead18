import { readFileSync } from 'node:fs';
import { Lunar, Solar } from 'lunar-typescript';
import type { HolidayYear } from './workingCalendar.js';

/** One statutory holiday of a version of 全国年节及纪念日放假办法 (rules/statutory-holidays.json). */
export type StatutoryHoliday =
  | { name: string; kind: 'SOLAR'; month: number; day: number; days: number }
  | { name: string; kind: 'LUNAR'; month: number; day: number; offsetDays: number; days: number }
  | { name: string; kind: 'SOLAR_TERM'; term: string; days: number };

/** One version of the statutory holiday list, with its legal basis and the dates it is in force. */
export interface StatutoryHolidayVersion {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  holidays: StatutoryHoliday[];
}

/** rules/statutory-holidays.json. */
export interface StatutoryHolidayRules {
  computableYears: { from: number; to: number };
  versions: StatutoryHolidayVersion[];
}

/** The rule file the provisional calendars are computed from, as a `source` names it. */
export const STATUTORY_RULE_FILE = 'src/calendar/rules/statutory-holidays.json';

/** The statutory holiday rules (rules/statutory-holidays.json), read once. */
export const STATUTORY_HOLIDAY_RULES = JSON.parse(
  readFileSync(new URL('./rules/statutory-holidays.json', import.meta.url), 'utf8'),
) as StatutoryHolidayRules;

const pad = (n: number): string => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** `days` consecutive dates from `first` (YYYY-MM-DD). */
function run(first: string, days: number): { from: string; to: string } {
  const start = Date.parse(`${first}T00:00:00Z`);
  return { from: first, to: new Date(start + (days - 1) * DAY_MS).toISOString().slice(0, 10) };
}

function firstDay(year: number, holiday: StatutoryHoliday): string {
  switch (holiday.kind) {
    case 'SOLAR':
      return `${year}-${pad(holiday.month)}-${pad(holiday.day)}`;
    case 'LUNAR': {
      const solar = Lunar.fromYmd(year, holiday.month, holiday.day).getSolar().next(holiday.offsetDays);
      return solar.toYmd();
    }
    case 'SOLAR_TERM': {
      // The solar-term table of the lunar year around mid-year holds this Gregorian year's spring terms.
      const term = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()[holiday.term];
      if (!term) throw new Error(`statutory-holidays.json: unknown solar term ${holiday.term}`);
      return term.toYmd();
    }
  }
}

/** The version of the statutory holiday list in force on 1 January of `year`, or null when none is. */
export function statutoryVersionFor(year: number, rules: StatutoryHolidayRules = STATUTORY_HOLIDAY_RULES): StatutoryHolidayVersion | null {
  const day = `${year}-01-01`;
  return rules.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo)) ?? null;
}

/**
 * The provisional calendar (临时推算) of `year`: the statutory holidays of the version in force, on the dates
 * the lunar calendar and solar terms give for that year, no make-up working days. Null when the year is
 * outside `computableYears` or no version is in force for it: such a year has no calendar at all.
 */
export function computeProvisionalYear(year: number, rules: StatutoryHolidayRules = STATUTORY_HOLIDAY_RULES): HolidayYear | null {
  if (!Number.isInteger(year) || year < rules.computableYears.from || year > rules.computableYears.to) return null;
  const version = statutoryVersionFor(year, rules);
  if (!version) return null;
  return {
    year,
    source: `${STATUTORY_RULE_FILE} ${version.id} (${version.legalBasis}); provisional (临时推算) until the State Council's notice for ${year} is added`,
    holidays: version.holidays.map((holiday) => ({ name: holiday.name, ...run(firstDay(year, holiday), holiday.days) })),
    makeUpWorkingDays: [],
    provisional: true,
  };
}
