import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts citizen ID numbers for storage and derives the keyed hash used to join on them. */
export interface IdNumberVault {
  /** AES-256-GCM: 12-byte IV ‖ 16-byte tag ‖ ciphertext. A fresh IV each call. */
  encrypt(idNumber: string): Buffer;
  /** Reverses `encrypt`; throws if the data was altered or made with another key. */
  decrypt(sealed: Buffer): string;
  /** HMAC-SHA256 (hex) of the normalised number: equal numbers give equal hashes under one key. */
  hash(idNumber: string): string;
}

/**
 * Creates a vault from a 32-byte master key given as 64 hex characters. The encryption and hashing keys
 * are derived separately (HKDF-SHA256), so the join hash reveals nothing about the encryption key.
 */
export function createIdNumberVault(masterKeyHex: string): IdNumberVault {
  if (!/^[0-9a-fA-F]{64}$/.test(masterKeyHex)) {
    throw new Error('the data key must be 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`');
  }
  const master = Buffer.from(masterKeyHex, 'hex');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const encryptionKey = derive('chengxin-hub id-number encryption v1');
  const hashKey = derive('chengxin-hub id-number join hash v1');
  return {
    encrypt(idNumber) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(idNumber.toUpperCase(), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(idNumber) {
      return createHmac('sha256', hashKey).update(idNumber.toUpperCase()).digest('hex');
    },
  };
}

/**
 * The key used when none is configured outside production. Public by design: sample data only.
 * Production refuses to start without CHENGXIN_DATA_KEY (see src/hub/config.ts).
 */
export const DEVELOPMENT_DATA_KEY = '6368656e6778696e2d6875622d646576656c6f706d656e742d6b65792d303031';
