import { createDefaultExecutor, type StitchingInfo, type Subschema } from '@graphql-tools/delegate';
import { isAsyncIterable, MapperKind, mapSchema, type ExecutionResult } from '@graphql-tools/utils';
import {
  defaultFieldResolver, getNamedType, isAbstractType, isInterfaceType, isObjectType, isUnionType, Kind, OperationTypeNode, visit,
  type ASTNode, type DirectiveNode, type DocumentNode, type FieldNode, type GraphQLField, type GraphQLFieldResolver, type GraphQLNamedType,
  type GraphQLResolveInfo, type GraphQLSchema, type SelectionNode, type SelectionSetNode, type TypeNode, type VariableDefinitionNode,
} from 'graphql';

/** The document sent to the subschema for one root field of one client document, and the variables it uses. */
interface Plan {
  document: DocumentNode;
  variableNames: string[];
}

/** What the shortcut needs to know about the stitched graph. */
export interface WholeSubtreeOptions {
  /** The subschema as stitching registered it (its executor, traced or not, is the one used). */
  subschema: Subschema;
  /** Root query fields only this subschema serves. */
  rootFields: ReadonlySet<string>;
  stitchingInfo: StitchingInfo;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

const namedTypeOf = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type));

function fieldsOf(type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> | null {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : null;
}

const sameKind = (a: GraphQLNamedType, b: GraphQLNamedType): boolean =>
  (isObjectType(a) && isObjectType(b)) || (isInterfaceType(a) && isInterfaceType(b)) || (isUnionType(a) && isUnionType(b));

/** The key fields stitching selects on every object of a merged type (`uscc` of a subject), each once. */
function keysOf(stitchingInfo: StitchingInfo, typeName: string): FieldNode[] {
  const sets = [...(stitchingInfo.mergedTypes[typeName]?.selectionSets.values() ?? [])];
  const fields = sets.flatMap((set) => set.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD));
  return fields.filter((field, i) => fields.findIndex((other) => other.name.value === field.name.value) === i);
}

/**
 * Whether the gateway's resolver of `typeName.fieldName` needs fields besides the type's merge keys and `__typename`
 * (a declared selection set, e.g. a civil servant's employer for the personal-data wrapper): the shortcut leaves such
 * fields to stitching.
 */
function needsMoreThanKeys(stitchingInfo: StitchingInfo, typeName: string, fieldName: string): boolean {
  if (stitchingInfo.dynamicSelectionSetsByField[typeName]?.[fieldName]?.length) return true;
  const keys = new Set(['__typename', ...keysOf(stitchingInfo, typeName).map((node) => node.name.value)]);
  return (stitchingInfo.fieldNodesByField[typeName]?.[fieldName] ?? []).some((node) => node.selectionSet !== undefined || !keys.has(node.name.value))
    || (stitchingInfo.fieldNodesByType[typeName] ?? []).some((node) => !keys.has(node.name.value));
}

/** Adds the variables `node` names to `used`. */
function collectVariables(node: ASTNode, used: Set<string>): void {
  visit(node, { Variable: (variable) => { used.add(variable.name.value); } });
}

/** Only @skip and @include (graphql-js applies them the same way on both sides); their variables go to `used`. */
function directivesAllowed(directives: readonly DirectiveNode[] | undefined, used: Set<string>): boolean {
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'skip' && directive.name.value !== 'include') return false;
    collectVariables(directive, used);
  }
  return true;
}

/**
 * The client's selection under a root field rewritten for the subschema (named fragments inlined, `__typename` added
 * under abstract types so the gateway can tell the concrete type), or null when the subschema cannot answer all of
 * it alone: a field it lacks or another subschema adds, an alias (the gateway reads plain answers by field name), a
 * field whose gateway resolver needs extra fields (a declared selection set), or a directive other than skip/include.
 */
