import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../db/connection.js';
import {
  computeEntryHash, parseCheckpoints, readCheckpointPublicKey, verifyCheckpoints, verifyLedger, type LedgerCheckpoint,
} from '../../src/governance/index.js';
import { contentOf, toAuditEntry } from '../../src/governance/ledgerRows.js';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 4 (anchoring): the hub signs checkpoints of the ledger head into a file the auditors keep,
// and audit:verify, holding the ledger to them, finds deleted tail entries and a chain recomputed after an edit.

const run = promisify(execFile);
const EVERY = 2;

describe.each(TEST_DATABASES)('ledger checkpoints over HTTP on $name', (database) => {
  let hub: TestHub;
  let dir: string;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let admin: Knex;
  const publicKeyPem = { value: '' };
  const checkpointFile = () => join(dir, 'checkpoints.jsonl');
  const checkpoints = async (): Promise<LedgerCheckpoint[]> => parseCheckpoints(await readFile(checkpointFile(), 'utf8').catch(() => ''));
  const verify = async () => ({
    chain: await verifyLedger(admin),
    anchored: await verifyCheckpoints(admin, await checkpoints(), readCheckpointPublicKey(publicKeyPem.value, 'test')),
  });
  // Tampering as the database's superuser, with the ledger's triggers off: what the hub's own role cannot do.
  const tamper = (work: (trx: Knex.Transaction) => Promise<void>) => admin.transaction(async (trx) => {
    await trx.raw('SET LOCAL session_replication_role = replica');
    await work(trx);
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chengxin-checkpoints-'));
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await writeFile(join(dir, 'checkpoint-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    publicKeyPem.value = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    await writeFile(join(dir, 'checkpoint-public.pem'), publicKeyPem.value);
    hub = await startTestHub(database, {
      AUDIT_CHECKPOINT_KEY: join(dir, 'checkpoint-key.pem'), AUDIT_CHECKPOINT_FILE: checkpointFile(), AUDIT_CHECKPOINT_EVERY_ENTRIES: String(EVERY),
    }, { asRuntimeRole: true });
    admin = hub.databaseUrl ? createKnex({ kind: 'postgres', url: hub.databaseUrl }) : hub.hub.knex;
    keys = await createTestConsumers(admin);
  });
  afterAll(async () => {
    if (admin && admin !== hub?.hub.knex) await admin.destroy();
    await hub?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs a checkpoint every few audited reads, and the ledger verifies against them', async () => {
    for (let i = 0; i < 3 * EVERY; i++) {
      const { status } = await hub.query(`query Read${i} { auditLedgerVerification { ok } }`, undefined, asConsumer(keys.auditor, 'AUDIT', `SJ-${i}`));
      expect(status).toBe(200);
    }
    // The file is written after the response: wait for the last checkpoint to land.
    for (let tries = 0; tries < 100 && !(await checkpoints()).some((c) => c.lastSeq === 3 * EVERY); tries++) await new Promise((r) => setTimeout(r, 50));
    const written = await checkpoints();
    expect(written.map((c) => [c.lastSeq, c.entries])).toEqual([[2, 2], [4, 4], [6, 6]]);
    expect(written[0]).toEqual({
      lastSeq: 2, entries: 2, headHash: expect.stringMatching(/^[0-9a-f]{64}$/), signedAt: expect.any(String), keyId: expect.stringMatching(/^[0-9a-f]{16}$/), signature: expect.any(String),
    });
    expect(await verify()).toEqual({ chain: { ok: true, entries: 6, headHash: written[2]!.headHash }, anchored: { ok: true, checkpoints: 3, anchoredSeq: 6 } });
  });

  it('finds a chain edited and recomputed after the edit, which the chain alone calls sound', async () => {
    const rows = await admin('audit_ledger').where('seq', '>=', 5).orderBy('seq');
    await tamper(async (trx) => {
      let prevHash = String(rows[0].prev_hash);
      for (const row of rows) {
        const entry = toAuditEntry(row);
        const forged = { ...entry, prevHash, caseReference: entry.seq === 5 ? 'SJ-forged' : entry.caseReference };
        const entryHash = computeEntryHash(prevHash, contentOf(forged));
        await trx('audit_ledger').where('seq', entry.seq).update({ case_reference: forged.caseReference, prev_hash: prevHash, entry_hash: entryHash });
        prevHash = entryHash;
      }
    });
    const { chain, anchored } = await verify();
    expect(chain).toMatchObject({ ok: true, entries: 6 });
    expect(anchored).toEqual({ ok: false, checkpoint: 3, seq: 6, reason: expect.stringMatching(/^entry 6 has another hash than checkpoint 3 .* the chain up to it was rewritten$/) });
  });

  it('finds entries deleted from the end, and so does npm run audit:verify', async () => {
    await tamper(async (trx) => {
      await trx('audit_ledger').where('seq', '>=', 5).delete();
    });
    const { chain, anchored } = await verify();
    expect(chain).toMatchObject({ ok: true, entries: 4 });
    expect(anchored).toEqual({ ok: false, checkpoint: 3, seq: 6, reason: expect.stringMatching(/^the ledger ends at entry 4 but checkpoint 3 .* saw entry 6: entries were deleted$/) });
    // The command an auditor runs; it needs a database another process can open (PostgreSQL here).
    if (!hub.databaseUrl) return;
    const result = await run('npx', ['tsx', 'src/governance/cli/auditVerify.ts', '--checkpoints', checkpointFile(), '--public-key', join(dir, 'checkpoint-public.pem')], { env: { ...process.env, DATABASE_URL: hub.databaseUrl } })
      .then((r) => ({ ...r, code: 0 }))
      .catch((e: { code: number; stdout: string }) => e);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, entries: 4, anchored: { ok: false, checkpoint: 3, seq: 6 } });
  }, 180_000);
});
