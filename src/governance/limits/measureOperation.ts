import {
  getNamedType, getNullableType, getOperationAST, isAbstractType, isCompositeType, isInterfaceType, isListType, isObjectType,
  Kind, valueFromASTUntyped,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLObjectType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';
import { measureIntrospection } from './measureIntrospection.js';
import { LIST_SIZES, type ListSizes } from './readListSizes.js';

/** What an operation asks of the hub, as the limits see it. */
export interface OperationMeasures {
  /** Deepest field nesting, root fields at 1; introspection fields add nothing. */
  depth: number;
  /** Aliased fields, each counted every time it appears (fragments followed at every spread). */
  aliases: number;
  /** Estimated field values in the response (see `measureOperation`). */
  cost: number;
}

/** Page size assumed for a paginated field (`first`/`last` argument) given no value: the credit store's default. */
export const DEFAULT_PAGE_SIZE = 20;
/** Items assumed in a list field that is neither paginated, keyed nor declared in listSizes.json. */
export const ASSUMED_LIST_SIZE = LIST_SIZES.undeclared;
/** Arguments of a list field that returns one entry per key given (`subjects(usccs:)`, `constructionProjectsByCode(codes:)`). */
export const KEY_LIST_ARGUMENTS: readonly string[] = ['usccs', 'codes'];

/** Looks up a fragment definition by name; undefined when the document has none of that name. */
export type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

type Variables = Readonly<Record<string, unknown>>;

const NOTHING: OperationMeasures = Object.freeze({ depth: 0, aliases: 0, cost: 0 });

/**
 * Measures the operation `operationName` of `document` (the only one when null) with the request's
 * `variables` (raw JSON values, as sent); null when the document has no such operation.
 *
 * Cost model — an upper estimate of the field values the response can hold:
 * - every field costs 1, `__typename` included;
 * - `__schema` and `__type` cost the real size of their answer on `schema` (see `measureIntrospection`):
 *   every type, field, argument and enum value the selection reaches;
 * - a list field multiplies the cost of its selection by its size: its `first`/`last` argument (literal,
 *   variable, the variable's or the argument's default, else DEFAULT_PAGE_SIZE); else the length of its
 *   `usccs`/`codes` argument; else, directly inside a paginated connection (`edges`), the page size; else
 *   the field's maximum in `listSizes` (listSizes.json: measured or declared per field, `Enterprise.tenders` 64);
 *   else `listSizes.undeclared`;
 * - a connection's `totalCount` and `pageInfo` are counted once, not per item;
 * - fragments and inline fragments are counted at every spread, for every type condition (no merging
 *   of repeated fields, no evaluation of `@skip`/`@include`), so the estimate never falls below the
 *   work actually done.
 * Never throws and never loops: fragment cycles count as nothing (validation rejects them anyway), and
 * each fragment is measured once per context however often it is spread.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Variables = {},
  listSizes: ListSizes = LIST_SIZES,
): OperationMeasures | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return measureOperationNode(schema, operation, (name) => fragments.get(name), variables, listSizes);
}

/** The cost of the operation `operationName` of `document` with `variables` (see `measureOperation`); 0 when there is no such operation. */
export function computeOperationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables | undefined,
  schema: GraphQLSchema,
): number {
  return measureOperation(schema, document, operationName, variables)?.cost ?? 0;
}

/** Measures one operation node; the fragments come from `fragment` (for validation rules, from their context). */
export function measureOperationNode(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: FragmentLookup,
  variables: Variables = {},
  listSizes: ListSizes = LIST_SIZES,
): OperationMeasures {
  // Variables the request left out take their default from the operation, as execution would.
  const values: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  return new Measurer(schema, fragment, values, listSizes).selectionSet(operation.selectionSet, rootType, undefined, false);
}

