import type { StitchingInfo } from '@graphql-tools/delegate';
import {
  getNamedType, isAbstractType, isInterfaceType, isObjectType, isUnionType, Kind, OperationTypeNode, visit,
  type ASTNode, type DirectiveNode, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode, type TypeNode, type VariableDefinitionNode,
} from 'graphql';

/** A query for one subschema made from the client's selection, and what it reads. */
export interface SubschemaPlan {
  document: DocumentNode;
  /** The client's variables the document uses. */
  variableNames: string[];
  /** Every field it reads, as `ConcreteType.field` (a field selected on an interface or union counts for each member). */
  coordinates: Set<string>;
  /** Response key → field name of each `marked` field selected (each key names one field wherever it is used). */
  markedKeys: Map<string, string>;
  /** Fields other subschemas serve were left out of the root fields' objects (only with `mergeAtRoot`), for stitching's type merging. */
  leftToMerging: boolean;
}

/** Aliases under which an object holding a `marked` field carries what it is: its type, its USCC, its id. */
export const MARKS = Object.freeze({ type: '_cxType', uscc: '_cxUscc', id: '_cxId' });

/** Where the selection comes from and where it goes. */
export interface PlanContext {
  /** The gateway's schema the client's document was validated against. */
  schema: GraphQLSchema;
  /** The subschema that is to answer the selection alone. */
  target: GraphQLSchema;
  stitchingInfo: StitchingInfo;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /**
   * `keyed` (for the gateway to resolve the answer): merge keys and `__typename` of abstract types are added, aliases
   * refused, because the gateway's wrappers read keys from parents and its default resolvers read by field name.
   * `exact` (handed to the client as it is): the client's selection only, aliases kept.
   */
  mode: 'keyed' | 'exact';
  /**
   * In `exact` mode, fields (`Type.field`) whose parent objects must say what they are, for an audit trail: such a parent
   * gets its type name, USCC and id under the aliases of MARKS, which the caller removes before the client sees it.
   */
  marked?: ReadonlySet<string>;
  /**
   * (`keyed` only) Fields of a merged type that the target lacks, selected directly on the objects a root field returns
   * (a subject's bids), are left out instead of refusing the selection: stitching merges them afterwards by key. Below
   * that level the target must still answer everything.
   */
  mergeAtRoot?: boolean;
}

