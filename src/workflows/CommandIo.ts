import type { Knex } from 'knex';

/** A command-line mistake in a workflow's command: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Where a workflow's command writes and which database it opens; tests pass their own. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Opens the database when the arguments are valid; the caller owns the connection and closes it (the
   * entry file opens DATABASE_URL or PGLITE_DIR; tests pass their own). A UsageError from it exits 2.
   */
  openKnex: () => Knex;
}
