import {
  annotateExternalObject, EMPTY_OBJECT, FIELD_SUBSCHEMA_MAP_SYMBOL, getActualFieldNodes, getCoercedVariableValues, handleResolverResult,
  leftOverByDelegationPlan, mergeFields, UNPATHED_ERRORS_SYMBOL, type ExternalObject, type MergedTypeInfo, type StitchingInfo, type Subschema,
} from '@graphql-tools/delegate';
import { isPromise } from '@graphql-tools/utils';
import { getNamedType, isCompositeType, Kind, responsePathAsArray, type GraphQLError, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

interface Merging {
  /** Fulfils when every merge of the object is done; rejects as stitching's merging rejected. */
  all: Promise<unknown>;
  /** Per response key, the merge that brings it (when the merge ran in one stage). */
  byKey: Map<string, Promise<unknown>>;
  done: boolean;
}

const mergings = new WeakMap<object, Merging>();

/** Response keys a merge's selection set brings to the object. */
function keysOf(selectionSet: SelectionSetNode, into: string[] = []): string[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) keysOf(selection.selectionSet, into);
  }
  return into;
}

/** Settles when `promise` does, never rejecting (a merge places its failure in the object). */
const quietly = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, () => undefined);

/**
 * Stitching's `mergeFields` for a plan of one stage without left-over fields (the common case: every other subschema
 * merges by key alone), keeping each subschema's merge apart so that a field waits only for the merge that brings it.
 * Other plans run through `mergeFields` itself. The merges are stitching's own: its batched resolvers, and
 * `handleResolverResult` placing values and errors in the object.
 */
function startMerging(merged: MergedTypeInfo, object: ExternalObject, subschema: Subschema, context: Record<string, unknown>, info: GraphQLResolveInfo): Merging | undefined {
  const variableValues = getCoercedVariableValues(info.variableValues);
  const fieldNodes = info.fieldNodes.length === 1 ? getActualFieldNodes(info.fieldNodes[0]!) : [...info.fieldNodes];
  const stages = merged.delegationPlanBuilder(
    info.schema, subschema,
    variableValues && Object.keys(variableValues).length > 0 ? variableValues : EMPTY_OBJECT as Record<string, unknown>,
    Object.keys(info.fragments).length > 0 ? info.fragments : EMPTY_OBJECT as GraphQLResolveInfo['fragments'],
    fieldNodes, context, info,
  );
  if (stages.length !== 1 || leftOverByDelegationPlan.get(stages)) {
    const result = mergeFields(merged, object, subschema, context, info);
    if (!isPromise(result)) return undefined;
    const all = Promise.resolve(result);
    return { all, byKey: new Map(), done: false };
  }
  const path = responsePathAsArray(info.path) as Array<string | number>;
  const errors = object[UNPATHED_ERRORS_SYMBOL];
  const fieldSubschemas = object[FIELD_SUBSCHEMA_MAP_SYMBOL];
  const byKey = new Map<string, Promise<unknown>>();
  const jobs: Promise<unknown>[] = [];
  for (const [target, selectionSet] of stages[0]!) {
    const resolver = merged.resolvers.get(target);
    if (!resolver) continue;
    const type = target.transformedSchema.getType(object.__typename);
    const settle = (result: unknown) => handleResolverResult(result, target, selectionSet, object, fieldSubschemas, info, path, errors);
    let job: Promise<unknown>;
    try {
      const result: unknown = resolver(object, context, info, target, selectionSet, undefined, type as never);
      if (!isPromise(result)) {
        settle(result);
        continue;
      }
      job = Promise.resolve(result).then(settle, settle);
    } catch (error) {
      settle(error);
      continue;
    }
    jobs.push(job);
    const keys = keysOf(selectionSet);
    // Once this merge is done its keys no longer wait (a key it did not bring falls to the object's other merges).
    const brought = quietly(job).then(() => { for (const key of keys) byKey.delete(key); });
    for (const key of keys) byKey.set(key, brought);
  }
  if (jobs.length === 0) return undefined;
  return { all: Promise.all(jobs), byKey, done: false };
}

/**
 * Starts stitching's type merging for each object of a root field's plain answer from `subschema` (a page of subjects
 * from the credit store) and returns the answer at once, its objects annotated as stitching annotates them. Stitching
 * resolves an object only once all its merges are done; here the gateway resolves what the subschema gave while the
 * other subschemas are still being asked, and a field waits only for the merge that brings it (`mergingOf`): a
 * subject's bids are walked, and their tenderers looked up, as soon as the bidding platform has answered. The merges
 * are stitching's own, batched per level, with the same errors placed in the object.
 */
export function mergeBehindAnswer(value: unknown, subschema: Subschema, context: Record<string, unknown>, info: GraphQLResolveInfo, stitchingInfo: StitchingInfo): unknown {
  const unpathedErrors: GraphQLError[] = [];
  const returnType = getNamedType(info.returnType);
  const start = (item: unknown): void => {
    if (item === null || typeof item !== 'object' || item instanceof Error) return;
    if (Array.isArray(item)) {
      item.forEach(start);
      return;
    }
    const object = annotateExternalObject(item as ExternalObject, unpathedErrors, subschema, Object.create(null) as Record<string, Subschema>);
    const merged = stitchingInfo.mergedTypes[typeof object.__typename === 'string' ? object.__typename : returnType.name];
    if (!merged?.targetSubschemas.get(subschema)?.length) return;
    const merging = startMerging(merged, object, subschema, context, info);
    if (!merging) return;
    merging.all = merging.all.then(() => { merging.done = true; });
    // A merging nobody waits for (no field of it selected on this object after all) must not be reported unhandled.
    merging.all.catch(() => undefined);
    mergings.set(object, merging);
  };
  if (isCompositeType(returnType)) start(value);
  return value;
}

/**
 * The merge still running that brings `responseKey` to `object` (or, when unknown, all of the object's merges started by
 * `mergeBehindAnswer`), if any: fulfils when it is done; rejects only as stitching's own merging rejected.
 */
export function mergingOf(object: object, responseKey: string): Promise<unknown> | undefined {
  const merging = mergings.get(object);
  if (!merging || merging.done) return undefined;
  return merging.byKey.get(responseKey) ?? merging.all;
}
