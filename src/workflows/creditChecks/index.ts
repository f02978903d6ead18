export { createCreditCheckWorkflow } from './createCreditCheckWorkflow.js';
export { verifyCheckJws, type CheckVerification } from './signing/verifyCheckJws.js';
export { createCheckSigner, CHECK_JWS_TYPE, type CheckSigner, type CheckPublicKey } from './signing/createCheckSigner.js';
export { deriveCheckSigningKey } from './signing/deriveCheckSigningKey.js';
export { CHECK_KEYS_PATH } from './createJwksRoute.js';
export type { TenderSource, SourceTender, SourceParty } from './TenderSource.js';
