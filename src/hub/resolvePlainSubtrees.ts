import {
  defaultMergedResolver, getPlanLeftOverFromParent, getReceiver, getSubschema, getUnpathedErrors, isExternalObject,
  type ExternalObject, type StitchingInfo, type Subschema,
} from '@graphql-tools/delegate';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, type FieldNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { mergingOf } from './mergeBehindAnswer.js';
import { planPlainSubtree, type PlainConverter } from './planPlainSubtree.js';

interface CachedPlan {
  fieldNodes: readonly FieldNode[];
  parentType: string;
  subschema: Subschema;
  plan: PlainConverter | undefined | null;
}

const NOT_PLAIN = Symbol('not plain');

/**
 * Replaces stitching's default merged resolver so that a subtree one subschema answered alone is handed to the gateway
 * as plain data. Stitching resolves every value of a delegated answer field by field: each object is annotated, each
 * leaf re-parsed with the gateway's scalar, each merged object planned for merging — for a page of 100 subjects with
 * their records and platform data, as much work as the subschemas' own. Where the client's selection below a field needs
 * nothing from another subschema (`planPlainSubtree`, planned once per field of a parsed document), the field's value is
 * converted in one pass — the same leaves and nulls stitching would give — and the gateway walks it with default
 * resolvers; its own resolvers (links to the credit store, governance wrappers) still run on every field. Stitching keeps
 * everything else: merging, a parent with unpathed errors, deferred or incremental values. Errors inside the value stay
 * where stitching placed them and are raised by the gateway exactly as stitching's resolver would raise them. A field
 * of an object whose merging `mergeBehindAnswer` started waits for that merging first.
 */
export function resolvePlainSubtrees(schema: GraphQLSchema, stitchingInfo: StitchingInfo): GraphQLSchema {
  const proxied = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) if (field.resolve === defaultMergedResolver) proxied.add(`${type.name}.${field.name}`);
  }
  const plans = new WeakMap<FieldNode, CachedPlan[]>();
  // Objects already converted (a subject the batch loader hands to two links): converting twice would parse twice.
  const converted = new WeakSet<object>();

  const planFor = (info: GraphQLResolveInfo, subschema: Subschema): PlainConverter | undefined | null => {
    const first = info.fieldNodes[0]!;
    const cached = plans.get(first) ?? [];
    const hit = cached.find((entry) => entry.subschema === subschema && entry.parentType === info.parentType.name
      && entry.fieldNodes.length === info.fieldNodes.length && entry.fieldNodes.every((node, i) => node === info.fieldNodes[i]));
    if (hit) return hit.plan;
    const target = subschema.transformedSchema.getType(info.parentType.name);
    const targetField = target && isObjectType(target) ? target.getFields()[info.fieldName] : undefined;
    const plan = targetField
      ? planPlainSubtree(info.fieldNodes, info.returnType, subschema, { schema: info.schema, stitchingInfo, fragments: info.fragments, proxied })
      : null;
    cached.push({ fieldNodes: info.fieldNodes, parentType: info.parentType.name, subschema, plan });
    plans.set(first, cached);
    return plan;
  };

  const plainValue = (parent: ExternalObject, info: GraphQLResolveInfo): unknown => {
    const key = info.fieldNodes[0]!.alias?.value ?? info.fieldName;
    const value = parent[key];
    if (value === undefined || getUnpathedErrors(parent).length > 0 || getReceiver(parent) || getPlanLeftOverFromParent(parent)) return NOT_PLAIN;
    const subschema = getSubschema(parent, key) as Subschema | undefined;
    if (!subschema?.transformedSchema) return NOT_PLAIN;
    const plan = planFor(info, subschema);
    if (plan === null) return NOT_PLAIN;
    if (value === null || value instanceof Error || !plan) return value;
    if (typeof value !== 'object') return plan(value);
    if (!converted.has(value)) {
      plan(value);
      converted.add(value);
    }
    return value;
  };

  const resolve: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
    if (!parent) return null;
    // A plain parent (most of a large answer): what stitching's resolver does for it, without asking twice.
    if (typeof parent !== 'object' || !isExternalObject(parent as ExternalObject)) return defaultFieldResolver(parent, args, context, info);
    // A field another subschema is still being asked for (the merging started by mergeBehindAnswer).
    const key = info.fieldNodes[0]!.alias?.value ?? info.fieldName;
    const merging = (parent as ExternalObject)[key] === undefined ? mergingOf(parent, key) : undefined;
    if (merging) return merging.then(() => resolve(parent, args, context, info));
    const value = plainValue(parent as ExternalObject, info);
    if (value !== NOT_PLAIN) return value;
    return defaultMergedResolver(parent as ExternalObject, args, context as Record<string, unknown>, info);
  };

  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => (field.resolve === defaultMergedResolver ? { ...field, resolve } : field),
  });
}
