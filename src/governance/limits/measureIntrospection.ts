import {
  isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, Kind,
  type FieldNode, type GraphQLArgument, type GraphQLDirective, type GraphQLEnumValue, type GraphQLField, type GraphQLInputField,
  type GraphQLSchema, type GraphQLType, type SelectionSetNode, type ValueNode,
} from 'graphql';
import type { FragmentLookup } from './measureOperation.js';

// One value of the introspection system as graphql-js would answer it, tagged with its __ type.
type Introspected =
  | { kind: '__Schema' }
  | { kind: '__Type'; type: GraphQLType }
  | { kind: '__Field'; field: GraphQLField<unknown, unknown> }
  | { kind: '__InputValue'; value: GraphQLArgument | GraphQLInputField }
  | { kind: '__EnumValue'; value: GraphQLEnumValue }
  | { kind: '__Directive'; directive: GraphQLDirective };

type Children = Introspected | readonly Introspected[] | null | undefined;

const asType = (type: GraphQLType | null | undefined): Introspected | null => (type ? { kind: '__Type', type } : null);

// What a field of an introspection object holds: an object, a list of them, or a leaf (undefined).
function childrenOf(object: Introspected, name: string, schema: GraphQLSchema): Children {
  switch (object.kind) {
    case '__Schema':
      if (name === 'types') return Object.values(schema.getTypeMap()).map((type) => ({ kind: '__Type', type }));
      if (name === 'queryType') return asType(schema.getQueryType());
      if (name === 'mutationType') return asType(schema.getMutationType());
      if (name === 'subscriptionType') return asType(schema.getSubscriptionType());
      if (name === 'directives') return schema.getDirectives().map((directive) => ({ kind: '__Directive', directive }));
      return undefined;
    case '__Type': {
      const { type } = object;
      if (name === 'fields') return isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()).map((field) => ({ kind: '__Field', field })) : null;
      if (name === 'interfaces') return isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().map((t) => ({ kind: '__Type', type: t })) : null;
      if (name === 'possibleTypes') return isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => ({ kind: '__Type', type: t })) : null;
      if (name === 'enumValues') return isEnumType(type) ? type.getValues().map((value) => ({ kind: '__EnumValue', value })) : null;
      if (name === 'inputFields') return isInputObjectType(type) ? Object.values(type.getFields()).map((value) => ({ kind: '__InputValue', value })) : null;
      if (name === 'ofType') return isListType(type) || isNonNullType(type) ? asType(type.ofType) : null;
      return undefined;
    }
    case '__Field':
      if (name === 'args') return object.field.args.map((value) => ({ kind: '__InputValue', value }));
      if (name === 'type') return asType(object.field.type);
      return undefined;
    case '__InputValue':
      return name === 'type' ? asType(object.value.type) : undefined;
    case '__Directive':
      return name === 'args' ? object.directive.args.map((value) => ({ kind: '__InputValue', value })) : undefined;
    default:
      return undefined;
  }
}

// A stable identity per introspected value, so that a selection is measured once per value.
function identityOf(object: Introspected): unknown {
  switch (object.kind) {
    case '__Schema': return object.kind;
    case '__Type': return object.type;
    case '__Field': return object.field;
    case '__Directive': return object.directive;
    default: return object.value;
  }
}

/**
 * The real size of an introspection answer: the number of values graphql-js would put in the response for
 * `__schema { … }` or `__type(name:) { … }` on `schema` — every field 1, a list of objects counting each item.
 * Walks the schema itself (types, fields, arguments, enum values, directives), so 30 aliased `__schema`
 * cost 30 times what one does. Each (selection set, schema element) pair is measured once; fragment cycles
 * count as nothing. Never throws.
 */
export function measureIntrospection(
  schema: GraphQLSchema,
  node: FieldNode,
  fragment: FragmentLookup,
  value: (node: ValueNode) => unknown,
): number {
  const memo = new Map<SelectionSetNode, Map<unknown, number>>();
  const walking = new Set<string>();

  const selectionSet = (set: SelectionSetNode, object: Introspected): number => {
    let byObject = memo.get(set);
    if (!byObject) memo.set(set, (byObject = new Map()));
    const key = identityOf(object);
    const known = byObject.get(key);
    if (known !== undefined) return known;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += field(selection, object);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === object.kind) cost += selectionSet(selection.selectionSet, object);
      } else {
        const definition = fragment(selection.name.value);
        if (!definition || walking.has(definition.name.value) || definition.typeCondition.name.value !== object.kind) continue;
        walking.add(definition.name.value);
        cost += selectionSet(definition.selectionSet, object);
        walking.delete(definition.name.value);
      }
    }
    byObject.set(key, cost);
    return cost;
  };

  const field = (selection: FieldNode, object: Introspected): number => {
    const children = childrenOf(object, selection.name.value, schema);
    if (!selection.selectionSet || !children) return 1;
    const items = Array.isArray(children) ? children : [children as Introspected];
    let cost = 1;
    for (const item of items) cost += selectionSet(selection.selectionSet, item);
    return cost;
  };

  if (!node.selectionSet) return 1;
  if (node.name.value === '__schema') return 1 + selectionSet(node.selectionSet, { kind: '__Schema' });
  const nameArgument = node.arguments?.find((a) => a.name.value === 'name');
  const name = nameArgument ? value(nameArgument.value) : undefined;
  const type = typeof name === 'string' ? schema.getType(name) : undefined;
  return 1 + (type ? selectionSet(node.selectionSet, { kind: '__Type', type }) : 0);
}
