import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../ledgerHash.js';

/**
 * One signed checkpoint of the audit ledger's head, as one JSON line of the checkpoint file an auditor
 * keeps outside the hub's database: the ledger had `entries` entries, the last (`lastSeq`) with entry_hash
 * `headHash`, at `signedAt`; `signature` is Ed25519 (base64url) over the canonical JSON of the other
 * fields, by the key whose id is `keyId`.
 */
export interface LedgerCheckpoint {
  lastSeq: number;
  entries: number;
  headHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** The ledger head a checkpoint anchors. */
export interface LedgerHead {
  seq: number;
  entryHash: string;
}

/** A checkpoint key is not an Ed25519 key, or a checkpoint line is malformed: says what to fix. */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/** Id of a public key: the first 16 hex digits of the SHA-256 of its SPKI DER encoding. */
export function checkpointKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Reads an Ed25519 private key (PKCS#8 PEM); throws CheckpointError naming `source` when it is not one. */
export function readCheckpointPrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new CheckpointError(`${source}: not a private key in PEM (${(error as Error).message}); generate one with \`openssl genpkey -algorithm ed25519\``);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CheckpointError(`${source}: a ${key.asymmetricKeyType} key; checkpoints are signed with Ed25519 (\`openssl genpkey -algorithm ed25519\`)`);
  return key;
}

/** Reads an Ed25519 public key (SPKI PEM, or the private key it belongs to); throws CheckpointError naming `source`. */
export function readCheckpointPublicKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new CheckpointError(`${source}: not a public key in PEM (${(error as Error).message}); export it with \`openssl pkey -in key.pem -pubout\``);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CheckpointError(`${source}: a ${key.asymmetricKeyType} key; checkpoints are verified with Ed25519`);
  return key;
}

const signedPart = (c: Omit<LedgerCheckpoint, 'signature'>): Buffer => Buffer.from(canonicalJson({
  lastSeq: c.lastSeq, entries: c.entries, headHash: c.headHash, signedAt: c.signedAt, keyId: c.keyId,
}), 'utf8');

/** Signs the checkpoint of `head` at `now` with an Ed25519 private key. */
export function signCheckpoint(head: LedgerHead, privateKey: KeyObject, now: Date): LedgerCheckpoint {
  const unsigned = { lastSeq: head.seq, entries: head.seq, headHash: head.entryHash, signedAt: now.toISOString(), keyId: checkpointKeyId(createPublicKey(privateKey)) };
  return { ...unsigned, signature: sign(null, signedPart(unsigned), privateKey).toString('base64url') };
}

/** True when `checkpoint` was signed by the private key of `publicKey` and is unchanged since. */
export function checkpointSignatureValid(checkpoint: LedgerCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== checkpointKeyId(publicKey)) return false;
  return verify(null, signedPart(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
}

/** Parses the JSON lines of a checkpoint file (blank lines skipped); throws CheckpointError naming the line. */
export function parseCheckpoints(text: string): LedgerCheckpoint[] {
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let value: Partial<LedgerCheckpoint>;
    try {
      value = JSON.parse(line) as Partial<LedgerCheckpoint>;
    } catch {
      throw new CheckpointError(`checkpoint file line ${index + 1}: not JSON`);
    }
    const wellFormed = Number.isSafeInteger(value.lastSeq) && Number.isSafeInteger(value.entries) && typeof value.headHash === 'string'
      && typeof value.signedAt === 'string' && typeof value.keyId === 'string' && typeof value.signature === 'string';
    if (!wellFormed) throw new CheckpointError(`checkpoint file line ${index + 1}: expected lastSeq, entries, headHash, signedAt, keyId and signature`);
    return [value as LedgerCheckpoint];
  });
}
