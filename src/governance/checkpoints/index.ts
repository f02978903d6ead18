export {
  CheckpointError, checkpointKeyId, checkpointSignatureValid, parseCheckpoints, readCheckpointPrivateKey, readCheckpointPublicKey, signCheckpoint,
} from './ledgerCheckpoint.js';
export type { LedgerCheckpoint, LedgerHead } from './ledgerCheckpoint.js';
export { createCheckpointWriter } from './createCheckpointWriter.js';
export type { CheckpointLog, CheckpointOptions, CheckpointWriter } from './createCheckpointWriter.js';
export { verifyCheckpoints } from './verifyCheckpoints.js';
export type { CheckpointVerification } from './verifyCheckpoints.js';
