import type { Knex } from 'knex';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import type { TestDatabase } from '../support/databases.js';

/** A fresh migrated database (no sample data); `connect()` opens another pool on it, like a second hub process. */
export interface MigratedDatabase {
  knex: Knex;
  /** The PostgreSQL URL; null on in-memory PGlite, which only one knex instance can reach. */
  url: string | null;
  connect(): Knex;
  close(): Promise<void>;
}

/** Creates and migrates a database on `database`; `close()` destroys every pool opened and drops it. */
export async function createMigratedDatabase(database: TestDatabase): Promise<MigratedDatabase> {
  const db = await database.create();
  const pools: Knex[] = [];
  const connect = (): Knex => {
    if (!db.url) throw new Error('in-memory PGlite has a single connection; a second pool needs PostgreSQL');
    const pool = createKnex({ kind: 'postgres', url: db.url });
    pools.push(pool);
    return pool;
  };
  const knex = db.url ? connect() : createKnex({ kind: 'pglite' });
  if (!db.url) pools.push(knex);
  await migrateToLatest(knex);
  return {
    knex,
    url: db.url,
    connect,
    async close() {
      await Promise.all(pools.map((pool) => pool.destroy()));
      await db.drop();
    },
  };
}
