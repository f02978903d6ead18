import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HolidayNoticeError } from '../../../calendar/index.js';
import { addCalendarYear, BUNDLED_HOLIDAYS_DIRECTORY } from '../addCalendarYear.js';
import { UsageError, type CommandIo } from '../../CommandIo.js';

const USAGE = 'usage: npm run calendar:add -- --year YYYY --file notice.json [--write-file]';

export { UsageError };

/** Where the command writes and which database it opens (CommandIo), and where --write-file writes. */
export interface CalendarAddCliIo extends CommandIo {
  /** Where --write-file writes; default src/calendar/holidays/. */
  holidaysDirectory?: URL;
}

/**
 * `npm run calendar:add -- --year 2027 --file notice.json [--write-file]`: adds the State Council's holiday
 * notice for a year to the database (every hub process uses it from its next step on), recomputes the open
 * deadlines it changes and prints the year and the changes as JSON. `--write-file` also writes
 * src/calendar/holidays/<year>.json. Resolves to the exit code: 0 done, 1 refused or failed (the
 * message names the field), 2 usage mistake.
 */
export async function runCalendarAddCli(argv: string[], io: CalendarAddCliIo): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { year: { type: 'string' }, file: { type: 'string' }, 'write-file': { type: 'boolean' } } });
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be a year YYYY, got ${JSON.stringify(values.year ?? null)}`);
    if (!values.file) throw new UsageError('--file is required');
    let notice: unknown;
    try {
      notice = JSON.parse(await readFile(values.file, 'utf8'));
    } catch (error) {
      throw new HolidayNoticeError('(file)', `${values.file} cannot be read as JSON: ${(error as Error).message}`);
    }
    const knex = io.openKnex();
    const result = await addCalendarYear(knex, {
      year: Number(values.year), notice, writeFileTo: values['write-file'] ? (io.holidaysDirectory ?? BUNDLED_HOLIDAYS_DIRECTORY) : null,
    });
    io.stdout(`${JSON.stringify({ year: result.year.year, source: result.year.source, file: result.file, deadlineChanges: result.changes }, null, 2)}\n`);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    io.stderr(`${usage ? 'error' : 'refused'}: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  }
}
