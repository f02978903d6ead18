import { readdirSync, readFileSync } from 'node:fs';

/** One year's official arrangement (国务院办公厅关于部分节假日安排的通知), as kept in holidays/<year>.json. */
export interface HolidayYear {
  year: number;
  /** The notice the file transcribes. */
  source: string;
  /** Days off (放假), each range inclusive, weekends inside a range included. */
  holidays: { name: string; from: string; to: string }[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkingDays: string[];
}

/** Thrown for a date in a year the calendar has no file for: deadlines are never guessed. */
export class CalendarYearMissingError extends Error {
  override name = 'CalendarYearMissingError';
  constructor(readonly year: number, readonly date: string) {
    super(`the working-day calendar has no file for ${year} (needed for ${date}): add src/credit/calendar/holidays/${year}.json from the State Council's holiday notice for ${year}`);
  }
}

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

/** Working-day arithmetic over the official holiday calendar; every method throws CalendarYearMissingError outside its years. */
export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUp = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: readonly HolidayYear[]) {
    for (const year of years) {
      if (this.years.has(year.year)) throw new Error(`the holiday calendar lists ${year.year} twice`);
      this.years.add(year.year);
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
  }

  /** The years the calendar covers, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  private check(date: string): number {
    const time = toUtc(date);
    const year = new Date(time).getUTCFullYear();
    if (!this.years.has(year)) throw new CalendarYearMissingError(year, date);
    return time;
  }

  /** True on a working day: a weekday that is no public holiday, or a make-up working day (调休上班). */
  isWorkingDay(date: string): boolean {
    const weekday = new Date(this.check(date)).getUTCDay();
    if (this.makeUp.has(date)) return true;
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /**
   * The date `n` working days after `date` (n ≥ 0): the deadline of "within n working days" of an event on
   * `date`, the event's own day not counted. n = 0 returns `date` itself.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number of days ≥ 0, got ${n}`);
    let time = this.check(date);
    for (let left = n; left > 0;) {
      time += DAY_MS;
      if (this.isWorkingDay(fromUtc(time))) left -= 1;
    }
    return fromUtc(time);
  }

  /**
   * Working days after `from` up to and including `to` (0 when `to` is on or before `from`): how many
   * working days a deadline of `from` is overdue on `to`.
   */
  workingDaysBetween(from: string, to: string): number {
    const end = this.check(to);
    let count = 0;
    for (let time = this.check(from) + DAY_MS; time <= end; time += DAY_MS) {
      if (this.isWorkingDay(fromUtc(time))) count += 1;
    }
    return count;
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

/** The official calendar (holidays/*.json), loaded once. */
export const officialCalendar = new WorkingCalendar(loadHolidayYears());

/** True on a working day of the official calendar; throws CalendarYearMissingError outside its years. */
export const isWorkingDay = (date: string): boolean => officialCalendar.isWorkingDay(date);
/** `n` working days after `date` on the official calendar. */
export const addWorkingDays = (date: string, n: number): string => officialCalendar.addWorkingDays(date, n);
/** Working days after `a` up to and including `b` on the official calendar. */
export const workingDaysBetween = (a: string, b: string): number => officialCalendar.workingDaysBetween(a, b);
