import { readdirSync } from 'node:fs';
import type { Knex } from 'knex';

const directory = new URL('./migrations/', import.meta.url);

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Lists `db/migrations/<timestamp>_<what>.ts` in name order and imports them by URL, so migrations run
 * the same under tsx, vitest and any other loader (knex's own directory loader guesses extensions).
 */
export const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    return readdirSync(directory)
      .filter((name) => /^\d{14}_[a-z0-9_]+\.(ts|js)$/.test(name))
      .sort();
  },
  getMigrationName(name) {
    return name.replace(/\.(ts|js)$/, '');
  },
  async getMigration(name) {
    return (await import(new URL(name, directory).href)) as MigrationModule;
  },
};
