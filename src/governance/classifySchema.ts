import { getDirective } from '@graphql-tools/utils';
import {
  isInterfaceType, isIntrospectionType, isObjectType, type GraphQLField, type GraphQLInterfaceType, type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { isShareLevel, type ShareLevel } from './roles.js';

/** Kinds of personal information of `@personal(kind:)` (schema/governance.graphql). */
export const PERSONAL_DATA_KINDS = ['ID_NUMBER', 'PHONE', 'NAME'] as const;
/** What kind of personal information a field holds. */
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** How one field of the graph is classified: its effective `@share` and its `@personal` kind, if any. */
export interface FieldClassification {
  /** `Type.field`, e.g. `CivilServant.idNumberMasked`. */
  coordinate: string;
  shareLevel: ShareLevel;
  personal: PersonalDataKind | null;
  sourceUnit: string | null;
  reportingCycle: string | null;
  legalBasis: string | null;
  /** The field's description in the schema, for the sharing catalogue. */
  description: string | null;
}

interface ShareArgs {
  level?: unknown;
  sourceUnit?: unknown;
  reportingCycle?: unknown;
  legalBasis?: unknown;
}

type Element = GraphQLObjectType | GraphQLInterfaceType | GraphQLField<unknown, unknown>;

const shareOf = (schema: GraphQLSchema, element: Element): ShareArgs | undefined =>
  getDirective(schema, element, 'share')?.[0] as ShareArgs | undefined;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function* fieldsOf(schema: GraphQLSchema): Generator<[GraphQLObjectType | GraphQLInterfaceType, GraphQLField<unknown, unknown>]> {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) yield [type, field];
  }
}

function classifyField(
  schema: GraphQLSchema,
  type: GraphQLObjectType | GraphQLInterfaceType,
  field: GraphQLField<unknown, unknown>,
): FieldClassification | null {
  const own = shareOf(schema, field);
  const inherited = shareOf(schema, type);
  const level = own?.level ?? inherited?.level;
  if (!isShareLevel(level)) return null;
  // A particular the field's own @share leaves out comes from its type, so a field can override the level alone.
  const particular = (name: 'sourceUnit' | 'reportingCycle' | 'legalBasis'): string | null => text(own?.[name]) ?? text(inherited?.[name]);
  const kind = (getDirective(schema, field, 'personal')?.[0] as { kind?: unknown } | undefined)?.kind;
  return {
    coordinate: `${type.name}.${field.name}`,
    shareLevel: level,
    personal: (PERSONAL_DATA_KINDS as readonly unknown[]).includes(kind) ? (kind as PersonalDataKind) : null,
    sourceUnit: particular('sourceUnit'),
    reportingCycle: particular('reportingCycle'),
    legalBasis: particular('legalBasis'),
    description: field.description ?? null,
  };
}

/**
 * The classification of every field of every object and interface type of `schema` (root types included,
 * introspection types excluded), keyed by coordinate `Type.field`, in type-map order. A field's effective
 * level is its own `@share`, else its type's; particulars it leaves out are its type's. A field with neither
 * is left out of the map (see `unclassifiedFields`).
 */
export function classifySchema(schema: GraphQLSchema): Map<string, FieldClassification> {
  const classification = new Map<string, FieldClassification>();
  for (const [type, field] of fieldsOf(schema)) {
    const entry = classifyField(schema, type, field);
    if (entry) classification.set(entry.coordinate, entry);
  }
  return classification;
}

/** Coordinates of the fields of `schema` that have no share level, neither their own nor their type's. */
export function unclassifiedFields(schema: GraphQLSchema): string[] {
  const classified = classifySchema(schema);
  return [...fieldsOf(schema)].map(([type, field]) => `${type.name}.${field.name}`).filter((coordinate) => !classified.has(coordinate));
}
