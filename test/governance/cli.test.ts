import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { fieldScopesOf, KnexAuditLedger, KnexConsumerStore } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';

const run = promisify(execFile);
// Each command starts tsx (and, on PGlite, reopens the database directory): seconds each on a busy machine.
const CHILD_PROCESS_TIMEOUT = 180_000;

// The CLIs run as child processes, as an operator would run them. PGlite is kept in a directory, which only
// one process may hold at a time, so the suite closes its own connection before each command there.
describe.each(TEST_DATABASES)('governance CLIs on $name', (database) => {
  let url: string | null;
  let directory: string | null = null;
  let drop: () => Promise<void>;
  let knex: Knex | null = null;
  const open = (): Knex => (knex ??= url ? createKnex({ kind: 'postgres', url }) : createKnex({ kind: 'pglite', directory: directory! }));
  const close = async (): Promise<void> => {
    await knex?.destroy();
    knex = null;
  };
  const cli = async (script: string, args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> => {
    await close();
    const env = { ...process.env, DATABASE_URL: url ?? '', PGLITE_DIR: directory ?? '' };
    const result = await run('npx', ['tsx', `src/governance/cli/${script}.ts`, ...args], { env })
      .then((r) => ({ ...r, code: 0 }))
      .catch((e: { code: number; stdout: string; stderr: string }) => e);
    return { code: result.code, json: result.stdout ? JSON.parse(result.stdout) : {}, stderr: result.stderr };
  };

  beforeAll(async () => {
    const db = await database.create();
    url = db.url;
    if (!url) directory = await mkdtemp(join(tmpdir(), 'chengxin-gov-cli-'));
    drop = async () => {
      await db.drop();
      if (directory) await rm(directory, { recursive: true, force: true });
    };
    await migrateToLatest(open());
  });
  afterAll(async () => {
    await close();
    await drop();
  });

  it('consumers create prints a key that authenticates, and list never shows it', async () => {
    const created = await cli('consumers', [
      'create', '--id', 'personnel-futian', '--name', 'Futian personnel office', '--kind', 'DEPARTMENT',
      '--role', 'PERSONNEL_OFFICE', '--purpose', 'CADRE_SELECTION', '--rate-limit', '30',
    ]);
    expect(created.code).toBe(0);
    const apiKey = String(created.json.apiKey);
    expect(apiKey).toMatch(/^cxk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const listed = await cli('consumers', ['list']);
    expect(JSON.stringify(listed.json)).not.toContain(apiKey.slice(-43));
    expect(await KnexConsumerStore.create(open()).authenticate(apiKey)).toMatchObject({
      id: 'personnel-futian', rateLimitPerMinute: 30,
      // --purpose grants the fields purposes.json lists for it, never the CONDITIONAL wildcard.
      grants: [...fieldScopesOf('CADRE_SELECTION')].sort().map((scope) => ({ purpose: 'CADRE_SELECTION', scope })),
    });
    expect((await cli('consumers', ['grant', 'personnel-futian', '--purpose', 'BIDDING', '--scope', 'CONDITIONAL'])))
      .toMatchObject({ code: 1, stderr: expect.stringContaining('may not be granted purpose BIDDING') });
    expect((await cli('consumers', ['grant', 'personnel-futian', '--purpose', 'AWARD_EVALUATION', '--scope', 'CONDITIONAL'])))
      .toMatchObject({ code: 1, stderr: expect.stringContaining('only the credit office (CREDIT_OFFICE_ADMIN) may hold such a wildcard') });
    expect((await cli('consumers', ['create', '--id', 'x'])).code).toBe(2);
  }, CHILD_PROCESS_TIMEOUT);

  it('audit:verify reports a sound ledger, then the exact seq of a row altered with superuser SQL', async () => {
    await KnexAuditLedger.create(open()).appendMany(Array.from({ length: 30 }, (_, i) => ({
      consumerId: 'personnel-futian', purpose: 'CADRE_SELECTION', caseReference: `GB-${i}`, outcome: 'OK' as const,
      civilServantIds: [`CS${i}`],
    })));
    const sound = await cli('auditVerify', ['--batch-size', '7']);
    expect(sound).toMatchObject({ code: 0, json: { ok: true, entries: 30, retentionYears: 5 } });

    await open().transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      await trx.raw("UPDATE audit_ledger SET case_reference = 'GB-forged' WHERE seq = 12");
    });
    const broken = await cli('auditVerify', []);
    expect(broken).toMatchObject({ code: 1, json: { ok: false, seq: 12, reason: expect.stringContaining('entry_hash') } });
  }, CHILD_PROCESS_TIMEOUT);
});