function planOf(info: GraphQLResolveInfo, target: GraphQLSchema, stitchingInfo: StitchingInfo): Plan | null {
  const used = new Set<string>();
  const rewrite = (selectionSets: readonly SelectionSetNode[], gatewayType: GraphQLNamedType): SelectionSetNode | null => {
    const targetType = target.getType(gatewayType.name);
    if (!targetType || !sameKind(gatewayType, targetType)) return null;
    const selections: SelectionNode[] = [];
    for (const selection of selectionSets.flatMap((set) => set.selections)) {
      if (!directivesAllowed(selection.directives, used)) return null;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias && selection.alias.value !== name) return null;
        if (name === '__typename') {
          selections.push(selection);
          continue;
        }
        if (needsMoreThanKeys(stitchingInfo, gatewayType.name, name)) return null;
        const gatewayField = fieldsOf(gatewayType)?.[name];
        const targetField = fieldsOf(targetType)?.[name];
        if (!gatewayField || !targetField) return null;
        const returnType = getNamedType(gatewayField.type);
        if (getNamedType(targetField.type).name !== returnType.name) return null;
        for (const argument of selection.arguments ?? []) {
          if (!targetField.args.some((arg) => arg.name === argument.name.value)) return null;
          collectVariables(argument.value, used);
        }
        if (!selection.selectionSet) {
          selections.push(selection);
          continue;
        }
        const nested = rewrite([selection.selectionSet], returnType);
        if (!nested) return null;
        selections.push({ ...selection, selectionSet: nested });
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? info.fragments[selection.name.value] : selection;
        if (!fragment) return null;
        const type = fragment.typeCondition ? info.schema.getType(fragment.typeCondition.name.value) : gatewayType;
        if (!type) return null;
        const nested = rewrite([fragment.selectionSet], type);
        if (!nested) return null;
        selections.push({
          kind: Kind.INLINE_FRAGMENT, selectionSet: nested,
          ...(fragment.typeCondition ? { typeCondition: fragment.typeCondition } : {}), ...(selection.directives ? { directives: selection.directives } : {}),
        });
      }
    }
    // The merge keys stitching always fetches (a subject's USCC), so that what the gateway's wrappers read from a
    // parent — the audit trail records `uscc` — is there whether or not the client asked for it.
    selections.push(...keysOf(stitchingInfo, gatewayType.name));
    if (isAbstractType(gatewayType)) {
      for (const possible of info.schema.getPossibleTypes(gatewayType)) {
        const keys = keysOf(stitchingInfo, possible.name);
        if (keys.length > 0 && target.getType(possible.name)) {
          selections.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: possible.name } }, selectionSet: { kind: Kind.SELECTION_SET, selections: keys } });
        }
      }
      selections.push(TYPENAME);
    }
    return { kind: Kind.SELECTION_SET, selections };
  };

  const root = info.fieldNodes[0]!;
  const targetRoot = target.getQueryType()?.getFields()[info.fieldName];
  if (!targetRoot) return null;
  for (const node of info.fieldNodes) {
    for (const argument of node.arguments ?? []) {
      if (!targetRoot.args.some((arg) => arg.name === argument.name.value)) return null;
      collectVariables(argument.value, used);
    }
  }
  const returnType = getNamedType(info.returnType);
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const selectionSet = sets.length > 0 ? rewrite(sets, returnType) : undefined;
  if (selectionSet === null) return null;
  const variableDefinitions: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
  if (variableDefinitions.some((d) => !target.getType(namedTypeOf(d.type)))) return null;
  const field: FieldNode = { kind: Kind.FIELD, name: root.name, arguments: info.fieldNodes.flatMap((node) => node.arguments ?? []).filter((a, i, all) => all.findIndex((b) => b.name.value === a.name.value) === i), ...(selectionSet ? { selectionSet } : {}) };
  return {
    document: {
      kind: Kind.DOCUMENT,
      definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, variableDefinitions, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }],
    },
    variableNames: [...used],
  };
}

/**
 * Root query fields of one subschema answered without stitching's per-value work when the subschema can answer the
 * client's whole selection under them (the common case: a page of subjects with their records). The client's own
 * selection goes to the subschema's executor once — a plan per root field of each parsed document, cached — and the
 * plain answer is handed to the gateway, which resolves it with default resolvers (governance wrappers, scalars and
 * the execution budget still see every field). Stitching resolves merged values field by field: it re-parses every
 * leaf with the gateway's scalar and annotates every object, which cost as much as the subschema's own execution.
 * Anything the subschema cannot answer alone, and any answer carrying errors, goes the stitching way (so errors keep
 * the paths and codes stitching gives them).
 */
export function delegateWholeSubtrees(schema: GraphQLSchema, options: WholeSubtreeOptions): GraphQLSchema {
  const { subschema, rootFields, stitchingInfo } = options;
  const execute = subschema.executor ?? createDefaultExecutor(subschema.schema);
  const plans = new WeakMap<FieldNode, Plan | null>();
  return mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => {
      if (!rootFields.has(fieldName)) return field;
      const stitched: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        async resolve(parent, args, context: Record<string, unknown>, info) {
          const key = info.fieldNodes[0]!;
          let plan = plans.get(key);
          if (plan === undefined) {
            plan = planOf(info, subschema.schema, stitchingInfo);
            plans.set(key, plan);
          }
          if (!plan) return stitched(parent, args, context, info);
          const variables = Object.fromEntries(plan.variableNames.map((name) => [name, info.variableValues[name]]));
          const result = await execute({ document: plan.document, variables, context, operationType: OperationTypeNode.QUERY, rootValue: info.rootValue });
          if (isAsyncIterable(result)) return stitched(parent, args, context, info);
          const { data, errors } = result as ExecutionResult<Record<string, unknown>>;
          if (errors?.length || !data) return stitched(parent, args, context, info);
          return data[info.fieldName];
        },
      };
    },
  });
}
