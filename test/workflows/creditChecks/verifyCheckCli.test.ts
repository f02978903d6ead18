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

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', CLI, ...args], { cwd: process.cwd() });
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
  // Saved as a bid committee would: the GraphQL answer, and the key set fetched once.
  writeFileSync(checkFile, JSON.stringify({ data: { runCreditCheck: { signedResult: signer.sign(payload) } } }));
  writeFileSync(jwksFile, JSON.stringify({ keys: [signer.publicKey] }));

  it('prints the payload and OK, exit 0; after one byte of the payload is flipped, says why and exits 1', async () => {
    const ok = await verify(checkFile, '--jwks', jwksFile, '--pin', signer.kid);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('"reference": "E4403052026000100"');
    expect(ok.stdout).toContain(`OK: signature valid (key ${signer.kid}, pinned)`);
    expect(ok.stderr).toBe('');

    const saved = readFileSync(checkFile, 'utf8');
    const jws = (JSON.parse(saved) as { data: { runCreditCheck: { signedResult: string } } }).data.runCreditCheck.signedResult;
    const [h, p, s] = jws.split('.') as [string, string, string];
    const bytes = Buffer.from(p, 'base64url');
    bytes[20] = bytes[20]! ^ 0x01;
    const tampered = join(dir, 'tampered.jws');
    writeFileSync(tampered, `${h}.${bytes.toString('base64url')}.${s}\n`);
    const bad = await verify(tampered, '--jwks', jwksFile);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`FAILED: the signature does not match the header and payload (key ${signer.kid})`);
    expect(bad.stdout).toBe('');
  }, 60_000);

  it('warns when the key set is not pinned, and fails when the signing key is not the pinned one', async () => {
    const unpinned = await verify(checkFile, '--jwks', jwksFile);
    expect(unpinned.code).toBe(0);
    expect(unpinned.stderr).toContain(`WARNING: the key set is not pinned: anyone who can serve or edit ${jwksFile} can make a check verify. Pin the hub's key: --pin ${signer.kid}`);
    // An attacker's key set, with a check signed by the attacker: it verifies against that set, but not against the pin.
    const attacker = createCheckSigner(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const forged = join(dir, 'forged.jws');
    const forgedKeys = join(dir, 'forged-jwks.json');
    writeFileSync(forged, attacker.sign(payload));
    writeFileSync(forgedKeys, JSON.stringify({ keys: [attacker.publicKey] }));
    const refused = await verify(forged, '--jwks', forgedKeys, '--pin', signer.kid);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`FAILED: signed with key ${attacker.kid}, which is not pinned (pinned: ${signer.kid}); the key set may have been replaced`);
  }, 60_000);

  it.each([
    ['plain http to another machine', 'http://keys.example.org/.well-known/credit-check-keys'],
    ['another scheme', 'ftp://keys.example.org/jwks.json'],
  ])('refuses a key set over %s before fetching it, exit 2', async (_case, url) => {
    const refused = await verify(checkFile, '--jwks', url);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `refusing the key set at ${url}: fetch it over https:// (plain http:// is accepted only from this machine), or save it once and pass the file\n` });
  }, 60_000);
});
