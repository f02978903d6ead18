import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { createDefaultExecutor } from '@graphql-tools/delegate';
import { isAsyncIterable, type ExecutionResult } from '@graphql-tools/utils';
import { Kind, OperationTypeNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { performance } from 'node:perf_hooks';
import { budgetExcessOf, overBudgetErrors, seesAllRecords, type FieldGuard, type OperationLimits } from '../governance/index.js';
import type { HubContext } from './createAdmission.js';
import { wholeSubtreeOptionsOf } from './delegateWholeSubtrees.js';
import { planSubschemaSelection, type SubschemaPlan } from './planSubschemaSelection.js';

/** A query the credit subschema answers for the client as it is. */
interface AnswerPlan extends SubschemaPlan {
  /** It lists records: only for callers who do not see records outside the publicity window (that read is audited). */
  disclosesRecords: boolean;
}

// The plan of an operation whose every root field the subschema serves and whose every field it answers alone with
// nothing for governance to do, or null.
function planOf(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, guards: ReadonlyMap<string, FieldGuard>): AnswerPlan | null {
  const options = wholeSubtreeOptionsOf(schema);
  if (!options) return null;
  const roots = operation.selectionSet.selections;
  if (!roots.every((root): root is FieldNode => root.kind === Kind.FIELD && options.rootFields.has(root.name.value))) return null;
  const plan = planSubschemaSelection(roots, operation, { schema, target: options.subschema.schema, stitchingInfo: options.stitchingInfo, fragments, mode: 'exact' });
  if (!plan) return null;
  let disclosesRecords = false;
  for (const coordinate of plan.coordinates) {
    const guard = guards.get(coordinate);
    if (guard?.gated || guard?.field.personal) return null;
    if (guard?.disclosesRecords) disclosesRecords = true;
  }
  return { ...plan, disclosesRecords };
}

/**
 * An Apollo Server plugin that has the credit subschema answer a query for the client directly when the gateway would
 * add nothing: every root field is one only the credit store serves, every field below is the store's own (no field
 * another subschema adds, no declared selection set, no directive but skip/include), and none is one governance
 * guards for this caller — no gate, no personal data, no list of records read with full disclosure. The gateway would
 * otherwise walk the store's answer a second time, field by field, to change nothing. The answer is held to the
 * execution budget as execution would be (values counted in the answer, the time it took). Any other operation, and
 * any answer carrying an error, is executed by the gateway as usual, so errors keep the gateway's paths and codes.
 */
export function createSubschemaAnswerPlugin(guards: ReadonlyMap<string, FieldGuard>, limits: OperationLimits): ApolloServerPlugin<HubContext> {
  const plans = new WeakMap<OperationDefinitionNode, AnswerPlan | null>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, schema, document, contextValue, request }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return null;
          let plan = plans.get(operation);
          if (plan === undefined) {
            const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
            plan = planOf(schema, operation, fragments, guards);
            plans.set(operation, plan);
          }
          if (!plan || (plan.disclosesRecords && seesAllRecords(contextValue.governance))) return null;
          const { subschema } = wholeSubtreeOptionsOf(schema)!;
          const execute = subschema.executor ?? createDefaultExecutor(subschema.schema);
          const given = request.variables ?? {};
          const variables = Object.fromEntries(plan.variableNames.filter((name) => name in given).map((name) => [name, given[name]]));
          const started = performance.now();
          const result = await execute({ document: plan.document, variables, context: contextValue, operationType: OperationTypeNode.QUERY });
          if (isAsyncIterable(result)) return null;
          const { data, errors } = result as ExecutionResult;
          if (errors?.length || !data) return null;
          const excess = budgetExcessOf(limits, data, performance.now() - started);
          if (excess) return { http: { status: 400, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: overBudgetErrors(excess) } } };
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
