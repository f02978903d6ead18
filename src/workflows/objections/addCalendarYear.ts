import { access, writeFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import {
  buildCalendar, HolidayNoticeError, loadHolidayYears, parseHolidayNotice, readAddedYears, toStoredDays, type HolidayYear,
} from '../../calendar/index.js';
import { recomputeOpenDeadlines, type DeadlineChange } from './recomputeOpenDeadlines.js';

/** What calendar:add is given. */
export interface AddCalendarYearInput {
  year: number;
  /** The parsed JSON of the transcribed notice (validated here). */
  notice: unknown;
  /** Also write holidays/<year>.json into this directory (the bundled files), after the database commit. */
  writeFileTo?: URL | null;
}

/** What calendar:add did. */
export interface AddCalendarYearResult {
  year: HolidayYear;
  changes: DeadlineChange[];
  /** The file written, when asked. */
  file: string | null;
}

/** The bundled holiday files' directory (src/calendar/holidays/), for `writeFileTo`. */
export const BUNDLED_HOLIDAYS_DIRECTORY = new URL('../../calendar/holidays/', import.meta.url);

/**
 * Adds an official holiday year (国务院办公厅关于部分节假日安排的通知) to the database — the calendar's run-time
 * source, read by every hub process — and recomputes every open deadline it changes, in one transaction that
 * locks the procedures' tables (steps wait, then see the new year), each change recorded in
 * `deadline_changes`. The notice is validated strictly first (HolidayNoticeError names the field); a year
 * already added is refused. Nothing is written when anything fails.
 */
export async function addCalendarYear(knex: Knex, input: AddCalendarYearInput, bundled: readonly HolidayYear[] = loadHolidayYears()): Promise<AddCalendarYearResult> {
  const year = parseHolidayNotice(input.notice, input.year);
  const file = input.writeFileTo ? new URL(`${year.year}.json`, input.writeFileTo) : null;
  if (file && (await access(file).then(() => true, () => false))) throw new HolidayNoticeError('--write-file', `${file.pathname} exists already; it is not overwritten`);
  const changes = await knex.transaction(async (trx) => {
    await trx.raw('LOCK TABLE holiday_calendars, objections, repair_applications IN EXCLUSIVE MODE');
    const existing = await trx('holiday_calendars').where({ year: year.year }).first('added_at');
    if (existing) throw new HolidayNoticeError('year', `${year.year} was added already (${new Date(existing.added_at as string).toISOString()}); a year is added once`);
    await trx('holiday_calendars').insert({ year: year.year, source: year.source, days: toStoredDays(year) });
    const calendar = buildCalendar(bundled, await readAddedYears(trx));
    return recomputeOpenDeadlines(trx, calendar, `official holiday notice for ${year.year} added (calendar:add): ${year.source}`);
  });
  if (file) await writeFile(file, `${JSON.stringify({ year: year.year, source: year.source, holidays: year.holidays, makeUpWorkingDays: year.makeUpWorkingDays }, null, 2)}\n`, { flag: 'wx' });
  return { year, changes, file: file ? file.pathname : null };
}
