export { createCreditCheckWorkflow } from './createCreditCheckWorkflow.js';
export { verifyCheckJws, type CheckVerification } from '../signing/index.js';
export { createCheckSigner, CHECK_JWS_TYPE, type CheckSigner, type CheckPublicKey } from '../signing/index.js';
export { deriveCheckSigningKey } from '../signing/index.js';
export { CHECK_KEYS_PATH } from './createJwksRoute.js';
export type { TenderSource, SourceTender, SourceParty } from './TenderSource.js';
