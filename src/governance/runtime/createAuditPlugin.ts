import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditLedger } from '../AuditLedger.js';
import { auditEntryFor } from './auditEntryFor.js';
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
          const { caller } = contextValue.governance;
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const entry = auditEntryFor(contextValue.governance, {
            operationName: operationName ?? null,
            // The text Apollo resolved and ran (never a copy from the HTTP request).
            source: source ?? null,
            mutation: operation?.operation === 'mutation',
            failed: (body?.errors?.length ?? 0) > 0,
          });
          if (!entry) return;
          try {
            await ledger.append(entry);
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
