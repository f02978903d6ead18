import type { Knex } from 'knex';
import { openDatabaseFromEnvironment } from '../../../db/databaseFromEnvironment.js';

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** What a command prints (one line of JSON on stdout) and its exit code (0 when not given). */
export interface CliResult {
  output: Record<string, unknown>;
  exitCode?: number;
}

/**
 * Opens the database, runs `command`, prints its output as one JSON line on stdout and resolves to the
 * exit code: the command's (0 by default), 1 on failure, 2 on a UsageError (message and usage on stderr).
 */
export async function runCli(usage: string, command: (knex: Knex) => Promise<CliResult>): Promise<number> {
  let knex: Knex | undefined;
  try {
    knex = openDatabaseFromEnvironment((message) => new UsageError(message));
    const { output, exitCode = 0 } = await command(knex);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return exitCode;
  } catch (error) {
    const usageError = error instanceof UsageError;
    const message = (error as { code?: string }).code === '42P01'
      ? `${(error as Error).message}; run \`npm run db:migrate\` first`
      : (error as Error).message;
    process.stderr.write(`${usageError ? 'error' : 'failed'}: ${message}\n${usageError ? `${usage}\n` : ''}`);
    return usageError ? 2 : 1;
  } finally {
    await knex?.destroy();
  }
}
