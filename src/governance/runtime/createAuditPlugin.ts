import type { ApolloServerPlugin } from '@apollo/server';
import { hashDocument } from '../apiKeys.js';
import type { AuditLedger, AuditOutcome } from '../AuditLedger.js';
import type { RequestGovernance } from './RequestGovernance.js';
import type { ErrorCode } from '../../codes/index.js';

/** Where a failed ledger write is reported; the hub passes its logger. */
export interface AuditFailureLog {
  error(message: string, fields: Record<string, unknown>): void;
}

/**
 * An Apollo plugin that appends one ledger entry per operation that read conditional or restricted data,
 * saw records outside the publicity window, was refused a field, or was a mutation: consumer, purpose,
 * case reference, operation name, SHA-256 of the document, field coordinates, subjects and outcome. The
 * entry is committed before the response leaves; when the ledger cannot be written, the response carries
 * no data but an AUDIT_UNAVAILABLE error (503), so nothing is ever read without evidence.
 */
export function createAuditPlugin<TContext extends { governance: RequestGovernance }>(ledger: AuditLedger, log: AuditFailureLog): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, source, response, operation, operationName }) {
          const { trail, caller } = contextValue.governance;
          const mutation = operation?.operation === 'mutation';
          if (trail.fieldsRead.size === 0 && trail.forbidden.size === 0 && !mutation) return;
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const failed = (body?.errors?.length ?? 0) > 0;
          const outcome: AuditOutcome = trail.forbidden.size > 0
            ? (trail.fieldsRead.size > 0 ? 'PARTIAL' : 'FORBIDDEN')
            : failed ? 'PARTIAL' : 'OK';
          try {
            await ledger.append({
              consumerId: caller.consumer?.id ?? null,
              purpose: caller.purpose,
              caseReference: caller.caseReference,
              operationName: operationName ?? null,
              // The text Apollo resolved and ran (never a copy from the HTTP request).
              documentHash: source === undefined ? null : hashDocument(source),
              fieldsRead: [...trail.fieldsRead].sort(),
              subjectUsccs: [...trail.subjectUsccs].sort(),
              civilServantIds: [...trail.civilServantIds].sort(),
              outcome,
              details: {
                ...(trail.forbidden.size > 0 ? { forbidden: [...trail.forbidden].sort() } : {}),
                ...(trail.ids.size > 0 ? { ids: Object.fromEntries([...trail.ids].sort(([a], [b]) => a.localeCompare(b)).map(([type, set]) => [type, [...set].sort()])) } : {}),
              },
            });
          } catch (error) {
            log.error('audit ledger write failed; response withheld', { err: error, consumer: caller.consumer?.id ?? null });
            if (body) {
              response.body = {
                kind: 'single',
                singleResult: { errors: [{ message: 'The audit ledger could not record this read, so no data is returned; try again shortly', extensions: { code: 'AUDIT_UNAVAILABLE' satisfies ErrorCode } }] },
              };
              response.http.status = 503;
            }
          }
        },
      };
    },
  };
}
