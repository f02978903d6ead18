import type { ValidationRule } from 'graphql';
import { measureOperationNode } from './measureOperation.js';
import { createOperationLimitError, findLimitExcesses } from './operationLimitError.js';
import type { OperationLimits } from './OperationLimits.js';

/**
 * graphql-js validation rules reporting each operation of a document that exceeds maxDepth, maxAliases
 * or maxCost, one error per limit, with `extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, max, actual }`.
 *
 * A rule sees no request, so cost uses `variables` when given (per-request validation) and otherwise the
 * operation's variable defaults and the model's assumed sizes (see `measureOperation`): in Apollo Server,
 * where rules are fixed per server and its ValidationError replaces `code` with GRAPHQL_VALIDATION_FAILED,
 * use `createOperationLimitsPlugin` instead, which checks with the request's variables.
 */
export function createOperationLimitRules(limits: OperationLimits, variables: Readonly<Record<string, unknown>> = {}): ValidationRule[] {
  const rule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const measures = measureOperationNode(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, variables);
      for (const excess of findLimitExcesses(measures, limits)) context.reportError(createOperationLimitError(excess, { nodes: operation }));
      // Nothing below the operation needs visiting: measuring walked it, fragments included.
      return false;
    },
  });
  return [rule];
}
