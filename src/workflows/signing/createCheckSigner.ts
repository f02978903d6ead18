import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { jwkThumbprint, type Ed25519PublicJwk } from './jwkThumbprint.js';

/** The JOSE header type of a signed credit check (explicit typing, RFC 8725 §3.11). */
export const CHECK_JWS_TYPE = 'credit-check+jws';

/** The JOSE header type of a signed eligibility check (资格审查), signed by the same keys. */
export const ELIGIBILITY_JWS_TYPE = 'eligibility-check+jws';

/** Every JOSE header type the hub signs with its check keys; a verifier accepts these only. */
export const SIGNED_JWS_TYPES: readonly string[] = [CHECK_JWS_TYPE, ELIGIBILITY_JWS_TYPE];

/** A published verification key: the public JWK with its id, algorithm and use. */
export interface CheckPublicKey extends Ed25519PublicJwk {
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** Signs credit-check payloads with one Ed25519 key. */
export interface CheckSigner {
  /** RFC 7638 thumbprint of the public key. */
  kid: string;
  publicKey: CheckPublicKey;
  /** JWS compact serialization of `payload` (header {alg: EdDSA, typ, kid}); `typ` one of SIGNED_JWS_TYPES, default CHECK_JWS_TYPE. */
  sign(payload: unknown, typ?: string): string;
}

let developmentKey: KeyObject | null = null;

function privateKeyOf(pem: string | null): KeyObject {
  if (pem === null) {
    // One key per process (never logged): every hub and printHubSchema in this process signs alike.
    developmentKey ??= generateKeyPairSync('ed25519').privateKey;
    return developmentKey;
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`CREDIT_CHECK_SIGNING_KEY is not a PKCS#8 PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`CREDIT_CHECK_SIGNING_KEY must be an Ed25519 key (openssl genpkey -algorithm ed25519), got ${key.asymmetricKeyType ?? 'a symmetric key'}`);
  }
  return key;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * A signer over the Ed25519 private key `pem` (PKCS#8), or — when null, outside production — over a key
 * generated once per process. Throws when the PEM is not an Ed25519 private key.
 */
export function createCheckSigner(pem: string | null): CheckSigner {
  const privateKey = privateKeyOf(pem);
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
  const jwk: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x };
  const kid = jwkThumbprint(jwk);
  return {
    kid,
    publicKey: { ...jwk, kid, alg: 'EdDSA', use: 'sig' },
    sign(payload, typ = CHECK_JWS_TYPE) {
      if (!SIGNED_JWS_TYPES.includes(typ)) throw new Error(`cannot sign a JWS of type ${typ}: the hub signs ${SIGNED_JWS_TYPES.join(', ')} only`);
      const signingInput = `${encode({ alg: 'EdDSA', typ, kid })}.${encode(payload)}`;
      return `${signingInput}.${sign(null, Buffer.from(signingInput, 'ascii'), privateKey).toString('base64url')}`;
    },
  };
}
