export {
  createCheckSigner, CHECK_JWS_TYPE, ELIGIBILITY_JWS_TYPE, SIGNED_JWS_TYPES, type CheckSigner, type CheckPublicKey,
} from './createCheckSigner.js';
export { deriveCheckSigningKey, CHECK_KEY_DERIVATION_INFO } from './deriveCheckSigningKey.js';
export { verifyCheckJws, type CheckVerification } from './verifyCheckJws.js';
export { jwkThumbprint, type Ed25519PublicJwk } from './jwkThumbprint.js';
