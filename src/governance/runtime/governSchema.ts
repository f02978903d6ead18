import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver, getNamedType, type GraphQLError, isAbstractType, isCompositeType, isObjectType, type GraphQLFieldResolver, type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { checkFieldAccess, scopeCovers } from '../checkFieldAccess.js';
import { isShareLevel, shareLevelRank, type ShareLevel } from '../roles.js';
import { unmasksPersonOf } from '../personalDataDisclosure.js';
import { maskPersonalData, type PersonalDataKind } from './maskPersonalData.js';
import { governanceOf, type RequestGovernance } from './RequestGovernance.js';
import { forbidden as forbiddenError } from '../../codes/index.js';

/** What governance needs to know of a field: its share level and whether it holds personal data. */
export interface GovernedField {
  coordinate: string;
  shareLevel: ShareLevel;
  personal: PersonalDataKind | null;
}

/** Options of governSchema. */
export interface GovernSchemaOptions {
  /** Fields whose reads are audited when the caller sees records outside the publicity window. */
  fullDisclosureFields: ReadonlySet<string>;
}

/**
 * True when the caller sees every record, including those outside the publicity window, repaired or
 * withdrawn: administrators and auditors. An enterprise acting as itself does not, because disclosure is
 * decided per request and it would then see other subjects' undisclosed records too.
 */
export function seesAllRecords(governance: Pick<RequestGovernance, 'permissions'>): boolean {
  return governance.permissions.seesOutsidePublicityWindow && !governance.permissions.ownSubjectsOnly;
}

const isThenable = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

// The subjects a field read touches: the object's own USCC (or a civil servant's id), or a root field's
// arguments. A root field's `id` is recorded under the type the field returns (a check id is not a person's);
// subschemas report whom else they read (a check's evidence, a record's civil servant) through the context.
function recordSubjects(governance: RequestGovernance, typeName: string, parent: unknown, args: Record<string, unknown>, returnType: string): void {
  const { subjectUsccs, civilServantIds, ids } = governance.trail;
  const object = parent as Record<string, unknown> | null;
  if (typeName === 'CivilServant' && typeof object?.id === 'string') civilServantIds.add(object.id);
  else if (typeof object?.uscc === 'string') subjectUsccs.add(object.uscc);
  if (typeof args.uscc === 'string') subjectUsccs.add(args.uscc);
  if (Array.isArray(args.usccs)) for (const uscc of args.usccs) if (typeof uscc === 'string') subjectUsccs.add(uscc);
  if ((typeName === 'Query' || typeName === 'Mutation') && typeof args.id === 'string') {
    if (returnType === 'CivilServant') civilServantIds.add(args.id);
    if (!ids.has(returnType)) ids.set(returnType, new Set());
    ids.get(returnType)!.add(args.id);
  }
}

/**
 * Puts one read of `typeName.fieldName` on the request's audit trail: the field's coordinate and the subjects it
 * touched (the parent's USCC, a civil servant's id, a root field's `uscc`/`usccs`/`id` arguments). governSchema's
 * wrappers call it for every audited read; an answer the gateway does not walk itself notes its reads with it too.
 */
export function noteRead(governance: RequestGovernance, typeName: string, fieldName: string, parent: unknown, args: Record<string, unknown>, returnType: string): void {
  governance.trail.fieldsRead.add(`${typeName}.${fieldName}`);
  recordSubjects(governance, typeName, parent, args, returnType);
}

// The body employing the person whose personal data `parent` holds: a civil servant's employer, which
// the hub always fetches with CivilServant's personal fields (composeHubSchema), or the employer an eligibility
// check's subject carries (its root-field subschema answers it whole); null for anyone else.
function employerOf(typeName: string, parent: unknown): string | null {
  if (typeName === 'EligibilitySubjectResult') {
    const employer = (parent as { employerUscc?: unknown } | null)?.employerUscc;
    return typeof employer === 'string' ? employer : null;
  }
  if (typeName !== 'CivilServant') return null;
  const uscc = ((parent as { employer?: { uscc?: unknown } | null } | null)?.employer)?.uscc;
  return typeof uscc === 'string' ? uscc : null;
}

function subjectOf(parent: unknown, args: Record<string, unknown>): string | null {
  const own = (parent as Record<string, unknown> | null)?.uscc;
  if (typeof own === 'string') return own;
  return typeof args.uscc === 'string' ? args.uscc : null;
}

// A type's own @share level (OPEN when it declares none).
function ownLevel(schema: GraphQLSchema, type: GraphQLNamedType): ShareLevel {
  const level = (getDirective(schema, type, 'share')?.[0] as { level?: unknown } | undefined)?.level;
  return isShareLevel(level) ? level : 'OPEN';
}

const higher = (a: ShareLevel, b: ShareLevel): ShareLevel => (shareLevelRank(a) >= shareLevelRank(b) ? a : b);

// The level an object of this type carries: for an interface or union, the highest of it and its members.
function carriedLevel(schema: GraphQLSchema, type: GraphQLNamedType): ShareLevel {
  if (!isCompositeType(type)) return 'OPEN';
  const members = isAbstractType(type) ? schema.getPossibleTypes(type) : [];
  return members.reduce((level, member) => higher(level, ownLevel(schema, member)), ownLevel(schema, type));
}

