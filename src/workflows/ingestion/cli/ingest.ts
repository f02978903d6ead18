import type { Knex } from 'knex';
import { createKnex } from '../../../../db/connection.js';
import { runIngestCli, UsageError } from './runIngestCli.js';

// `npm run ingest -- --file rows.csv|rows.json --source-unit USCC`; see runIngestCli.
// The entry file is where the database is opened (the same rule as db/cli.ts); the command takes the knex.
function openFromEnvironment(): Knex {
  if (process.env.DATABASE_URL) return createKnex({ kind: 'postgres', url: process.env.DATABASE_URL });
  if (process.env.PGLITE_DIR) return createKnex({ kind: 'pglite', directory: process.env.PGLITE_DIR });
  throw new UsageError('set DATABASE_URL (PostgreSQL) or PGLITE_DIR (the embedded database directory)');
}

let knex: Knex | undefined;
process.exitCode = await runIngestCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  openKnex: () => (knex = openFromEnvironment()),
});
await knex?.destroy();
