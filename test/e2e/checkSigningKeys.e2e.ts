import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyCheckJws } from '../../src/workflows/creditChecks/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const TENDER = 'E440304202500018001';
const RUN = 'mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) { id keyId signedResult } }';
const DATA_KEY = '5e'.repeat(32);
const ROOT = new URL('../..', import.meta.url).pathname;

// `npm run verify-check -- …` exactly as the README writes it, run in `dir` (npm finds the project with --prefix;
// the CLI reads paths and the pin file relative to the directory it was run in).
async function npmVerifyCheck(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const env = { ...process.env, CREDIT_CHECK_JWKS: '', CREDIT_CHECK_KEYS_FILE: '', CREDIT_CHECK_KEY_PINS: '' };
    const { stdout, stderr } = await promisify(execFile)('npm', ['--prefix', ROOT, '--silent', 'run', 'verify-check', '--', ...args], { cwd: dir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('a check signed before a restart of the in-memory hub verifies after it, offline against the pinned key set', () => {
  const pglite = TEST_DATABASES.find((d) => d.name === 'pglite')!;
  const dir = mkdtempSync(join(tmpdir(), 'bid-committee-'));
  let hub: TestHub | null = null;
  afterAll(async () => hub?.close());

  it('start, check, stop; start again with the same CHENGXIN_DATA_KEY: the key set published now verifies the old check; pinned, it verifies with the hub stopped', async () => {
    hub = await startTestHub(pglite, { CHENGXIN_DATA_KEY: DATA_KEY });
    const first = await createTestConsumers(hub.hub.knex);
    const { body } = await hub.query<{ runCreditCheck: { id: string; keyId: string; signedResult: string } }>(RUN,
      { input: { purpose: 'BIDDING', tenderCode: TENDER } }, asConsumer(first.bidding, 'BIDDING', TENDER));
    expect(body.errors).toBeUndefined();
    const check = body.data!.runCreditCheck;
    await hub.close();

    // A new in-memory database: nothing of the first run survives but the data key.
    hub = await startTestHub(pglite, { CHENGXIN_DATA_KEY: DATA_KEY });
    expect(await hub.hub.knex('credit_checks').count({ n: '*' })).toEqual([{ n: 0 }]);
    const published = (await (await fetch(`${hub.hub.url}/.well-known/credit-check-keys`)).json()) as { keys: { kid: string }[] };
    expect(published.keys.map((k) => k.kid)).toEqual([check.keyId]);
    expect(verifyCheckJws(check.signedResult, published)).toMatchObject({ ok: true, kid: check.keyId, payload: { checkId: check.id, reference: TENDER } });

    // The bid committee pins the hub's key set once, then the hub goes away.
    writeFileSync(join(dir, 'check.jws'), check.signedResult);
    const pin = await npmVerifyCheck(dir, ['--pin', hub.hub.url]);
    expect(pin.code).toBe(0);
    expect(pin.stdout).toContain(`pinned 1 key in ${join(dir, '.chengxin/credit-check-keys.json')} (1 new from ${hub.hub.url}):\n  ${check.keyId} (new)\n`);
    await hub.close();
    hub = null;

    const verified = await npmVerifyCheck(dir, ['check.jws']);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`"checkId": "${check.id}"`);
    expect(verified.stdout).toContain(`OK: signature valid (key ${check.keyId}, key set ${join(dir, '.chengxin/credit-check-keys.json')})`);
  }, 300_000);

  it('without a pin, verify-check says how to pin instead of trusting anything', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'no-pin-'));
    writeFileSync(join(elsewhere, 'check.jws'), 'a.b.c');
    const refused = await npmVerifyCheck(elsewhere, ['check.jws']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`no pinned key set at ${join(elsewhere, '.chengxin/credit-check-keys.json')}: pin the hub's keys once with\n  npm run verify-check -- --pin https://<hub>/`);
  }, 60_000);
});