function forbidden(governance: RequestGovernance, field: GovernedField, reason: string): GraphQLError {
  governance.trail.forbidden.add(field.coordinate);
  return forbiddenError(`Access to ${field.coordinate} refused: ${reason}`, {
    field: field.coordinate, shareLevel: field.shareLevel, purpose: governance.caller.purpose,
  });
}

/** What `governSchema` does at one field: check it as a gate, mask it as personal data, audit full disclosure of records. */
export interface FieldGuard {
  /** The field reaches data of a higher share level than its parent object's: checked and audited at every read. */
  gated: boolean;
  /** The field as checked: its coordinate, the level of its gate, its kind of personal data (masked unless unmasked). */
  field: GovernedField;
  /** The field lists records: audited when the caller sees records outside the publicity window (`seesAllRecords`). */
  disclosesRecords: boolean;
}

// The guard of `typeName.fieldName`, or null for a field governSchema leaves untouched.
function guardOf(schema: GraphQLSchema, classification: ReadonlyMap<string, GovernedField>, options: GovernSchemaOptions, typeName: string, fieldName: string): FieldGuard | null {
  const coordinate = `${typeName}.${fieldName}`;
  const parentType = schema.getType(typeName);
  if (typeName.startsWith('__') || !parentType || !isObjectType(parentType)) return null;
  const fieldConfig = parentType.getFields()[fieldName];
  if (!fieldConfig) return null;
  const declared = classification.get(coordinate) ?? { coordinate, shareLevel: 'RESTRICTED' as const, personal: null };
  const isRoot = [schema.getQueryType(), schema.getMutationType()].some((root) => root?.name === typeName);
  const parentLevel = isRoot ? 'OPEN' : ownLevel(schema, parentType);
  const gateLevel = higher(declared.shareLevel, carriedLevel(schema, getNamedType(fieldConfig.type)));
  const gated = shareLevelRank(gateLevel) > shareLevelRank(parentLevel);
  const field: GovernedField = { ...declared, shareLevel: gateLevel };
  const disclosesRecords = options.fullDisclosureFields.has(coordinate);
  return gated || field.personal || disclosesRecords ? { gated, field, disclosesRecords } : null;
}

/**
 * The guard governSchema puts on each field of `schema` it does not leave untouched, by `Type.field`: what a read of
 * that field must go through. A field absent from the map resolves exactly as it would without governance.
 */
export function fieldGuards(schema: GraphQLSchema, classification: ReadonlyMap<string, GovernedField>, options: GovernSchemaOptions): Map<string, FieldGuard> {
  const guards = new Map<string, FieldGuard>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      const guard = guardOf(schema, classification, options, type.name, fieldName);
      if (guard) guards.set(`${type.name}.${fieldName}`, guard);
    }
  }
  return guards;
}

/**
 * Guards every *gate* — a field through which data of a higher share level than its parent object's is
 * reached: a conditional field on an open type (`Enterprise.serviceCases`), an open field returning a
 * conditional type (`CreditRecord.civilServant`), a root field of any level above open. Each time a gate is
 * resolved — under any alias, through any fragment, on any merged type — the caller's roles, purpose and
 * grants are checked against the gate's level (FORBIDDEN naming the field and the missing grant, the rest
 * of the response intact), and the read is put on the request's audit trail with the subjects it touched.
 * Fields inside an object already behind a gate at their level are not checked again. Personal data is
 * masked unless the caller may see it in full for its purpose. Other fields keep their resolvers untouched.
 * A field missing from `classification` is treated as restricted (fail closed).
 */
export function governSchema(schema: GraphQLSchema, classification: ReadonlyMap<string, GovernedField>, options: GovernSchemaOptions): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const guard = guardOf(schema, classification, options, typeName, fieldName);
      if (!guard) return fieldConfig;
      const { gated, field, disclosesRecords } = guard;
      const returnType = getNamedType(fieldConfig.type).name;
      const resolve: GraphQLFieldResolver<unknown, unknown> = fieldConfig.resolve ?? defaultFieldResolver;
      return {
        ...fieldConfig,
        resolve(parent, args: Record<string, unknown>, context, info) {
          const governance = governanceOf(context);
          const reason = gated ? checkFieldAccess(governance.reader, governance.caller.purpose, field) : null;
          if (reason) throw forbidden(governance, field, reason);
          if (gated && governance.permissions.ownSubjectsOnly) {
            const subject = subjectOf(parent, args);
            const own = governance.caller.consumer?.subjects ?? [];
            if (!subject || !own.includes(subject)) {
              throw forbidden(governance, field, `consumer ${governance.caller.consumer?.id} may read it only about the subjects it acts as (${own.join(', ') || 'none'})`);
            }
          }
          const audited = gated || (disclosesRecords && seesAllRecords(governance));
          if (audited) {
            noteRead(governance, typeName, fieldName, parent, args, returnType);
          }
          const value = resolve(parent, args, context, info);
          if (!field.personal) return value;
          // In full only for a caller whose decision covers this person (decidePersonalDataDisclosure) and
          // whose purpose is granted for this field.
          const unmask = unmasksPersonOf(governance.personalData, employerOf(typeName, parent))
            && governance.reader.grants.some((g) => g.purpose === governance.caller.purpose && scopeCovers(g.scope, field));
          if (unmask) {
            noteRead(governance, typeName, fieldName, parent, args, returnType);
            return value;
          }
          const kind = field.personal;
          return isThenable(value) ? value.then((v) => maskPersonalData(kind, v)) : maskPersonalData(kind, value);
        },
      };
    },
  });
}
