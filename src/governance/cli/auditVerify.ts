import { parseArgs } from 'node:util';
import { readAuditRetentionYears } from '../auditRetention.js';
import { verifyLedger } from '../verifyLedger.js';
import { runCli, UsageError } from './runCli.js';

// `npm run audit:verify [-- --batch-size N]`: checks the audit ledger's hash chain from entry 1.
// Prints {"ok":true,"entries":N,…} (exit 0) or {"ok":false,"seq":N,"reason":…} for the first broken link (exit 1).

const USAGE = 'usage: npm run audit:verify [-- --batch-size N]   (database from DATABASE_URL or PGLITE_DIR)';

/** Runs the check; resolves to the exit code (0 sound, 1 broken or failed, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  return runCli(USAGE, async (knex) => {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'batch-size': { type: 'string' } } });
    if (positionals.length > 0) throw new UsageError(`unexpected "${positionals.join(' ')}"`);
    const batch = values['batch-size'];
    if (batch !== undefined && !/^[1-9]\d*$/.test(batch)) throw new UsageError(`--batch-size must be a positive integer, got "${batch}"`);
    const retentionYears = readAuditRetentionYears();
    const result = await verifyLedger(knex, batch ? { batchSize: Number(batch) } : {});
    const totalMs = Math.round(performance.now() - started);
    // Retention is reported only: nothing deletes ledger entries.
    return { output: { ...result, retentionYears, totalMs }, exitCode: result.ok ? 0 : 1 };
  });
}

process.exitCode = await main(process.argv.slice(2));
