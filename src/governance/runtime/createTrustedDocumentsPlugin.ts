import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { codedError, type ErrorCode, type ErrorExtensions } from '../../codes/index.js';
import { hashDocument } from '../apiKeys.js';
import type { RequestGovernance } from './RequestGovernance.js';

/** Whether a consumer registered the document with this SHA-256 hex (`ConsumerStore.isTrustedDocument`). */
export type IsTrustedDocument = (consumerId: string, documentHash: string) => Promise<boolean>;

function refusal(code: ErrorCode, message: string, status: number, extensions: ErrorExtensions = {}): GraphQLError {
  return codedError(code, message, { ...extensions, http: { status } });
}

/**
 * An Apollo plugin holding a trusted-documents-only consumer to its registered operations. It checks the
 * SHA-256 of `requestContext.source` — the exact text Apollo goes on to parse and execute, wherever it came
 * from — never a copy read from the HTTP request, so no other part of the request can carry the checked
 * text while another one runs. An unregistered text is refused whole with FORBIDDEN (403) naming its hash,
 * parse and validation errors included, so the hub answers nothing about a text the consumer may not run;
 * a store that cannot answer gives DATABASE_UNAVAILABLE (503). Other callers pass untouched.
 */
export function createTrustedDocumentsPlugin<TContext extends { governance: RequestGovernance }>(isTrusted: IsTrustedDocument): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let refused: GraphQLError | null = null;
      return {
        async didResolveSource({ contextValue, source }) {
          const consumer = contextValue.governance.caller.consumer;
          if (!consumer?.trustedDocumentsOnly) return;
          const hash = hashDocument(source);
          try {
            if (await isTrusted(consumer.id, hash)) return;
            refused = refusal(
              'FORBIDDEN', `operation sha256:${hash} is not in consumer ${consumer.id}'s registered manifest; register it with \`npm run consumers -- trust ${consumer.id} --file <operation.graphql>\``,
              403, { documentHash: hash },
            );
          } catch {
            // Apollo turns an error thrown here into a bare 500; refuse in the hooks that answer instead.
            refused = refusal('DATABASE_UNAVAILABLE', 'the hub cannot check the registered operations right now (its database does not answer); try again shortly', 503);
          }
        },
        async didResolveOperation() {
          if (refused) throw refused;
        },
        async didEncounterErrors({ errors }) {
          // A text that does not parse or validate never reaches didResolveOperation: its errors are
          // replaced by the refusal (Apollo formats this same array after the hook).
          if (refused && (errors.length !== 1 || errors[0] !== refused)) (errors as GraphQLError[]).splice(0, errors.length, refused);
        },
      };
    },
  };
}
