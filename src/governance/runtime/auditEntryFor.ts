import { hashDocument } from '../apiKeys.js';
import type { AuditEntryInput, AuditOutcome } from '../AuditLedger.js';
import type { RequestGovernance } from './RequestGovernance.js';

/** What the ledger records of the operation besides the trail. */
export interface AuditedOperation {
  operationName: string | null;
  /** The text that ran; null when unknown. */
  source: string | null;
  mutation: boolean;
  /** Whether the result carried errors. */
  failed: boolean;
}

/**
 * The ledger entry for one operation's result (or one event of a subscription), or null when nothing in it
 * needs one: no conditional or restricted read, no refusal, not a mutation. One rule for queries over HTTP,
 * subscription events and webhook deliveries.
 */
export function auditEntryFor(governance: RequestGovernance, operation: AuditedOperation): AuditEntryInput | null {
  const { trail, caller } = governance;
  if (trail.fieldsRead.size === 0 && trail.forbidden.size === 0 && !operation.mutation) return null;
  const outcome: AuditOutcome = trail.forbidden.size > 0
    ? (trail.fieldsRead.size > 0 ? 'PARTIAL' : 'FORBIDDEN')
    : operation.failed ? 'PARTIAL' : 'OK';
  return {
    consumerId: caller.consumer?.id ?? null,
    purpose: caller.purpose,
    caseReference: caller.caseReference,
    operationName: operation.operationName,
    documentHash: operation.source === null ? null : hashDocument(operation.source),
    fieldsRead: [...trail.fieldsRead].sort(),
    subjectUsccs: [...trail.subjectUsccs].sort(),
    civilServantIds: [...trail.civilServantIds].sort(),
    outcome,
    details: {
      ...(trail.forbidden.size > 0 ? { forbidden: [...trail.forbidden].sort() } : {}),
      ...(trail.ids.size > 0 ? { ids: Object.fromEntries([...trail.ids].sort(([a], [b]) => a.localeCompare(b)).map(([type, set]) => [type, [...set].sort()])) } : {}),
    },
  };
}

/** Empties the trail, so the next event of a subscription is audited on its own. */
export function clearTrail(governance: RequestGovernance): void {
  const { trail } = governance;
  trail.fieldsRead.clear();
  trail.subjectUsccs.clear();
  trail.civilServantIds.clear();
  trail.ids.clear();
  trail.forbidden.clear();
}
