import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readAuditRetentionYears } from '../auditRetention.js';
import { CheckpointError, parseCheckpoints, readCheckpointPublicKey, verifyCheckpoints } from '../checkpoints/index.js';
import { verifyLedger } from '../verifyLedger.js';
import { runCli, UsageError } from './runCli.js';

// `npm run audit:verify [-- --batch-size N] [--checkpoints FILE --public-key FILE]`: checks the audit ledger's
// hash chain from entry 1 and, with a checkpoint file the auditors kept and the checkpoint public key, that
// the ledger still holds every signed head (so deleted tail entries and a recomputed chain are found).
// Prints {"ok":true,"entries":N,…} (exit 0) or {"ok":false,…,"reason":…} for the first failure (exit 1).

const USAGE = 'usage: npm run audit:verify [-- --batch-size N] [--checkpoints FILE --public-key FILE]   (database from DATABASE_URL or PGLITE_DIR)';

function readText(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Runs the check; resolves to the exit code (0 sound, 1 broken or failed, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  return runCli(USAGE, async (knex) => {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { 'batch-size': { type: 'string' }, checkpoints: { type: 'string' }, 'public-key': { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected "${positionals.join(' ')}"`);
    const batch = values['batch-size'];
    if (batch !== undefined && !/^[1-9]\d*$/.test(batch)) throw new UsageError(`--batch-size must be a positive integer, got "${batch}"`);
    if ((values.checkpoints === undefined) !== (values['public-key'] === undefined)) throw new UsageError('--checkpoints and --public-key go together');
    let anchoring = null;
    if (values.checkpoints !== undefined && values['public-key'] !== undefined) {
      try {
        anchoring = {
          checkpoints: parseCheckpoints(readText(values.checkpoints, '--checkpoints')),
          publicKey: readCheckpointPublicKey(readText(values['public-key'], '--public-key'), '--public-key'),
        };
      } catch (error) {
        if (error instanceof CheckpointError) throw new UsageError(error.message);
        throw error;
      }
    }
    const retentionYears = readAuditRetentionYears();
    const chain = await verifyLedger(knex, batch ? { batchSize: Number(batch) } : {});
    const anchored = anchoring ? await verifyCheckpoints(knex, anchoring.checkpoints, anchoring.publicKey) : null;
    const totalMs = Math.round(performance.now() - started);
    const ok = chain.ok && (anchored?.ok ?? true);
    // Retention is reported only: nothing deletes ledger entries. Without checkpoints a cut or recomputed
    // chain cannot be told from a sound one: `anchored: null` says so.
    return { output: { ...chain, ok, anchored, retentionYears, totalMs }, exitCode: ok ? 0 : 1 };
  });
}

process.exitCode = await main(process.argv.slice(2));
