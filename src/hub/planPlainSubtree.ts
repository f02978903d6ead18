import type { StitchingInfo, Subschema } from '@graphql-tools/delegate';
import {
  getNamedType, getNullableType, isAbstractType, isEnumType, isLeafType, isListType, isObjectType, isSpecifiedScalarType, Kind,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLLeafType, type GraphQLNamedType,
  type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';

/**
 * Turns a subschema's value of one field, in place, into what stitching's `resolveExternalValue` would make of it
 * (leaves parsed with the gateway's scalars, a value of an abstract type unknown to the gateway made null), so that the
 * gateway can resolve it with default resolvers. Errors and nulls in the value are left as they are.
 */
export type PlainConverter = (value: unknown) => unknown;

/** What a plan is made from besides the selection. */
export interface PlainPlanContext {
  /** The gateway's schema. */
  schema: GraphQLSchema;
  stitchingInfo: StitchingInfo;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** `Type.field` coordinates the gateway resolves with stitching's default merged resolver (served by a subschema). */
  proxied: ReadonlySet<string>;
}

/** No conversion is needed (leaves the gateway serialises as they come); null: the subtree is not plain. */
type Plan = PlainConverter | undefined | null;

const isGone = (value: unknown): boolean => value === null || value === undefined || value instanceof Error;

function leafPlan(type: GraphQLLeafType): Plan {
  // The subschema has serialised these with the same built-in scalar; parsing them again gives the same value.
  if (isSpecifiedScalarType(type)) return undefined;
  if (isEnumType(type) && type.getValues().every((value) => value.value === value.name)) return undefined;
  return (value) => {
    try {
      return type.parseValue(value);
    } catch {
      return null;
    }
  };
}

/** Whether every field of `selectionSet` (and what it selects) exists in the subschema's `type`. */
function providedBy(type: GraphQLNamedType | undefined, selections: readonly FieldNode[] | undefined, target: GraphQLSchema): boolean {
  if (!selections?.length) return true;
  if (!type || !isObjectType(type) && !isAbstractType(type)) return false;
  const members = isAbstractType(type) ? target.getPossibleTypes(type) : [type];
  return members.every((member) => selections.every((node) => {
    if (node.name.value === '__typename') return true;
    const field = member.getFields()[node.name.value];
    return field !== undefined && providedBy(getNamedType(field.type), node.selectionSet?.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD), target);
  }));
}

/**
 * The converter of a field's value for a subtree the subschema `subschema` answered alone, or null when the gateway
 * would have to do more than read it: a field another subschema serves (stitching would merge it), an alias (default
 * resolvers read by field name), a directive other than skip and include, a gateway resolver needing fields the
 * subschema lacks, or a type the subschema does not have. Skip and include are ignored: every branch is planned.
 */
export function planPlainSubtree(fieldNodes: readonly FieldNode[], type: GraphQLOutputType, subschema: Subschema, context: PlainPlanContext): Plan {
  const { schema, stitchingInfo, fragments, proxied } = context;
  const target = subschema.transformedSchema;

  const fieldsFor = (selectionSets: readonly SelectionSetNode[], member: GraphQLObjectType, into: Map<string, FieldNode[]>): boolean => {
    for (const selection of selectionSets.flatMap((set) => set.selections)) {
      if (selection.directives?.some((d) => d.name.value !== 'skip' && d.name.value !== 'include')) return false;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (key !== selection.name.value) return false;
        into.set(key, [...(into.get(key) ?? []), selection]);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      if (!fragment) return false;
      const condition = fragment.typeCondition && schema.getType(fragment.typeCondition.name.value);
      if (fragment.typeCondition && !condition) return false;
      const applies = !condition || condition === member || (isAbstractType(condition) && schema.isSubType(condition, member));
      if (applies && !fieldsFor([fragment.selectionSet], member, into)) return false;
    }
    return true;
  };

  const objectPlan = (selectionSets: readonly SelectionSetNode[], member: GraphQLObjectType): Plan => {
    const targetType = target.getType(member.name);
    if (!targetType || !isObjectType(targetType)) return null;
    const fields = new Map<string, FieldNode[]>();
    if (!fieldsFor(selectionSets, member, fields)) return null;
    if (!providedBy(targetType, stitchingInfo.fieldNodesByType[member.name], target)) return null;
    const merge = subschema.merge?.[member.name];
    const steps: Array<[string, PlainConverter]> = [];
    for (const [key, nodes] of fields) {
      if (key === '__typename') continue;
      const gatewayField = member.getFields()[key];
      if (!gatewayField) return null;
      // Overridden or computed fields are the merge planner's to decide.
      if (merge?.fields?.[key]) return null;
      if (stitchingInfo.dynamicSelectionSetsByField[member.name]?.[key]?.length) return null;
      // What the gateway's resolver of the field reads from its parent (a link's USCC, a civil servant's employer).
      if (!providedBy(targetType, stitchingInfo.fieldNodesByField[member.name]?.[key], target)) return null;
      // A field with a resolver of the gateway's own (a link to the credit store) computes its value from the parent.
      if (!proxied.has(`${member.name}.${key}`)) continue;
      const targetField = targetType.getFields()[key];
      if (!targetField || getNamedType(targetField.type).name !== getNamedType(gatewayField.type).name) return null;
      const plan = valuePlan(gatewayField.type, nodes.flatMap((node) => node.selectionSet ?? []));
      if (plan === null) return null;
      if (plan) steps.push([key, plan]);
    }
    if (steps.length === 0) return undefined;
    return (value) => {
      const object = value as Record<string, unknown>;
      for (const [key, convert] of steps) {
        const field = object[key];
        if (!isGone(field)) object[key] = convert(field);
      }
      return object;
    };
  };

  const compositePlan = (selectionSets: readonly SelectionSetNode[], type: GraphQLCompositeType): Plan => {
    if (!isAbstractType(type)) return objectPlan(selectionSets, type);
    const targetType = target.getType(type.name);
    if (!targetType || !isAbstractType(targetType)) return null;
    // Stitching makes null a value whose type the gateway does not know; the subschema's types must all be known.
    if (target.getPossibleTypes(targetType).some((member) => !isObjectType(schema.getType(member.name)))) return null;
    const byType = new Map<string, PlainConverter>();
    for (const member of schema.getPossibleTypes(type)) {
      if (!target.getType(member.name)) continue;
      const plan = objectPlan(selectionSets, member);
      if (plan === null) return null;
      if (plan) byType.set(member.name, plan);
    }
    if (byType.size === 0) return undefined;
    return (value) => {
      const convert = byType.get((value as { __typename?: string }).__typename ?? '');
      return convert ? convert(value) : value;
    };
  };

  const valuePlan = (type: GraphQLOutputType, selectionSets: readonly SelectionSetNode[]): Plan => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = valuePlan(nullable.ofType, selectionSets);
      if (!item) return item;
      return (value) => {
        if (!Array.isArray(value)) return isGone(value) ? value : item(value);
        for (let i = 0; i < value.length; i++) if (!isGone(value[i])) value[i] = item(value[i]);
        return value;
      };
    }
    if (isLeafType(nullable)) return leafPlan(nullable);
    return compositePlan(selectionSets, nullable);
  };

  return valuePlan(type, fieldNodes.flatMap((node) => node.selectionSet ?? []));
}
