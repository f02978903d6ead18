import { fieldReadsFor } from './fieldReads.js';
import type { OrganisationRow } from './CreditStore.js';

/** A property of an organisation row. */
export type OrganisationProperty = keyof OrganisationRow;

/** What every organisation read with a page reads: its key and its kind (which type of subject it is). */
export const ORGANISATION_CORE_READS: readonly OrganisationProperty[] = Object.freeze(['uscc', 'kind'] as const);

/**
 * What each field of a credit subject (Enterprise, GovernmentBody and the other kinds) reads of the row beyond the
 * core. A field the table does not name reads the whole row; the test of this table answers every field of every
 * subject type, as the authority or source unit of a record, from a read for that field alone and compares it with a
 * whole read.
 */
export const ORGANISATION_FIELD_READS: Readonly<Record<string, readonly OrganisationProperty[]>> = Object.freeze({
  uscc: [], kind: [], creditRecords: [], departments: [],
  name: ['name'],
  legalRepresentative: ['legalRepresentative'],
  establishedOn: ['establishedOn'],
  registeredCapital: ['registeredCapital'],
  registrationStatus: ['registrationStatus'],
  businessScope: ['businessScope'],
  formerNames: ['formerNames'],
  district: ['districtCode'],
  industry: ['industryCode'],
  registrationAuthority: ['registrationAuthorityUscc'],
  parent: ['parentUscc'],
});

/**
 * The row properties to read of an organisation for the subject fields in `selected` (every field name selected
 * under it, at any depth: a name too many adds a property too many, never one too few); undefined (the whole row)
 * when `subjectFields`, the field names of the subject types, has a selected one the table lacks.
 */
export function organisationReadsFor(selected: ReadonlySet<string>, subjectFields: readonly string[]): readonly OrganisationProperty[] | undefined {
  return fieldReadsFor(selected, subjectFields, ORGANISATION_CORE_READS, ORGANISATION_FIELD_READS);
}
