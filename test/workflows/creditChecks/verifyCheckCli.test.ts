import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCheckSigner } from '../../../src/workflows/creditChecks/index.js';

const run = promisify(execFile);
const CLI = 'src/workflows/creditChecks/cli/verifyCheck.ts';

async function verify(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', CLI, ...args], { cwd: process.cwd(), env: { ...process.env, CREDIT_CHECK_JWKS: '', CREDIT_CHECK_KEY_PINS: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run verify-check (a child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-check-'));
  const signer = createCheckSigner(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const payload = { checkId: 'c0ffee00-0000-4000-8000-000000000002', reference: 'E4403052026000100', subjects: [{ uscc: '914403001922038216', verdict: 'PASS' }] };
  const checkFile = join(dir, 'check.json');
  const jwksFile = join(dir, 'jwks.json');
  const pinFile = join(dir, 'pins', 'keys.json');
  // Saved as a bid committee would: the GraphQL answer, and the key set fetched once.
  writeFileSync(checkFile, JSON.stringify({ data: { runCreditCheck: { signedResult: signer.sign(payload) } } }));
  writeFileSync(jwksFile, JSON.stringify({ keys: [signer.publicKey] }));
  const pinned = { CREDIT_CHECK_KEYS_FILE: pinFile };

  it('without a pinned key set says how to pin, exit 2', async () => {
    expect(await verify([checkFile], { CREDIT_CHECK_KEYS_FILE: join(dir, 'none.json') })).toEqual({
      code: 2, stdout: '',
      stderr: `no pinned key set at ${join(dir, 'none.json')}: pin the hub's keys once with\n  npm run verify-check -- --pin https://<hub>/   (or a saved /.well-known/credit-check-keys file)\nor set CREDIT_CHECK_JWKS to the key set (CREDIT_CHECK_KEYS_FILE moves the pin file)\n`,
    });
  }, 60_000);

  it('pins a key set once, then verifies against the pin: the payload and OK, exit 0; one flipped byte says why, exit 1', async () => {
    const pin = await verify(['--pin', jwksFile], pinned);
    expect(pin.code).toBe(0);
    expect(pin.stdout).toContain(`pinned 1 key in ${pinFile} (1 new from ${jwksFile}):\n  ${signer.kid} (new)\n`);
    expect(JSON.parse(readFileSync(pinFile, 'utf8'))).toMatchObject({ pinnedFrom: jwksFile, keys: [signer.publicKey] });

    const ok = await verify([checkFile], pinned);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('"reference": "E4403052026000100"');
    expect(ok.stdout).toContain(`OK: signature valid (key ${signer.kid}, key set ${pinFile})`);
    expect(ok.stderr).toBe('');

    const saved = readFileSync(checkFile, 'utf8');
    const jws = (JSON.parse(saved) as { data: { runCreditCheck: { signedResult: string } } }).data.runCreditCheck.signedResult;
    const [h, p, s] = jws.split('.') as [string, string, string];
    const bytes = Buffer.from(p, 'base64url');
    bytes[20] = bytes[20]! ^ 0x01;
    const tampered = join(dir, 'tampered.jws');
    writeFileSync(tampered, `${h}.${bytes.toString('base64url')}.${s}\n`);
    const bad = await verify([tampered], pinned);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`FAILED: the signature does not match the header and payload (key ${signer.kid}) (key set: ${pinFile})`);
    expect(bad.stdout).toBe('');
  }, 60_000);

  it('a check signed by another key does not verify against the pin, whatever key set travels with it; re-pinning after a rotation keeps the old key', async () => {
    const attacker = createCheckSigner(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const forged = join(dir, 'forged.jws');
    writeFileSync(forged, attacker.sign(payload));
    const refused = await verify([forged], pinned);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`FAILED: no key with kid "${attacker.kid}" in the key set (key set: ${pinFile})`);
    // --kid narrows the accepted keys further.
    expect((await verify([checkFile, '--kid', attacker.kid], pinned)).stderr).toContain(`FAILED: signed with key ${signer.kid}, which is not one of the accepted key ids (${attacker.kid})`);

    const rotated = join(dir, 'rotated.json');
    writeFileSync(rotated, JSON.stringify({ keys: [attacker.publicKey] }));
    const repin = await verify(['--pin', rotated], pinned);
    expect(repin.stdout).toContain(`pinned 2 keys in ${pinFile} (1 new from ${rotated}):\n  ${signer.kid}\n  ${attacker.kid} (new)\n`);
    expect((await verify([checkFile], pinned)).code).toBe(0);
    expect((await verify([forged], pinned)).code).toBe(0);
  }, 60_000);

  it('takes the key set from CREDIT_CHECK_JWKS, and warns when --jwks fetches one unpinned', async () => {
    const fromEnv = await verify([checkFile], { CREDIT_CHECK_KEYS_FILE: join(dir, 'none.json'), CREDIT_CHECK_JWKS: JSON.stringify({ keys: [signer.publicKey] }) });
    expect(fromEnv.stdout).toContain(`OK: signature valid (key ${signer.kid}, key set CREDIT_CHECK_JWKS)`);
    expect((await verify([checkFile, '--jwks', jwksFile])).code).toBe(0);
  }, 60_000);

  it.each([
    ['plain http to another machine', 'http://keys.example.org/.well-known/credit-check-keys'],
    ['another scheme', 'ftp://keys.example.org/jwks.json'],
  ])('refuses a key set over %s before fetching it, exit 2', async (_case, url) => {
    const refused = await verify([checkFile, '--jwks', url]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `refusing the key set at ${url}: fetch it over https:// (plain http:// is accepted only from this machine), or save it once and pass the file\n` });
    expect((await verify(['--pin', url], pinned)).code).toBe(2);
  }, 60_000);
});
