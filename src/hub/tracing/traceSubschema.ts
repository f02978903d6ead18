import { createDefaultExecutor, type SubschemaConfig } from '@graphql-tools/delegate';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { SpanKind } from '@opentelemetry/api';
import { withSpan } from './hubTracer.js';

/**
 * The same subschema with each delegation to it (one batched call of its executor) in a span
 * `delegate <name>` carrying the operation type and the root fields asked. A subscription's event stream
 * is passed through; its span covers the subscribe call.
 */
export function traceSubschema(config: SubschemaConfig, name: string): SubschemaConfig {
  const execute: Executor = config.executor ?? createDefaultExecutor(config.schema);
  const traced: Executor = (request: ExecutionRequest) => {
    const operation = request.operationType ?? 'query';
    const fields = request.document.definitions.flatMap((definition) => (definition.kind === 'OperationDefinition'
      ? definition.selectionSet.selections.flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : []))
      : []));
    return withSpan(`delegate ${name}`, { 'graphql.operation.type': operation, 'chengxin.subschema': name, 'chengxin.root_fields': fields }, async () => execute(request), SpanKind.INTERNAL);
  };
  return { ...config, executor: traced };
}
