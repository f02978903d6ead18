import { isAbstractType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { organisationReadsFor, type OrganisationProperty } from '../organisationFieldReads.js';
import { recordReadsFor, type RecordProperty } from '../recordFieldReads.js';
import { selectedFieldNames } from '../selectedFieldNames.js';
import type { CreditRecordFilter, CreditRecordPageArgs } from '../types/CreditRecord.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import type { PageRequest, PartyRole, RecordFilter, RecordOwner } from '../CreditStore.js';
import { isShenzhenAreaCode } from '../../codes/index.js';
import { decodeCursor } from '../cursor.js';
import { badUserInput } from '../errors.js';
import { parsePeriod } from '../period.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

/** What a CreditRecordConnection field resolves from: whose records, which filter, which page. */
export interface ConnectionSource {
  owner: RecordOwner | null;
  page: PageRequest;
  /** The client reads this connection's page too (edges or pageInfo), so a batched first page brings totalCount along. */
  countWithPage?: boolean;
  /** The records' parties the client reads (authority, source unit): the page brings those organisations along. */
  parties?: readonly PartyRole[];
  /** What of each record row the client's selection needs (absent: the whole row). */
  reads?: readonly RecordProperty[];
  /** What of the records' parties the client's selection needs (absent: whole organisations). */
  partyReads?: readonly OrganisationProperty[];
}

const fieldNames = new WeakMap<GraphQLSchema, { record: readonly string[]; subject: readonly string[] }>();
/** What a connection's selection asks of the store, worked out once per selection (selectedFieldNames keeps those). */
type SelectionNeeds = Pick<ConnectionSource, 'reads' | 'partyReads' | 'countWithPage' | 'parties'>;
const needsBySelection = new WeakMap<ReadonlySet<string>, SelectionNeeds>();

// The field names of CreditRecord and of the subject types in the schema being executed, worked out once per schema.
function fieldNamesOf(schema: GraphQLSchema): { record: readonly string[]; subject: readonly string[] } {
  let names = fieldNames.get(schema);
  if (!names) {
    const record = schema.getType('CreditRecord');
    const subject = schema.getType('CreditSubject');
    const subjectTypes = subject && isAbstractType(subject) ? schema.getPossibleTypes(subject) : [];
    names = {
      record: isObjectType(record) ? Object.keys(record.getFields()) : [],
      subject: [...new Set(subjectTypes.flatMap((type) => Object.keys(type.getFields())))],
    };
    fieldNames.set(schema, names);
  }
  return names;
}

/**
 * Throws BAD_USER_INPUT naming `argumentName[i]` for the first code that is not an area of the `districts`
 * query (the reference data the districts table is loaded from, local codes of functional areas included).
 */
export function assertDistrictCodes(codes: readonly string[] | null | undefined, argumentName: string): void {
  (codes ?? []).forEach((code, i) => {
    if (!isShenzhenAreaCode(code)) {
      throw badUserInput(`${argumentName}[${i}]`, `"${code}" is not a Shenzhen area code; use a code of the \`districts\` query, e.g. 440305 (Nanshan) or 4403DP (Dapeng New Area)`);
    }
  });
}

/**
 * The client's filter as the store reads it: only the fields that are set (so equal filters batch together),
 * `decidedIn` turned into decision dates. Throws BAD_USER_INPUT naming `argumentName.<field>` for an unknown
 * district, a malformed period or an empty date range.
 */
export function toRecordFilter(filter: CreditRecordFilter | null | undefined, argumentName = 'filter'): RecordFilter {
  const result: RecordFilter = {};
  if (!filter) return result;
  const { decidedIn, ...rest } = filter;
  for (const [key, value] of Object.entries(rest) as [keyof RecordFilter, unknown][]) {
    if (value !== undefined && value !== null) (result as Record<string, unknown>)[key] = value;
  }
  assertDistrictCodes(result.districts, `${argumentName}.districts`);
  if (decidedIn !== undefined && decidedIn !== null) {
    const period = parsePeriod(decidedIn, `${argumentName}.decidedIn`);
    if (!result.decidedFrom || result.decidedFrom < period.from) result.decidedFrom = period.from;
    if (!result.decidedTo || result.decidedTo > period.to) result.decidedTo = period.to;
  }
  if (result.decidedFrom && result.decidedTo && result.decidedFrom > result.decidedTo) {
    const name = decidedIn ? `${argumentName}.decidedIn` : argumentName;
    throw badUserInput(name, `decidedFrom (${result.decidedFrom}) is after decidedTo (${result.decidedTo}); ${decidedIn ? 'the period lies outside the dates given' : 'swap them'}`);
  }
  return result;
}

/**
 * Validates the connection arguments and builds the source the connection's fields resolve from.
 * Throws BAD_USER_INPUT naming `first` or `after` when they are out of range or malformed. With `info` of the
 * connection field, notes whether the client reads the page (then its total comes with it) and the records'
 * authorities or source units (then they come with the page).
 */
export function createConnectionSource(
  owner: RecordOwner | null,
  { filter, first, after }: CreditRecordPageArgs,
  info?: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'schema'>,
): ConnectionSource {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}; page with \`after\` for more`);
  }
  const page: PageRequest = { filter: toRecordFilter(filter), limit };
  if (after !== null && after !== undefined) page.after = decodeCursor(after, 'after');
  if (!info) return { owner, page };
  const selected = selectedFieldNames(info);
  let needs = needsBySelection.get(selected);
  if (!needs) {
    const countWithPage = selected.has('edges') || selected.has('pageInfo');
    const parties = (['authority', 'sourceUnit'] as const).filter((role) => selected.has(role));
    const names = fieldNamesOf(info.schema);
    const reads = recordReadsFor(selected, names.record);
    const partyReads = parties.length > 0 ? organisationReadsFor(selected, names.subject) : undefined;
    needs = {
      ...(reads ? { reads } : {}), ...(partyReads ? { partyReads } : {}),
      ...(countWithPage ? { countWithPage } : {}), ...(parties.length > 0 ? { parties } : {}),
    };
    needsBySelection.set(selected, needs);
  }
  return { owner, page, ...needs };
}
