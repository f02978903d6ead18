import { createHash } from 'node:crypto';

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

/**
 * The RFC 7638 thumbprint of an Ed25519 public JWK: SHA-256 over the required members in lexicographic
 * order with no whitespace (`{"crv":…,"kty":…,"x":…}`), base64url without padding.
 */
export function jwkThumbprint(jwk: Ed25519PublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}
