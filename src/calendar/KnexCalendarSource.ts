import type { Knex } from 'knex';
import { computeProvisionalYear } from './statutoryHolidays.js';
import { loadHolidayYears, WorkingCalendar, type HolidayYear } from './workingCalendar.js';

/** Where the calendar for a request or a step comes from. */
export interface CalendarSource {
  /**
   * The calendar as of now: bundled files, years added to the database, provisional years for the rest. Inside
   * a transaction pass it, so the read runs on the transaction's connection (and sees what it locked).
   */
  current(db?: Knex | Knex.Transaction): Promise<WorkingCalendar>;
}

/** How a year is kept in `holiday_calendars.days`. */
interface StoredDays {
  holidays: HolidayYear['holidays'];
  makeUpWorkingDays: string[];
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/** The official years added with calendar:add (`holiday_calendars`), by year. */
export async function readAddedYears(knex: Knex | Knex.Transaction): Promise<HolidayYear[]> {
  const rows = await knex('holiday_calendars').orderBy('year').select('year', 'source', 'days', 'added_at');
  return rows.map((row: Record<string, unknown>) => {
    const days = json<StoredDays>(row.days);
    return {
      year: Number(row.year), source: String(row.source), holidays: days.holidays, makeUpWorkingDays: days.makeUpWorkingDays,
      addedAt: (row.added_at instanceof Date ? row.added_at : new Date(String(row.added_at))).toISOString(),
    };
  });
}

/** The days of a year as `holiday_calendars.days` keeps them. */
export const toStoredDays = (year: HolidayYear): string => JSON.stringify({ holidays: year.holidays, makeUpWorkingDays: year.makeUpWorkingDays } satisfies StoredDays);

/** A calendar of the bundled files and the added years (an added year replaces a bundled file of the same year). */
export function buildCalendar(bundled: readonly HolidayYear[], added: readonly HolidayYear[]): WorkingCalendar {
  const addedYears = new Set(added.map((y) => y.year));
  return new WorkingCalendar([...bundled.filter((y) => !addedYears.has(y.year)), ...added], computeProvisionalYear);
}

/**
 * The calendar from holidays/*.json and `holiday_calendars`, shared by every hub process through the database.
 * Each call asks the database for the table's row count and latest `added_at` (one tiny query) and rebuilds
 * only when they changed, so a year added by calendar:add in another process is used from the next step on.
 */
export class KnexCalendarSource implements CalendarSource {
  private cached: { stamp: string; calendar: WorkingCalendar } | null = null;

  private constructor(private readonly knex: Knex, private readonly bundled: readonly HolidayYear[]) {}

  static create(knex: Knex, bundled: readonly HolidayYear[] = loadHolidayYears()): KnexCalendarSource {
    return new KnexCalendarSource(knex, bundled);
  }

  async current(db: Knex | Knex.Transaction = this.knex): Promise<WorkingCalendar> {
    const [row] = await db('holiday_calendars').select(db.raw('count(*)::int as n'), db.raw('max(added_at) as latest'));
    const latest = (row as { latest: unknown } | undefined)?.latest;
    const stamp = `${String((row as { n: unknown } | undefined)?.n)}|${latest instanceof Date ? latest.toISOString() : String(latest)}`;
    if (this.cached?.stamp !== stamp) this.cached = { stamp, calendar: buildCalendar(this.bundled, await readAddedYears(db)) };
    return this.cached.calendar;
  }
}
