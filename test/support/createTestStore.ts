import type { Knex } from 'knex';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/index.js';
import type { TestDatabase } from './databases.js';

/** A migrated database with the small sample data, for store-level suites. */
export async function createSeededKnex(database: TestDatabase): Promise<{ knex: Knex; close(): Promise<void> }> {
  const db = await database.create();
  const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
  await migrateToLatest(knex);
  await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
  return {
    knex,
    async close() {
      await knex.destroy();
      await db.drop();
    },
  };
}
