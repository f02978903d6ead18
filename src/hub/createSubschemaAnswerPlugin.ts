import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { createDefaultExecutor } from '@graphql-tools/delegate';
import { isAsyncIterable, type ExecutionResult } from '@graphql-tools/utils';
import { Kind, OperationTypeNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { performance } from 'node:perf_hooks';
import { budgetExcessOf, noteRead, overBudgetErrors, seesAllRecords, type FieldGuard, type OperationLimits, type RequestGovernance } from '../governance/index.js';
import type { HubContext } from './createAdmission.js';
import { wholeSubtreeOptionsOf } from './delegateWholeSubtrees.js';
import { MARKS, planSubschemaSelection, type SubschemaPlan } from './planSubschemaSelection.js';

/** A query the credit subschema answers for the client as it is. */
interface AnswerPlan extends SubschemaPlan {
  /** It lists records: read with full disclosure (`seesAllRecords`), that is audited. */
  disclosesRecords: boolean;
}

/** An operation's plans: for callers whose reads nothing audits, and for callers who read records with full disclosure. */
interface Plans {
  plain: AnswerPlan | null;
  audited: AnswerPlan | null;
}

// The plan of an operation whose every root field the subschema serves and whose every field it answers alone with
// nothing for governance to do but audit the lists of records (`marked`, whose parents then carry their identity), or null.
function planOf(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, guards: ReadonlyMap<string, FieldGuard>, marked?: ReadonlySet<string>): AnswerPlan | null {
  const options = wholeSubtreeOptionsOf(schema);
  if (!options) return null;
  const roots = operation.selectionSet.selections;
  if (!roots.every((root): root is FieldNode => root.kind === Kind.FIELD && options.rootFields.has(root.name.value))) return null;
  const plan = planSubschemaSelection(roots, operation, {
    schema, target: options.subschema.schema, stitchingInfo: options.stitchingInfo, fragments, mode: 'exact', ...(marked ? { marked } : {}),
  });
  if (!plan) return null;
  let disclosesRecords = false;
  for (const coordinate of plan.coordinates) {
    const guard = guards.get(coordinate);
    if (guard?.gated || guard?.field.personal) return null;
    // A root field's read is noted with its arguments, which the answer does not carry: the gateway's wrapper notes it.
    if (marked?.has(coordinate) && coordinate.startsWith(`${schema.getQueryType()?.name}.`)) return null;
    if (guard?.disclosesRecords) disclosesRecords = true;
  }
  return { ...plan, disclosesRecords };
}

// Removes the marks of `value`'s objects and notes, for each object that holds a marked field, the read of that field
// with the object's identity, as governSchema's wrapper would have when the gateway resolved it.
function takeMarks(value: unknown, plan: AnswerPlan, governance: RequestGovernance, marked: ReadonlySet<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) takeMarks(item, plan, governance, marked);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  const typeName = object[MARKS.type];
  if (typeof typeName === 'string') {
    const identity = { uscc: object[MARKS.uscc], id: object[MARKS.id] };
    for (const [key, fieldName] of plan.markedKeys) {
      if (key in object && marked.has(`${typeName}.${fieldName}`)) noteRead(governance, typeName, fieldName, identity, {}, '');
    }
    delete object[MARKS.type];
    delete object[MARKS.uscc];
    delete object[MARKS.id];
  }
  for (const key in object) takeMarks(object[key], plan, governance, marked);
}

/**
 * An Apollo Server plugin that has the credit subschema answer a query for the client directly when the gateway would
 * add nothing: every root field is one only the credit store serves, every field below is the store's own (no field
 * another subschema adds, no declared selection set, no directive but skip/include), and none is one governance
 * guards but for auditing — no gate, no personal data. A list of records read with full disclosure (`seesAllRecords`)
 * goes on the audit trail with its parent's identity as the gateway's wrapper would put it (the store's answer carries
 * each such parent's type, USCC and id under aliases, removed before the client sees it). The gateway would
 * otherwise walk the store's answer a second time, field by field, to change nothing. The answer is held to the
 * execution budget as execution would be (values counted in the answer, the time it took). Any other operation, and
 * any answer carrying an error, is executed by the gateway as usual, so errors keep the gateway's paths and codes.
 */
export function createSubschemaAnswerPlugin(guards: ReadonlyMap<string, FieldGuard>, limits: OperationLimits): ApolloServerPlugin<HubContext> {
  const plans = new WeakMap<OperationDefinitionNode, Plans>();
  const listsOfRecords = new Set([...guards].filter(([, guard]) => guard.disclosesRecords).map(([coordinate]) => coordinate));
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, schema, document, contextValue, request }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return null;
          let known = plans.get(operation);
          if (!known) {
            const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
            const plain = planOf(schema, operation, fragments, guards);
            known = { plain, audited: plain?.disclosesRecords ? planOf(schema, operation, fragments, guards, listsOfRecords) : plain };
            plans.set(operation, known);
          }
          const audited = seesAllRecords(contextValue.governance);
          const plan = audited ? known.audited : known.plain;
          if (!plan) return null;
          const { subschema } = wholeSubtreeOptionsOf(schema)!;
          const execute = subschema.executor ?? createDefaultExecutor(subschema.schema);
          const given = request.variables ?? {};
          const variables = Object.fromEntries(plan.variableNames.filter((name) => name in given).map((name) => [name, given[name]]));
          const started = performance.now();
          const result = await execute({ document: plan.document, variables, context: contextValue, operationType: OperationTypeNode.QUERY });
          if (isAsyncIterable(result)) return null;
          const { data, errors } = result as ExecutionResult;
          if (errors?.length || !data) return null;
          if (audited && plan.disclosesRecords) takeMarks(data, plan, contextValue.governance, listsOfRecords);
          const excess = budgetExcessOf(limits, data, performance.now() - started);
          if (excess) return { http: { status: 400, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: overBudgetErrors(excess) } } };
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