const aliased = (alias: string, name: string): FieldNode => ({ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } });

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
 * (a declared selection set, e.g. a civil servant's employer for the personal-data wrapper): such fields are left to
 * stitching.
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
 * The client's selection of root query fields rewritten for the target subschema (named fragments inlined), or null
 * when the target cannot answer all of it alone: a field it lacks or another subschema adds, a field whose gateway
 * resolver needs extra fields (a declared selection set), an argument or variable type it lacks, or a directive other
 * than skip/include.
 */
export function planSubschemaSelection(rootFields: readonly FieldNode[], operation: OperationDefinitionNode, context: PlanContext): SubschemaPlan | null {
  const { schema, target, stitchingInfo, fragments, mode, marked, mergeAtRoot = false } = context;
  let leftToMerging = false;
  const used = new Set<string>();
  const coordinates = new Set<string>();
  const markedKeys = new Map<string, string>();
  let clash = false;
  const members = (type: GraphQLNamedType) => (isAbstractType(type) ? schema.getPossibleTypes(type) : [type]);
  // Notes the field read; true when it is marked on some member of `type`.
  const read = (type: GraphQLNamedType, fieldName: string): boolean => {
    let isMarked = false;
    for (const member of members(type)) {
      if (!fieldsOf(member)?.[fieldName]) continue;
      coordinates.add(`${member.name}.${fieldName}`);
      if (marked?.has(`${member.name}.${fieldName}`)) isMarked = true;
    }
    return isMarked;
  };
  const isMarkedOn = (type: GraphQLNamedType, fieldName: string) => members(type).some((member) => marked?.has(`${member.name}.${fieldName}`));
  // What the target's `type` can say of an object: its type name, and its USCC or id where it has one.
  const marks = (type: GraphQLNamedType): FieldNode[] => {
    const fields = fieldsOf(type) ?? {};
    return [aliased(MARKS.type, '__typename'), ...(fields.uscc ? [aliased(MARKS.uscc, 'uscc')] : []), ...(fields.id ? [aliased(MARKS.id, 'id')] : [])];
  };

  /** Whether stitching can merge `typeName.fieldName` from another subschema by the type's keys alone. */
  const mergeable = (typeName: string, fieldName: string): boolean => {
    const merged = stitchingInfo.mergedTypes[typeName];
    if (!merged || (!merged.uniqueFields[fieldName] && !merged.nonUniqueFields[fieldName])) return false;
    return [...merged.fieldSelectionSets.values()].every((sets) => !sets[fieldName]);
  };

  const rewriteField = (selection: FieldNode, parentType: GraphQLNamedType, targetParent: GraphQLNamedType): FieldNode | null => {
    const name = selection.name.value;
    if (mode === 'keyed' && selection.alias && selection.alias.value !== name) return null;
    if (name === '__typename') return selection;
    if (needsMoreThanKeys(stitchingInfo, parentType.name, name)) return null;
    const gatewayField = fieldsOf(parentType)?.[name];
    const targetField = fieldsOf(targetParent)?.[name];
    if (!gatewayField || !targetField) return null;
    const returnType = getNamedType(gatewayField.type);
    if (getNamedType(targetField.type).name !== returnType.name) return null;
    for (const argument of selection.arguments ?? []) {
      if (!targetField.args.some((arg) => arg.name === argument.name.value)) return null;
      collectVariables(argument.value, used);
    }
    if (read(parentType, name)) {
      const key = selection.alias?.value ?? name;
      if ((markedKeys.get(key) ?? name) !== name) clash = true;
      markedKeys.set(key, name);
    }
    if (!selection.selectionSet) return selection;
    const nested = rewrite([selection.selectionSet], returnType, mergeAtRoot && parentType === schema.getQueryType());
    return nested && { ...selection, selectionSet: nested };
  };

  const rewrite = (selectionSets: readonly SelectionSetNode[], gatewayType: GraphQLNamedType, merging = false): SelectionSetNode | null => {
    const targetType = target.getType(gatewayType.name);
    if (!targetType || !sameKind(gatewayType, targetType)) return null;
    const selections: SelectionNode[] = [];
    let holdsMarked = false;
    for (const selection of selectionSets.flatMap((set) => set.selections)) {
      if (!directivesAllowed(selection.directives, used)) return null;
      if (selection.kind === Kind.FIELD) {
        if (merging && !fieldsOf(targetType)?.[selection.name.value] && mergeable(gatewayType.name, selection.name.value)) {
          // Left to stitching's merging: only the type's keys (added below) are needed for it.
          leftToMerging = true;
          continue;
        }
        const field = rewriteField(selection, gatewayType, targetType);
        if (!field) return null;
        if (isMarkedOn(gatewayType, selection.name.value)) holdsMarked = true;
        selections.push(field);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) return null;
        const type = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : gatewayType;
        if (!type) return null;
        const nested = rewrite([fragment.selectionSet], type, merging);
        if (!nested) return null;
        selections.push({
          kind: Kind.INLINE_FRAGMENT, selectionSet: nested,
          ...(fragment.typeCondition ? { typeCondition: fragment.typeCondition } : {}), ...(selection.directives ? { directives: selection.directives } : {}),
        });
      }
    }
    if (mode === 'exact') return { kind: Kind.SELECTION_SET, selections: holdsMarked ? [...selections, ...marks(targetType)] : selections };
    // The merge keys stitching always fetches (a subject's USCC), so that what the gateway's wrappers read from a
    // parent — the audit trail records `uscc` — is there whether or not the client asked for it.
    selections.push(...keysOf(stitchingInfo, gatewayType.name));
    if (isAbstractType(gatewayType)) {
      for (const possible of schema.getPossibleTypes(gatewayType)) {
        const keys = keysOf(stitchingInfo, possible.name);
        if (keys.length > 0 && target.getType(possible.name)) {
          selections.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: possible.name } }, selectionSet: { kind: Kind.SELECTION_SET, selections: keys } });
        }
      }
      selections.push(TYPENAME);
    }
    return { kind: Kind.SELECTION_SET, selections };
  };

  const gatewayQuery = schema.getQueryType();
  const targetQuery = target.getQueryType();
  if (!gatewayQuery || !targetQuery) return null;
  const selections: FieldNode[] = [];
  for (const root of rootFields) {
    if (!directivesAllowed(root.directives, used)) return null;
    const field = rewriteField(root, gatewayQuery, targetQuery);
    if (!field) return null;
    selections.push(field);
  }
  const variableDefinitions: VariableDefinitionNode[] = (operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
  if (clash || variableDefinitions.some((d) => !target.getType(namedTypeOf(d.type)))) return null;
  return {
    document: {
      kind: Kind.DOCUMENT,
      definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, variableDefinitions, selectionSet: { kind: Kind.SELECTION_SET, selections } }],
    },
    variableNames: [...used],
    coordinates,
    markedKeys,
    leftToMerging,
  };
}
