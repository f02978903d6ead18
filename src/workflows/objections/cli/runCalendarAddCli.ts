import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import { HolidayNoticeError } from '../../../calendar/index.js';
import { addCalendarYear, BUNDLED_HOLIDAYS_DIRECTORY } from '../addCalendarYear.js';

const USAGE = 'usage: npm run calendar:add -- --year YYYY --file notice.json [--write-file]';

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Where the command writes and which database it opens; tests pass their own. */
export interface CalendarAddCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Opens the database when the arguments are valid; the caller owns the connection and closes it (the
   * entry file opens DATABASE_URL or PGLITE_DIR; tests pass their own). A UsageError from it exits 2.
   */
  openKnex: () => Knex;
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
