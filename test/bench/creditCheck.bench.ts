import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub } from '../support/startTestHub.js';

// `npx tsx test/bench/creditCheck.bench.ts`: latency of a 50-subject credit check (runCreditCheck) over HTTP
// against the real hub — admission, the audit-ledger entry, the as-of record query, the rules, Ed25519 signing
// and storing the check — on PGlite and, when DATABASE_URL is set, on a fresh PostgreSQL database.
// BENCH_SIZE small (default, 4,000 records) | large (1,000,000 records; slow to load); BENCH_RUNS (default 20);
// BENCH_DATABASE pglite | postgres to run on one of them only.
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const SUBJECTS = 50;
const size = (process.env.BENCH_SIZE ?? 'small') as 'small' | 'large';
const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  id overallVerdict signedResult subjects { verdict evidence { recordId } } } }`;

const pct = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;

for (const database of TEST_DATABASES.filter((d) => !process.env.BENCH_DATABASE || d.name === process.env.BENCH_DATABASE)) {
  const env = size === 'large' ? { SEED: 'large', ...(database.name === 'pglite' ? { PGLITE_DIR: mkdtempSync(join(tmpdir(), 'bench-check-')) } : {}) } : {};
  const loading = Date.now();
  const hub = await startTestHub(database, env);
  try {
    const keys = await createTestConsumers(hub.hub.knex);
    const headers = asConsumer(keys.bidding, 'BIDDING', 'BENCH-E440305');
    // Subjects with records, half of them judgment defaulters or listed where the data has them, varied per run.
    const pool = (await hub.hub.knex('organisations').whereIn('uscc', hub.hub.knex('credit_records').select('subject_uscc'))
      .orderByRaw('md5(uscc)').limit(SUBJECTS * (RUNS + WARMUP)).pluck('uscc')) as string[];
    const timings: number[] = [];
    let evidence = 0;
    for (let i = 0; i < RUNS + WARMUP; i += 1) {
      const start = (i * SUBJECTS) % Math.max(1, pool.length - SUBJECTS);
      const subjects = pool.slice(start, start + SUBJECTS).map((uscc, n) => ({ uscc, role: n % 5 === 0 ? 'CONSORTIUM_MEMBER' : 'SUPPLIER' }));
      const began = process.hrtime.bigint();
      const { body } = await hub.query<{ runCreditCheck: { subjects: { evidence: unknown[] }[] } }>(RUN, { input: { subjects, purpose: 'BIDDING' } }, headers);
      const ms = Number(process.hrtime.bigint() - began) / 1e6;
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      if (i >= WARMUP) {
        timings.push(ms);
        evidence += body.data.runCreditCheck.subjects.reduce((n, s) => n + s.evidence.length, 0);
      }
    }
    timings.sort((a, b) => a - b);
    const [{ n: records }] = (await hub.hub.knex('credit_record_versions').count({ n: '*' })) as [{ n: string }];
    console.log(JSON.stringify({
      database: database.name, size, recordVersions: Number(records), subjectsPerCheck: SUBJECTS, runs: RUNS,
      evidencePerCheck: Math.round((evidence / RUNS) * 10) / 10, p50Ms: pct(timings, 50), p95Ms: pct(timings, 95),
      maxMs: Math.round(timings[timings.length - 1]! * 10) / 10, setupSeconds: Math.round((Date.now() - loading) / 100) / 10,
    }));
  } finally {
    await hub.close();
  }
}
