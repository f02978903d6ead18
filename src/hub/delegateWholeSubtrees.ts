import { createDefaultExecutor, type StitchingInfo, type Subschema } from '@graphql-tools/delegate';
import { isAsyncIterable, MapperKind, mapSchema, type ExecutionResult } from '@graphql-tools/utils';
import { defaultFieldResolver, OperationTypeNode, type FieldNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { mergeBehindAnswer } from './mergeBehindAnswer.js';
import { planSubschemaSelection, type SubschemaPlan } from './planSubschemaSelection.js';

/** What the shortcut needs to know about the stitched graph. */
export interface WholeSubtreeOptions {
  /** The subschema as stitching registered it (its executor, traced or not, is the one used). */
  subschema: Subschema;
  /** Root query fields only this subschema serves. */
  rootFields: ReadonlySet<string>;
  stitchingInfo: StitchingInfo;
  /**
   * Also answer root fields whose objects need fields of other subschemas (a subject's bids): the subschema's part
   * plain, the rest merged by stitching behind it (`mergeBehindAnswer`). Only for a schema whose fields wait for such
   * merging (`resolvePlainSubtrees`).
   */
  mergeBehind?: boolean;
}

const EXTENSION = 'chengxinWholeSubtrees';

/** The options `delegateWholeSubtrees` was given for `schema` (kept through later mapping of the schema), if any. */
export function wholeSubtreeOptionsOf(schema: GraphQLSchema): WholeSubtreeOptions | undefined {
  return (schema.extensions as Record<string, unknown> | undefined)?.[EXTENSION] as WholeSubtreeOptions | undefined;
}


/**
 * Root query fields of one subschema answered without stitching's per-value work when the subschema can answer the
 * client's whole selection under them (the common case: a page of subjects with their records). The client's own
 * selection goes to the subschema's executor once — a plan per root field of each parsed document, cached — and the
 * plain answer is handed to the gateway, which resolves it with default resolvers (governance wrappers, scalars and
 * the execution budget still see every field). Stitching resolves merged values field by field: it re-parses every
 * leaf with the gateway's scalar and annotates every object, which cost as much as the subschema's own execution.
 * With `mergeBehind`, a selection whose objects also need fields of other subschemas (a subject's bids) is answered the
 * same way for the subschema's part, and stitching merges the rest behind it (`mergeBehindAnswer`). Anything else the
 * subschema cannot answer alone, and any answer carrying errors, goes the stitching way (so errors keep the paths and
 * codes stitching gives them).
 */
export function delegateWholeSubtrees(schema: GraphQLSchema, options: WholeSubtreeOptions): GraphQLSchema {
  const { subschema, rootFields, stitchingInfo, mergeBehind = false } = options;
  const execute = subschema.executor ?? createDefaultExecutor(subschema.schema);
  const plans = new WeakMap<FieldNode, SubschemaPlan | null>();
  const shortcut = mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => {
      if (!rootFields.has(fieldName)) return field;
      const stitched: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        async resolve(parent, args, context: Record<string, unknown>, info) {
          const key = info.fieldNodes[0]!;
          let plan = plans.get(key);
          if (plan === undefined) {
            plan = planSubschemaSelection(info.fieldNodes, info.operation, {
              schema: info.schema, target: subschema.schema, stitchingInfo, fragments: info.fragments, mode: 'keyed', mergeAtRoot: mergeBehind,
            });
            plans.set(key, plan);
          }
          if (!plan) return stitched(parent, args, context, info);
          const variables = Object.fromEntries(plan.variableNames.map((name) => [name, info.variableValues[name]]));
          const result = await execute({ document: plan.document, variables, context, operationType: OperationTypeNode.QUERY, rootValue: info.rootValue });
          if (isAsyncIterable(result)) return stitched(parent, args, context, info);
          const { data, errors } = result as ExecutionResult<Record<string, unknown>>;
          if (errors?.length || !data) return stitched(parent, args, context, info);
          if (plan.leftToMerging) {
            const answer = mergeBehindAnswer(data[info.fieldName], subschema, context, info, stitchingInfo);
            // The merges' batched calls go out (their loaders dispatch on the next ticks) before the gateway walks the answer.
            await new Promise((resolve) => setImmediate(resolve));
            return answer;
          }
          return data[info.fieldName];
        },
      };
    },
  });
  shortcut.extensions = { ...shortcut.extensions, [EXTENSION]: options };
  return shortcut;
}
