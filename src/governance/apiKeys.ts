import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An API key split into its public id (stored, shown in lists) and its secret (only the hash is stored). */
export interface ApiKeyParts {
  keyId: string;
  secret: string;
}

const KEY_PATTERN = /^cxk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * A new key `cxk_<keyId>_<secret>`: keyId is 8 random bytes in hex, the secret 32 random bytes in base64url.
 * The caller shows `apiKey` once and stores only `keyId` and `hashSecret(secret)`.
 */
export function generateApiKey(): ApiKeyParts & { apiKey: string } {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, apiKey: `cxk_${keyId}_${secret}` };
}

/** Splits a key as sent in `Authorization: Bearer <key>`; null when it is not of the `cxk_` form. Never throws. */
export function parseApiKey(apiKey: string): ApiKeyParts | null {
  const match = KEY_PATTERN.exec(apiKey.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

/** SHA-256 of the secret as 64 lowercase hex digits (what consumer_api_keys.secret_hash holds). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** SHA-256 hex of a GraphQL document's exact text: the hash clients send for a trusted document. */
export function hashDocument(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/**
 * True when `secret` hashes to `expectedHash`. Compares the two digests in constant time, so the time
 * taken says nothing about how much of a guessed secret was right; false for a malformed hash.
 */
export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  const wellFormed = /^[0-9a-f]{64}$/.test(expectedHash);
  // A malformed hash is still compared (against zeros) so that both paths take the same time.
  const expected = wellFormed ? Buffer.from(expectedHash, 'hex') : Buffer.alloc(32);
  return timingSafeEqual(actual, expected) && wellFormed;
}
