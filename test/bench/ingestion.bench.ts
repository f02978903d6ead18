import { makeUscc } from '../../src/codes/index.js';
import { ingestRecords, KnexIngestionStore, readBatchRows } from '../../src/workflows/ingestion/index.js';
import { buildIngestionFile, FILE_SOURCE_UNIT } from '../fixtures/ingestion/buildIngestionFile.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';

// `npx tsx test/bench/ingestion.bench.ts`: ingestion throughput (rows per second) of the 10,000-row CSV
// file with 1% bad rows, on a fresh database with the small sample data: the first load (9,900 new records)
// and a resend (all unchanged). PGlite always, PostgreSQL too when DATABASE_URL is set (a fresh database).
// Prints one line of JSON per database.
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

for (const database of TEST_DATABASES) {
  const db = await createSeededKnex(database);
  try {
    const subjects = (await db.knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').limit(300).select('uscc', 'name')) as { uscc: string; name: string }[];
    const file = buildIngestionFile(subjects, makeUscc('91', '440300', 'MA5UNREG'), ROWS);
    const store = KnexIngestionStore.create(db.knex);
    const run = async () => {
      const started = performance.now();
      const rows = readBatchRows('CSV', null, file.csv);
      const report = await ingestRecords(store, { sourceUnitUscc: FILE_SOURCE_UNIT, format: 'CSV', rows, consumerId: null, channel: 'CLI', today: '2026-11-27' });
      const ms = performance.now() - started;
      return { ms: Math.round(ms), rowsPerSecond: Math.round((ROWS / ms) * 1000), counts: report.counts };
    };
    const firstLoad = await run();
    const resend = await run();
    process.stdout.write(`${JSON.stringify({ database: database.name, rows: ROWS, firstLoad, resend })}\n`);
  } finally {
    await db.close();
  }
}
