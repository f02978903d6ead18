import type { CreditRecordFilter, CreditRecordPageArgs } from '../types/CreditRecord.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import type { PageRequest, RecordFilter, RecordOwner } from '../CreditStore.js';
import { isShenzhenAreaCode } from '../../codes/index.js';
import { decodeCursor } from '../cursor.js';
import { badUserInput } from '../errors.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

/** What a CreditRecordConnection field resolves from: whose records, which filter, which page. */
export interface ConnectionSource {
  owner: RecordOwner | null;
  page: PageRequest;
}

/** Copies only the filter fields that are set, so equal filters batch together. */
function toRecordFilter(filter: CreditRecordFilter | null | undefined): RecordFilter {
  const result: RecordFilter = {};
  if (!filter) return result;
  for (const [key, value] of Object.entries(filter) as [keyof RecordFilter, unknown][]) {
    if (value !== undefined && value !== null) (result as Record<string, unknown>)[key] = value;
  }
  const unknown = (result.districts ?? []).filter((code) => !isShenzhenAreaCode(code));
  if (unknown.length) {
    throw badUserInput('filter', `districts ${unknown.map((c) => `"${c}"`).join(', ')} are not Shenzhen area codes; use codes such as 440305 (Nanshan), see the \`districts\` query`);
  }
  if (result.decidedFrom && result.decidedTo && result.decidedFrom > result.decidedTo) {
    throw badUserInput('filter', `decidedFrom (${result.decidedFrom}) is after decidedTo (${result.decidedTo}); swap them`);
  }
  return result;
}

/**
 * Validates the connection arguments and builds the source the connection's fields resolve from.
 * Throws BAD_USER_INPUT naming `first` or `after` when they are out of range or malformed.
 */
export function createConnectionSource(owner: RecordOwner | null, { filter, first, after }: CreditRecordPageArgs): ConnectionSource {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}; page with \`after\` for more`);
  }
  const page: PageRequest = { filter: toRecordFilter(filter), limit };
  if (after !== null && after !== undefined) page.after = decodeCursor(after, 'after');
  return { owner, page };
}
