import { runCommandWithDatabase } from '../../../../db/databaseFromEnvironment.js';
import { runCalendarAddCli, UsageError } from './runCalendarAddCli.js';

// `npm run calendar:add -- --year 2027 --file notice.json [--write-file]`; see runCalendarAddCli.
// The entry file is where the database is opened (DATABASE_URL or PGLITE_DIR, as for db/cli.ts); the command takes the knex.
process.exitCode = await runCommandWithDatabase((io) => runCalendarAddCli(process.argv.slice(2), io), (message) => new UsageError(message));
