import type { Knex } from 'knex';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { isDatabaseEmpty, loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/index.js';

/**
 * Opens the benchmark database named by DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded, kept in that
 * directory), migrates it and loads the sample data of `size` when it is empty. Exits with status 2 and
 * the fix when neither is set.
 */
export async function openBenchDatabase(size: 'small' | 'large'): Promise<{ knex: Knex; kind: 'postgresql' | 'pglite' }> {
  const url = process.env.DATABASE_URL;
  const dir = process.env.PGLITE_DIR;
  if (!url && !dir) {
    console.error('set DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded, e.g. /tmp/chengxin-large) to benchmark on a kept database');
    process.exit(2);
  }
  const knex = url ? createKnex({ kind: 'postgres', url }) : createKnex({ kind: 'pglite', directory: dir! });
  await migrateToLatest(knex);
  if (await isDatabaseEmpty(knex)) {
    console.error(`loading the ${size} sample data set (once per database)…`);
    const summary = await loadSampleData(knex, size, createIdNumberVault(DEVELOPMENT_DATA_KEY));
    console.error(JSON.stringify(summary));
  }
  return { knex, kind: url ? 'postgresql' : 'pglite' };
}
