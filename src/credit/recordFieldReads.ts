import { fieldReadsFor } from './fieldReads.js';
import type { RecordRowProperty } from './CreditStore.js';

/** A property of a record row. */
export type RecordProperty = RecordRowProperty;

/**
 * What every page of records reads, whatever is selected: the keys, the parties' codes, what orders and locates a
 * record (its cursor) and its status.
 */
export const RECORD_CORE_READS: readonly RecordProperty[] = Object.freeze([
  'id', 'kind', 'subjectUscc', 'civilServantId', 'authorityUscc', 'sourceUnitUscc', 'catalogItemCode', 'status', 'decisionDate',
] as const);

/**
 * What each field of CreditRecord reads of the row beyond the core. A field the table does not name reads the whole
 * row, so a field added to the type without an entry is never answered from a property left out; the test of this
 * table answers every field of the type from a page read for that field alone and compares it with a whole read.
 * Free text (title, content, legal basis, the particulars) needs `details`: an individual business's reported legal
 * representative is masked in it.
 */
export const RECORD_FIELD_READS: Readonly<Record<string, readonly RecordProperty[]>> = Object.freeze({
  id: [], kind: [], decisionDate: [], status: [], underObjection: [],
  subject: [], civilServant: [], authority: [], sourceUnit: [], catalogItem: [],
  documentNumber: ['documentNumber'],
  title: ['title', 'details'],
  content: ['content', 'details'],
  legalBasis: ['legalBasis', 'details'],
  details: ['details'],
  severity: ['severity'],
  fineAmount: ['fineAmount'],
  confiscatedAmount: ['confiscatedAmount'],
  governanceField: ['governanceField'],
  publicity: ['publicityStart', 'publicityMinEnd', 'publicityEnd', 'ruleVersion'],
});

/**
 * The row properties a page must read to answer the CreditRecord fields in `selected` (the names of every field
 * selected under the connection, at any depth: another type's field of the same name adds a property too many, never
 * one too few); undefined (the whole row) when `recordFields`, the type's field names, has a selected one the table lacks.
 */
export function recordReadsFor(selected: ReadonlySet<string>, recordFields: readonly string[]): readonly RecordProperty[] | undefined {
  return fieldReadsFor(selected, recordFields, RECORD_CORE_READS, RECORD_FIELD_READS);
}
