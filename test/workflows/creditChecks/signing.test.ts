import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCheckSigner, verifyCheckJws } from '../../../src/workflows/creditChecks/index.js';
import { jwkThumbprint } from '../../../src/workflows/signing/jwkThumbprint.js';

const pem = (): string => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const payload = { checkId: 'c0ffee00-0000-4000-8000-000000000001', subjects: [{ uscc: '914403001922038216', verdict: 'REJECT' }], note: '失信被执行人' };

/** Replaces the character at `index` with another base64url character. */
const flip = (text: string, index: number): string => text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);

describe('signed credit checks (Ed25519 JWS)', () => {
  const signer = createCheckSigner(pem());
  const jwks = { keys: [signer.publicKey] };
  const jws = signer.sign(payload);

  it('the RFC 7638 thumbprint of the RFC 8037 example key', () => {
    expect(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('a compact JWS with header {alg: EdDSA, typ, kid = thumbprint} verifies and gives the payload back', () => {
    const [header] = jws.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'credit-check+jws', kid: signer.kid });
    expect(signer.kid).toBe(jwkThumbprint(signer.publicKey));
    expect(verifyCheckJws(jws, jwks)).toEqual({ ok: true, kid: signer.kid, payload });
  });

  it.each([
    ['header', 5],
    ['payload', jws.indexOf('.') + 10],
    ['signature', jws.lastIndexOf('.') + 3],
  ])('one character changed in the %s fails', (_part, index) => {
    const result = verifyCheckJws(flip(jws, index), jwks);
    expect(result.ok).toBe(false);
  });

  it('every single changed byte of the payload fails', () => {
    const [h, p, s] = jws.split('.') as [string, string, string];
    const bytes = Buffer.from(p, 'base64url');
    for (let i = 0; i < bytes.length; i += 7) {
      const altered = Buffer.from(bytes);
      altered[i] = altered[i]! ^ 0x01;
      expect(verifyCheckJws(`${h}.${altered.toString('base64url')}.${s}`, jwks).ok).toBe(false);
    }
  });

  it('fails with the reason: unknown key, another key under the same kid, not a JWS', () => {
    const other = createCheckSigner(pem());
    expect(verifyCheckJws(jws, { keys: [other.publicKey] })).toEqual({ ok: false, reason: `no key with kid "${signer.kid}" in the key set` });
    expect(verifyCheckJws(jws, { keys: [{ ...other.publicKey, kid: signer.kid }] })).toEqual({ ok: false, reason: `key ${signer.kid} does not match its own thumbprint` });
    expect(verifyCheckJws('abc.def', jwks)).toMatchObject({ ok: false, reason: expect.stringContaining('not a JWS') });
  });

  it('a key set keeps verifying old checks after a rotation', () => {
    const next = createCheckSigner(pem());
    expect(verifyCheckJws(jws, { keys: [next.publicKey, signer.publicKey] }).ok).toBe(true);
  });

  it('refuses a key that is not Ed25519, naming the fix', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => createCheckSigner(rsa)).toThrow(/must be an Ed25519 key \(openssl genpkey -algorithm ed25519\), got rsa/);
  });

  it('without a key, one is made per process', () => {
    expect(createCheckSigner(null).kid).toBe(createCheckSigner(null).kid);
  });
});
