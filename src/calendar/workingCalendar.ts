import { readdirSync, readFileSync } from 'node:fs';
import { computeProvisionalYear } from './statutoryHolidays.js';

/** One year's official arrangement (国务院办公厅关于部分节假日安排的通知), as kept in holidays/<year>.json. */
export interface HolidayYear {
  year: number;
  /** The notice the file transcribes. */
  source: string;
  /** Days off (放假), each range inclusive, weekends inside a range included. */
  holidays: { name: string; from: string; to: string }[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkingDays: string[];
  /** True for a year computed from the statutory holidays (临时推算) because no notice has been added. */
  provisional?: boolean;
  /** When the year was added to the database (calendar:add); absent for bundled files and provisional years. */
  addedAt?: string | null;
}

/** A deadline in working days and whether it depends on a provisional year (临时推算). */
export interface Deadline {
  due: string;
  provisional: boolean;
}

/**
 * Thrown for a date in a year with neither an official notice nor a provisional calendar (outside the years the
 * statutory holiday rules and the lunar library cover, rules/statutory-holidays.json).
 */
export class CalendarYearMissingError extends Error {
  override name = 'CalendarYearMissingError';
  constructor(readonly year: number, readonly date: string) {
    super(`the working-day calendar has no official notice for ${year} (needed for ${date}) and cannot compute a provisional one (no statutory holiday rule covers ${year}): add the State Council's holiday notice for ${year} with npm run calendar:add`);
  }
}

/** Gives the provisional calendar of a year without an official notice, or null when there can be none. */
export type ProvisionalYears = (year: number) => HolidayYear | null;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const match = ISO_DATE.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return time;
}

const fromUtc = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * Working-day arithmetic over official holiday years, falling back to provisional years (临时推算) computed by
 * `provisionalYears` for the others; every method throws CalendarYearMissingError for a year with neither.
 */
