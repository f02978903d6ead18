import type { Knex } from 'knex';
import { createKnex } from '../../../../db/connection.js';
import { runCalendarAddCli, UsageError } from './runCalendarAddCli.js';

// `npm run calendar:add -- --year 2027 --file notice.json [--write-file]`; see runCalendarAddCli.
// The entry file is where the database is opened (the same rule as db/cli.ts); the command takes the knex.
function openFromEnvironment(): Knex {
  if (process.env.DATABASE_URL) return createKnex({ kind: 'postgres', url: process.env.DATABASE_URL });
  if (process.env.PGLITE_DIR) return createKnex({ kind: 'pglite', directory: process.env.PGLITE_DIR });
  throw new UsageError('set DATABASE_URL (PostgreSQL) or PGLITE_DIR (the embedded database directory)');
}

let knex: Knex | undefined;
process.exitCode = await runCalendarAddCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  openKnex: () => (knex = openFromEnvironment()),
});
await knex?.destroy();
