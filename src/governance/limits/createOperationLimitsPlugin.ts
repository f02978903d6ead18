import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { countTokens } from './countTokens.js';
import { measureOperationNode } from './measureOperation.js';
import { createOperationLimitError, describeLimitExcess, findLimitExcesses, OPERATION_LIMIT_EXCEEDED } from './operationLimitError.js';
import type { OperationLimits } from './OperationLimits.js';

/**
 * An Apollo Server plugin enforcing `limits` before execution; a request over a limit gets HTTP 400 and
 * one error `{ code: 'OPERATION_LIMIT_EXCEEDED', limit, max, actual }` naming the limit and the fix.
 *
 * - maxDepth, maxAliases, maxCost: checked in `didResolveOperation` (after validation, before execution)
 *   with the request's variables, so `first: $first` and `usccs: $usccs` are costed as sent.
 * - maxTokens: install with `new ApolloServer({ parseOptions: { maxTokens: limits.maxTokens }, … })` so the
 *   parser itself stops at the limit, before validation; this plugin then turns the parser's syntax error
 *   (GRAPHQL_PARSE_FAILED) into OPERATION_LIMIT_EXCEEDED naming maxTokens. Without that option the
 *   plugin still rejects a longer document, but only after validation.
 * - maxBodyBytes is the HTTP layer's (413 before parsing); `createOperationLimitError` words its error.
 */
export function createOperationLimitsPlugin<TContext extends BaseContext = BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, source }) {
          if (!operation) return;
          // A cached document skips the parser, and the server may lack parseOptions: count here too.
          if (countTokens(source, limits.maxTokens) > limits.maxTokens) {
            throw createOperationLimitError({ limit: 'maxTokens', max: limits.maxTokens }, { httpStatus: 400 });
          }
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const measures = measureOperationNode(schema, operation, (name) => fragments.get(name), request.variables ?? {});
          const [excess] = findLimitExcesses(measures, limits);
          if (excess) throw createOperationLimitError(excess, { nodes: operation, httpStatus: 400 });
        },
        async didEncounterErrors({ document, source, errors }) {
          // Only a document the parser gave up on, and only when it gave up because of its length.
          if (document || source === undefined || countTokens(source, limits.maxTokens) <= limits.maxTokens) return;
          const message = describeLimitExcess({ limit: 'maxTokens', max: limits.maxTokens });
          for (const error of errors) {
            if (error.extensions.code !== 'GRAPHQL_PARSE_FAILED') continue;
            // Apollo's formatting reads these after this hook (its own DisableSuggestions plugin edits
            // messages the same way); its ParseError already carries HTTP 400.
            error.message = message;
            Object.assign(error.extensions, { code: OPERATION_LIMIT_EXCEEDED, limit: 'maxTokens', max: limits.maxTokens });
          }
        },
      };
    },
  };
}
