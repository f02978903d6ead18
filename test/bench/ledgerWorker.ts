import { createKnex } from '../../db/connection.js';
import { KnexAuditLedger, type AuditEntryInput } from '../../src/governance/index.js';

// One process of `npm run bench:ledger`: `concurrency` loops append audited-read entries to the ledger at
// DATABASE_URL for `durationMs`, as that many concurrent audited requests would; prints how many committed.
const [url, concurrency, durationMs, tag] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), process.argv[5] ?? 'w'];
const knex = createKnex({ kind: 'postgres', url, poolMax: 10 }, { warn() {}, error() {}, deprecate() {}, debug() {} });
const ledger = KnexAuditLedger.create(knex);
const entry = (n: number): AuditEntryInput => ({
  consumerId: null, purpose: 'BIDDING', caseReference: `BENCH-${tag}-${n}`, operationName: 'Bids',
  documentHash: 'a'.repeat(64), fieldsRead: ['Enterprise.bids', 'Query.subject'], subjectUsccs: ['91440300MA5E9NHA04'], outcome: 'OK',
});
// Start together: the parent sends "go" once every worker is connected.
await knex.raw('select 1');
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const until = Date.now() + durationMs;
let committed = 0;
let failed = 0;
let firstError: string | null = null;
await Promise.all(Array.from({ length: concurrency }, async (_, loop) => {
  for (let n = 0; Date.now() < until; n++) {
    try {
      await ledger.append(entry(loop * 1_000_000 + n));
      committed += 1;
    } catch (error) {
      failed += 1;
      firstError ??= (error as Error).message;
    }
  }
}));
process.stdout.write(`${JSON.stringify({ committed, failed, firstError })}\n`);
await knex.destroy();
