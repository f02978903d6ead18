import { runCommandWithDatabase } from '../../../../db/databaseFromEnvironment.js';
import { runIngestCli, UsageError } from './runIngestCli.js';

// `npm run ingest -- --file rows.csv|rows.json --source-unit USCC`; see runIngestCli.
// The entry file is where the database is opened (DATABASE_URL or PGLITE_DIR, as for db/cli.ts); the command takes the knex.
process.exitCode = await runCommandWithDatabase((io) => runIngestCli(process.argv.slice(2), io), (message) => new UsageError(message));
