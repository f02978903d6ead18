import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { migrationSource } from './migrationSource.js';

// PostgreSQL returns bigint (int8) and numeric as strings; keep them strings (ids are opaque and
// amounts are exact decimals), but parse DATE as the plain 'YYYY-MM-DD' text instead of a local Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** Where the hub keeps its data: a real PostgreSQL server or the embedded PGlite default. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolMax?: number }
  | { kind: 'pglite'; directory?: string };

/** Where knex sends its own warnings (connection errors, deprecations); the console when not given. */
export interface KnexLog {
  warn(message: unknown): void;
  error(message: unknown): void;
  deprecate(method: string, alternative: string): void;
  debug(message: unknown): void;
}

/**
 * Creates a knex instance for the target. Nothing is sent until the first query; call
 * `assertDatabaseReachable` to fail fast at start.
 */
export function createKnex(target: DatabaseTarget, log?: KnexLog): Knex {
  if (target.kind === 'postgres') {
    return knexFactory({
      client: 'pg',
      connection: target.url,
      pool: { min: 0, max: target.poolMax ?? 10 },
      acquireConnectionTimeout: 10_000,
      ...(log ? { log } : {}),
    });
  }
  return knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: target.directory ? { filename: target.directory } : {},
  } as Knex.Config);
}

/** Runs one trivial statement; rejects with the driver's reason when the database cannot be reached. */
export async function assertDatabaseReachable(knex: Knex): Promise<void> {
  await knex.raw('select 1');
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Reverts every migration (used by the migration test and `db/cli.ts reset`). */
export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource }, true);
}
