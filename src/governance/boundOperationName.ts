import { createHash } from 'node:crypto';
import type { AuditEntryInput } from './AuditLedger.js';

/** The most characters of an operation name the ledger keeps (the ledger is append-only and never purged). */
export const MAX_OPERATION_NAME_LENGTH = 200;

/**
 * The entry with its operation name cut to MAX_OPERATION_NAME_LENGTH characters; a longer name leaves its
 * length and SHA-256 in `details.operationName`, so what the caller sent can still be proven. Shorter
 * names pass unchanged.
 */
export function boundOperationName(input: AuditEntryInput): AuditEntryInput {
  const name = input.operationName;
  if (name === null || name === undefined || name.length <= MAX_OPERATION_NAME_LENGTH) return input;
  const kept = name.slice(0, MAX_OPERATION_NAME_LENGTH);
  // Never store half of a character outside the Basic Multilingual Plane.
  const cut = /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept;
  return {
    ...input,
    operationName: cut,
    details: { ...input.details, operationName: { length: name.length, sha256: createHash('sha256').update(name, 'utf8').digest('hex') } },
  };
}
