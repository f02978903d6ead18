import { createPrivateKey, hkdfSync } from 'node:crypto';

/** The HKDF `info` label: a key derived for another use from the same data key never equals this one. */
export const CHECK_KEY_DERIVATION_INFO = 'chengxin-hub/credit-check-signing-key/ed25519/v1';

// DER prefix of a PKCS#8 Ed25519 private key (RFC 8410 §7): SEQUENCE { version 0, AlgorithmIdentifier
// { 1.3.101.112 }, OCTET STRING { OCTET STRING (32-byte seed) } }; the seed follows.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The Ed25519 private key (PKCS#8 PEM) derived from the hub's data key (`dataKeyHex`, 64 hex characters):
 * HKDF-SHA256 with an empty salt and the fixed info CHECK_KEY_DERIVATION_INFO gives the 32-byte seed. The same
 * data key always gives the same key, so checks signed before a restart verify after it, also on the
 * in-memory database. For development and tests only: production sets CREDIT_CHECK_SIGNING_KEY (src/hub/config.ts).
 */
export function deriveCheckSigningKey(dataKeyHex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(dataKeyHex)) throw new Error('the data key must be 64 hexadecimal characters (32 bytes) to derive the check signing key from');
  const seed = Buffer.from(hkdfSync('sha256', Buffer.from(dataKeyHex, 'hex'), Buffer.alloc(0), CHECK_KEY_DERIVATION_INFO, 32));
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}
