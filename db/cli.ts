import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../src/credit/index.js';
import { createKnex, migrateToLatest, rollbackAll } from './connection.js';
import { databaseTargetFromEnvironment, NO_DATABASE_CONFIGURED } from './databaseFromEnvironment.js';
import { migrationSource } from './migrationSource.js';
import { checkConsistency } from './seed/checkConsistency.js';
import { backfillRegistrations } from './seed/backfillRegistrations.js';
import { isDatabaseEmpty, loadSampleData } from './seed/loadSampleData.js';
import type { SampleDataSize } from './seed/SampleData.js';

// `tsx db/cli.ts migrate | rollback | seed [--size small|large] | reset [--size …] | check`
// Database from DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded PGlite kept in that directory).
// Prints one line of JSON on stdout; errors and warnings go to stderr.

const USAGE = 'usage: tsx db/cli.ts migrate | rollback | seed [--size small|large] [--seed N] [--as-of YYYY-MM-DD] | reset [same options] | check | backfill-registrations [same options]';

/** A command-line mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

interface Options {
  command: string;
  size: SampleDataSize;
  seed?: number;
  asOf?: string;
}

function readOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { size: { type: 'string', default: 'small' }, seed: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (!command || !['migrate', 'rollback', 'seed', 'reset', 'check', 'backfill-registrations'].includes(command) || rest.length > 0) {
    throw new UsageError(command ? `unknown command "${[command, ...rest].join(' ')}"` : 'no command given');
  }
  if (values.size !== 'small' && values.size !== 'large') throw new UsageError(`--size must be small or large, got "${values.size}"`);
  const options: Options = { command, size: values.size };
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed)) throw new UsageError(`--seed must be a non-negative integer, got "${values.seed}"`);
    options.seed = Number(values.seed);
  }
  if (values['as-of'] !== undefined) options.asOf = values['as-of'];
  return options;
}

function openDatabase(): { knex: Knex; database: string } {
  const target = databaseTargetFromEnvironment();
  if (!target) throw new UsageError(NO_DATABASE_CONFIGURED);
  return { knex: createKnex(target), database: target.kind === 'postgres' ? 'postgres' : `pglite:${target.directory}` };
}

function readDataKey(): string {
  const key = process.env.CHENGXIN_DATA_KEY;
  if (key) return key;
  process.stderr.write('warning: CHENGXIN_DATA_KEY is not set; encrypting ID numbers with the public development key\n');
  return DEVELOPMENT_DATA_KEY;
}

async function seed(knex: Knex, options: Options): Promise<Record<string, unknown>> {
  const migrated = await migrateToLatest(knex);
  if (!(await isDatabaseEmpty(knex))) {
    throw new Error('the database already has organisations; run `tsx db/cli.ts reset` to start from empty tables');
  }
  const started = performance.now();
  let lastTable = '';
  if (options.size === 'large') process.stderr.write('0s generating the large sample world (organisations, civil servants, catalogue)\n');
  const loadOptions = {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    // The large load takes minutes: show progress on stderr (each table as it starts, then every 100,000 rows, with
    // the time since the start), stdout stays one line of JSON.
    onProgress: (table: string, rows: number) => {
      if (options.size !== 'large') return;
      const seconds = Math.round((performance.now() - started) / 1000);
      if (table !== lastTable) process.stderr.write(`${seconds}s ${table}: loading\n`);
      else if (rows % 100_000 === 0) process.stderr.write(`${seconds}s ${table}: ${rows} rows\n`);
      lastTable = table;
    },
  };
  const summary = await loadSampleData(knex, options.size, createIdNumberVault(readDataKey()), loadOptions);
  return { migrated, size: options.size, ...summary };
}

async function run(knex: Knex, options: Options): Promise<Record<string, unknown>> {
  switch (options.command) {
    case 'migrate':
      return { migrated: await migrateToLatest(knex) };
    case 'rollback': {
      const [, rolledBack] = (await knex.migrate.rollback({ migrationSource })) as [number, string[]];
      return { rolledBack };
    }
    case 'seed':
      return seed(knex, options);
    case 'backfill-registrations': {
      // Registration particulars for a database seeded before migration 20261202020000 (same size, seed and date).
      const migrated = await migrateToLatest(knex);
      const generator = { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) };
      return { migrated, size: options.size, ...(await backfillRegistrations(knex, options.size, generator)) };
    }
    case 'check': {
      // The sample-data consistency check (npm run db:check-sample): violations per rule, examples on stderr.
      const violations = await checkConsistency(knex);
      for (const v of violations.filter((x) => x.count > 0)) process.stderr.write(`${v.rule}: ${v.count} (${v.description})\n  ${v.examples.join('\n  ')}\n`);
      const total = violations.reduce((sum, v) => sum + v.count, 0);
      return { violations: Object.fromEntries(violations.map((v) => [v.rule, v.count])), total };
    }
    default:
      await rollbackAll(knex);
      return { reset: true, ...(await seed(knex, options)) };
  }
}

/** Runs the command in `argv`; resolves to the process exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let knex: Knex | undefined;
  try {
    const options = readOptions(argv);
    const opened = openDatabase();
    knex = opened.knex;
    const result = await run(knex, options);
    const totalMs = Math.round(performance.now() - started);
    process.stdout.write(`${JSON.stringify({ command: options.command, database: opened.database, ...result, totalMs })}\n`);
    // A check that found violations fails, so CI and scripts can rely on the exit code.
    return options.command === 'check' && Number(result.total) > 0 ? 1 : 0;
  } catch (error) {
    const usage = error instanceof UsageError;
    process.stderr.write(`${usage ? 'error' : 'failed'}: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  } finally {
    await knex?.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