export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUp = new Set<string>();
  private readonly years = new Map<number, HolidayYear>();
  private readonly official: number[];
  // The answer for a day (UTC midnight) never changes once its year is known: years are only ever added.
  // Cached because the sandboxes' fixtures and deadline recomputation ask about the same days many times.
  private readonly workingTimes = new Map<number, boolean>();

  constructor(years: readonly HolidayYear[], private readonly provisionalYears: ProvisionalYears = () => null) {
    for (const year of years) {
      if (this.years.has(year.year)) throw new Error(`the holiday calendar lists ${year.year} twice`);
      this.addYear(year);
    }
    this.official = years.map((y) => y.year).sort((a, b) => a - b);
  }

  private addYear(year: HolidayYear): void {
    this.years.set(year.year, year);
    for (const { from, to, name } of year.holidays) {
      for (let t = toUtc(from); t <= toUtc(to); t += DAY_MS) {
        const day = fromUtc(t);
        if (!day.startsWith(`${year.year}-`)) throw new Error(`${year.year}.json: holiday ${name} runs outside its year (${day})`);
        this.holidays.add(day);
      }
    }
    for (const day of year.makeUpWorkingDays) {
      const weekday = new Date(toUtc(day)).getUTCDay();
      if (weekday !== 0 && weekday !== 6) throw new Error(`${year.year}.json: make-up working day ${day} is not a weekend day`);
      this.makeUp.add(day);
    }
  }

  /** The years with an official notice (bundled or added), ascending. */
  coveredYears(): number[] {
    return [...this.official];
  }

  /** The arrangement of `year`: the official one, else the provisional one; throws CalendarYearMissingError. */
  yearOf(year: number): HolidayYear {
    const known = this.years.get(year);
    if (known) return known;
    const provisional = this.provisionalYears(year);
    if (!provisional || provisional.year !== year) throw new CalendarYearMissingError(year, `${year}-01-01`);
    this.addYear({ ...provisional, provisional: true });
    return this.years.get(year)!;
  }

  /** True when `year` has no official notice and is computed (临时推算). */
  isProvisional(year: number): boolean {
    return this.yearOf(year).provisional === true;
  }

  private check(date: string): number {
    const time = toUtc(date);
    const year = new Date(time).getUTCFullYear();
    try {
      this.yearOf(year);
    } catch (error) {
      if (error instanceof CalendarYearMissingError) throw new CalendarYearMissingError(year, date);
      throw error;
    }
    return time;
  }

  /** True when a day after `from` up to `to` lies in a provisional year. */
  private spansProvisional(from: number, to: number): boolean {
    if (to <= from) return false;
    const first = new Date(from + DAY_MS).getUTCFullYear();
    const last = new Date(to).getUTCFullYear();
    for (let year = first; year <= last; year += 1) if (this.isProvisional(year)) return true;
    return false;
  }

  /** True on a working day: a weekday that is no public holiday, or a make-up working day (调休上班). */
  isWorkingDay(date: string): boolean {
    return this.isWorkingTime(this.check(date));
  }

  private isWorkingTime(time: number): boolean {
    let working = this.workingTimes.get(time);
    if (working === undefined) {
      const date = fromUtc(this.check(fromUtc(time)));
      const weekday = new Date(time).getUTCDay();
      working = this.makeUp.has(date) || (weekday !== 0 && weekday !== 6 && !this.holidays.has(date));
      this.workingTimes.set(time, working);
    }
    return working;
  }

  /** `date` itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: string): string {
    let time = this.check(date);
    while (!this.isWorkingTime(time)) time += DAY_MS;
    return fromUtc(time);
  }

  /**
   * The date `n` working days after `date` (n ≥ 0): the deadline of "within n working days" of an event on
   * `date`, the event's own day not counted. n = 0 returns `date` itself.
   */
  addWorkingDays(date: string, n: number): string {
    return this.deadline(date, n).due;
  }

  /** As addWorkingDays, and whether a day counted lies in a provisional year (the deadline is then provisional). */
  deadline(date: string, n: number): Deadline {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number of days ≥ 0, got ${n}`);
    const start = this.check(date);
    let time = start;
    for (let left = n; left > 0;) {
      time += DAY_MS;
      if (this.isWorkingTime(time)) left -= 1;
    }
    return { due: fromUtc(time), provisional: this.spansProvisional(start, time) };
  }

  /**
   * Working days after `from` up to and including `to` (0 when `to` is on or before `from`): how many
   * working days a deadline of `from` is overdue on `to`.
   */
  workingDaysBetween(from: string, to: string): number {
    return this.countWorkingDays(from, to).days;
  }

  /** As workingDaysBetween, and whether a day counted lies in a provisional year. */
  countWorkingDays(from: string, to: string): { days: number; provisional: boolean } {
    const end = this.check(to);
    const start = this.check(from);
    let count = 0;
    for (let time = start + DAY_MS; time <= end; time += DAY_MS) {
      if (this.isWorkingTime(time)) count += 1;
    }
    return { days: count, provisional: this.spansProvisional(start, end) };
  }
}

/** Reads every holidays/<year>.json beside this module. */
export function loadHolidayYears(directory = new URL('./holidays/', import.meta.url)): HolidayYear[] {
  return readdirSync(directory)
    .filter((file) => /^\d{4}\.json$/.test(file))
    .map((file) => {
      const year = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as HolidayYear;
      if (`${year.year}.json` !== file) throw new Error(`holidays/${file} declares year ${year.year}`);
      return year;
    });
}

/**
 * The bundled calendar: the official files in holidays/ and provisional years for the others. Years added to
 * the database (calendar:add) are not in it; code serving requests takes its calendar from a CalendarSource.
 */
export const bundledCalendar = new WorkingCalendar(loadHolidayYears(), computeProvisionalYear);
/** @deprecated the bundled calendar is no longer official only; use bundledCalendar. */
export const officialCalendar = bundledCalendar;

/** True on a working day of the bundled calendar; throws CalendarYearMissingError for a year it cannot compute. */
export const isWorkingDay = (date: string): boolean => bundledCalendar.isWorkingDay(date);
/** `n` working days after `date` on the bundled calendar. */
export const addWorkingDays = (date: string, n: number): string => bundledCalendar.addWorkingDays(date, n);
/** Working days after `a` up to and including `b` on the bundled calendar. */
export const workingDaysBetween = (a: string, b: string): number => bundledCalendar.workingDaysBetween(a, b);
/** `date`, or the first working day after it, on the bundled calendar. */
export const nextWorkingDay = (date: string): string => bundledCalendar.nextWorkingDay(date);