class Measurer {
  /** Measures of fragments already walked, by name, page context and introspection flag. */
  private readonly done = new Map<string, OperationMeasures>();
  /** Fragments being walked now: spreading one of them again is a cycle. */
  private readonly walking = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragment: FragmentLookup,
    private readonly variables: Variables,
    private readonly listSizes: ListSizes,
  ) {}

  /**
   * `page` is the page size of the connection this selection set belongs to (it sizes `edges`);
   * `free` is true below an introspection field.
   */
  selectionSet(selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, page: number | undefined, free: boolean): OperationMeasures {
    let depth = 0;
    let aliases = 0;
    // Each selection's cost with the type it applies to (undefined: every object of the parent type).
    const parts: { cost: number; condition: GraphQLCompositeType | undefined }[] = [];
    for (const selection of selectionSet.selections) {
      let measures: OperationMeasures;
      let condition: GraphQLCompositeType | undefined;
      if (selection.kind === Kind.FIELD) {
        measures = this.field(selection, parent, page, free);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        condition = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : undefined;
        measures = this.selectionSet(selection.selectionSet, condition ?? parent, page, free);
      } else {
        condition = this.compositeType(this.fragment(selection.name.value)?.typeCondition.name.value ?? '');
        measures = this.spread(selection.name.value, page, free);
      }
      depth = Math.max(depth, measures.depth);
      aliases += measures.aliases;
      parts.push({ cost: measures.cost, condition });
    }
    return { depth, aliases, cost: this.costOf(parts, parent) };
  }

  /**
   * The cost of a selection set's parts: one object of an abstract type is of one concrete type, so only
   * the fragments applying to that type are answered — the most expensive concrete type sets the cost
   * (`... on Enterprise { bids }` and `... on GovernmentBody { tenders }` are never both in one subject).
   */
  private costOf(parts: readonly { cost: number; condition: GraphQLCompositeType | undefined }[], parent: GraphQLCompositeType | undefined): number {
    const total = parts.reduce((sum, part) => sum + part.cost, 0);
    if (!parent || parts.every((part) => part.condition === undefined)) return total;
    const concrete = isAbstractType(parent) ? this.schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
    if (concrete.length === 0) return total;
    const applies = (condition: GraphQLCompositeType, type: GraphQLObjectType): boolean =>
      condition === type || (isAbstractType(condition) && this.schema.isSubType(condition, type));
    let most = 0;
    for (const type of concrete) {
      const cost = parts.reduce((sum, part) => sum + (part.condition === undefined || applies(part.condition, type) ? part.cost : 0), 0);
      most = Math.max(most, cost);
    }
    return most;
  }

  private spread(name: string, page: number | undefined, free: boolean): OperationMeasures {
    const definition = this.fragment(name);
    if (!definition || this.walking.has(name)) return NOTHING;
    const key = `${name}\u0000${page ?? ''}\u0000${free}`;
    const known = this.done.get(key);
    if (known) return known;
    this.walking.add(name);
    const measures = this.selectionSet(definition.selectionSet, this.compositeType(definition.typeCondition.name.value), page, free);
    this.walking.delete(name);
    this.done.set(key, measures);
    return measures;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType | undefined, page: number | undefined, free: boolean): OperationMeasures {
    const name = node.name.value;
    const alias = node.alias ? 1 : 0;
    const introspection = free || name.startsWith('__');
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (!node.selectionSet) return { depth: introspection ? 0 : 1, aliases: alias, cost: free ? 0 : 1 };
    if (introspection) {
      // Depth and aliases from the walk below; the cost is that of the answer, measured on the schema.
      const child = this.selectionSet(node.selectionSet, undefined, undefined, true);
      const cost = free ? 0 : measureIntrospection(this.schema, node, this.fragment, (value) => this.value(value));
      return { depth: 0, aliases: alias + child.aliases, cost };
    }

    const type = definition ? getNamedType(definition.type) : undefined;
    const ownPage = definition ? this.pageSize(definition, node) : undefined;
    const isList = definition !== undefined && isListType(getNullableType(definition.type));
    // A paginated list is sized by its own page; a paginated object (a connection) passes its page to the list inside it.
    const declared = parent ? this.listSizes.byField.get(`${parent.name}.${name}`) : undefined;
    const size = definition && isList ? ownPage ?? this.keyCount(definition, node) ?? page ?? declared ?? this.listSizes.undeclared : 1;
    const child = this.selectionSet(node.selectionSet, type && isCompositeType(type) ? type : undefined, isList ? undefined : ownPage, false);
    return { depth: 1 + child.depth, aliases: alias + child.aliases, cost: 1 + size * child.cost };
  }

  /** The page size of a field with a `first` or `last` argument; undefined for other fields. */
  private pageSize(definition: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    let paginated = false;
    for (const argumentName of ['first', 'last']) {
      const argument = definition.args.find((a) => a.name === argumentName);
      if (!argument) continue;
      paginated = true;
      const given = node.arguments?.find((a) => a.name.value === argumentName);
      const value = (given ? this.value(given.value) : undefined) ?? argument.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
    }
    return paginated ? DEFAULT_PAGE_SIZE : undefined;
  }

  /** The number of keys passed to a keyed list field (`usccs`, `codes`); undefined when it has none or it is unknown. */
  private keyCount(definition: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    const argument = node.arguments?.find((a) => KEY_LIST_ARGUMENTS.includes(a.name.value) && definition.args.some((d) => d.name === a.name.value));
    if (!argument) return undefined;
    if (argument.value.kind === Kind.LIST) return argument.value.values.length;
    const value = this.value(argument.value);
    if (Array.isArray(value)) return value.length;
    // A single key where a list is expected is coerced to a list of one.
    return value === undefined ? undefined : value === null ? 0 : 1;
  }

  /** The value of an argument: a literal, or the variable's value (or default); undefined when unknown. */
  private value(node: ValueNode): unknown {
    if (node.kind === Kind.VARIABLE) return this.variables[node.name.value];
    return valueFromASTUntyped(node, this.variables);
  }

  private compositeType(name: string): GraphQLCompositeType | undefined {
    const type = this.schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
}
