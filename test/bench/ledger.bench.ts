import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { verifyLedger } from '../../src/governance/index.js';

// `npm run bench:ledger`: audited appends per second from two processes on one PostgreSQL (DATABASE_URL, an
// administrator's URL: the benchmark creates and drops a database of its own). Each process keeps
// BENCH_CONCURRENCY (default 200) appends in flight for BENCH_SECONDS (default 10), as that many concurrent
// audited requests would; then the whole ledger is verified (gapless, every hash). Prints one JSON line.
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('set DATABASE_URL to a PostgreSQL server (the ledger is shared by processes; PGlite lives in one)');
  process.exit(2);
}
const PROCESSES = 2;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const name = `chengxin_bench_ledger_${randomBytes(4).toString('hex')}`;
const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
await admin.raw(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const knex = createKnex({ kind: 'postgres', url: url.toString() });
try {
  await migrateToLatest(knex);
  const workers = Array.from({ length: PROCESSES }, (_, i) => spawn(process.execPath, ['--import', 'tsx', new URL('./ledgerWorker.ts', import.meta.url).pathname, url.toString(), String(concurrency), String(seconds * 1000), `p${i}`], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const lines = workers.map((worker) => {
    const seen: string[] = [];
    let buffer = '';
    const waiters: (() => void)[] = [];
    worker.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      seen.push(...parts);
      for (const wake of waiters.splice(0)) wake();
    });
    return async (n: number): Promise<string> => {
      while (seen.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return seen[n - 1]!;
    };
  });
  await Promise.all(lines.map((line) => line(1)));
  const started = performance.now();
  for (const worker of workers) worker.stdin!.write('go\n');
  const results = await Promise.all(lines.map(async (line) => JSON.parse(await line(2)) as { committed: number; failed: number; firstError: string | null }));
  const elapsed = (performance.now() - started) / 1000;
  const committed = results.reduce((a, r) => a + r.committed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  const verifyStarted = performance.now();
  const verification = await verifyLedger(knex);
  console.log(JSON.stringify({
    processes: PROCESSES, concurrencyPerProcess: concurrency, seconds: Math.round(elapsed * 10) / 10, committed, failed, firstError: results.find((r) => r.firstError)?.firstError ?? null,
    appendsPerSecond: Math.round(committed / elapsed), verified: verification, verifySeconds: Math.round((performance.now() - verifyStarted) / 100) / 10,
  }));
  if (!verification.ok || verification.entries !== committed) process.exitCode = 1;
} finally {
  await knex.destroy();
  await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
}
