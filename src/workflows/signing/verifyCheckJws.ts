import { createPublicKey, verify } from 'node:crypto';
import { SIGNED_JWS_TYPES } from './createCheckSigner.js';
import { jwkThumbprint, type Ed25519PublicJwk } from './jwkThumbprint.js';

/** The outcome of verifying a signed check: the payload when the signature holds, else why not. */
export type CheckVerification =
  | { ok: true; kid: string; payload: Record<string, unknown> }
  | { ok: false; reason: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`the ${what} is not base64url-encoded JSON`);
}

/**
 * Verifies a credit check's JWS compact serialization against a JSON Web Key Set (`{ keys: [...] }`): the
 * header must be {alg: EdDSA, typ: credit-check+jws or eligibility-check+jws} with a kid found in the set, the key's own RFC 7638
 * thumbprint must equal that kid, and the Ed25519 signature must hold over the exact bytes. Never throws.
 */
export function verifyCheckJws(jws: string, jwks: unknown): CheckVerification {
  try {
    const parts = jws.trim().split('.');
    if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) {
      return { ok: false, reason: 'not a JWS compact serialization (three base64url parts separated by dots)' };
    }
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart, 'header');
    if (header.alg !== 'EdDSA') return { ok: false, reason: `algorithm ${JSON.stringify(header.alg)} is not EdDSA` };
    if (typeof header.typ !== 'string' || !SIGNED_JWS_TYPES.includes(header.typ)) return { ok: false, reason: `type ${JSON.stringify(header.typ)} is not ${SIGNED_JWS_TYPES.join(' or ')}` };
    const keys = (jwks as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) return { ok: false, reason: 'the key set has no "keys" array' };
    const jwk = keys.find((k: { kid?: unknown }) => k?.kid === header.kid) as (Ed25519PublicJwk & { kid: string }) | undefined;
    if (!jwk) return { ok: false, reason: `no key with kid ${JSON.stringify(header.kid)} in the key set` };
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return { ok: false, reason: `key ${jwk.kid} is not an Ed25519 key` };
    if (jwkThumbprint(jwk) !== jwk.kid) return { ok: false, reason: `key ${jwk.kid} does not match its own thumbprint` };
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    const signature = Buffer.from(signaturePart, 'base64url');
    // base64url decoding ignores stray characters; a re-encoding that differs means the text was altered.
    if (signature.toString('base64url') !== signaturePart) return { ok: false, reason: 'the signature part is not canonical base64url' };
    if (!verify(null, Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'), key, signature)) {
      return { ok: false, reason: `the signature does not match the header and payload (key ${jwk.kid})` };
    }
    return { ok: true, kid: jwk.kid, payload: decodeJson(payloadPart, 'payload') };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
