import type { Knex } from 'knex';
import { createKnex, type DatabaseTarget } from './connection.js';

/** What a command says when neither variable is set. */
export const NO_DATABASE_CONFIGURED = 'set DATABASE_URL (PostgreSQL) or PGLITE_DIR (a directory for the embedded PGlite database); '
  + 'an in-memory database would be lost when this command exits';

/**
 * The database the command-line tools use: PostgreSQL from DATABASE_URL, else PGlite kept in PGLITE_DIR;
 * null when neither is set. One rule for db/cli.ts, the governance CLIs and the workflows' commands.
 */
export function databaseTargetFromEnvironment(env: NodeJS.ProcessEnv = process.env): DatabaseTarget | null {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  if (env.PGLITE_DIR) return { kind: 'pglite', directory: env.PGLITE_DIR };
  return null;
}

/**
 * Opens the environment's database (databaseTargetFromEnvironment). Throws `missing(NO_DATABASE_CONFIGURED)`
 * when none is configured, so each command reports it as its own usage error (exit 2).
 */
export function openDatabaseFromEnvironment(missing: (message: string) => Error): Knex {
  const target = databaseTargetFromEnvironment();
  if (!target) throw missing(NO_DATABASE_CONFIGURED);
  return createKnex(target);
}

/** Where a command prints and how it opens the database (only once its arguments are valid). */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  openKnex: () => Knex;
}

/**
 * Runs a command from its entry file: process stdout and stderr, the environment's database opened when
 * the command asks for it and closed afterwards. Resolves to the command's exit code.
 */
export async function runCommandWithDatabase(command: (io: CommandIo) => Promise<number>, missing: (message: string) => Error): Promise<number> {
  let knex: Knex | undefined;
  try {
    return await command({
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      openKnex: () => (knex = openDatabaseFromEnvironment(missing)),
    });
  } finally {
    await knex?.destroy();
  }
}
