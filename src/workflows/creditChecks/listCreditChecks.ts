import { badUserInput } from '../../codes/index.js';
import type { CheckListQuery, CheckPage, CreditCheckStore } from './CreditCheckStore.js';

/** creditChecks' arguments, after scalar parsing. */
export interface CreditChecksArgs {
  filter?: { reference?: string | null; tenderCode?: string | null; from?: Date | null; to?: Date | null; verdict?: string | null } | null;
  first: number;
  after?: string | null;
}

/** The most checks one page holds. */
export const MAX_CHECKS_PAGE = 100;

/** The opaque cursor of a check in the newest-first order: its issue time and id. */
export const toCheckCursor = (check: { issuedAt: string; id: string }): string => Buffer.from(JSON.stringify([check.issuedAt, check.id]), 'utf8').toString('base64url');

function fromCheckCursor(cursor: string): { issuedAt: string; id: string } {
  try {
    const [issuedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof issuedAt === 'string' && !Number.isNaN(Date.parse(issuedAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { issuedAt, id };
  } catch {
    // reported below
  }
  throw badUserInput('after must be an endCursor (or edge cursor) from an earlier creditChecks page', { field: 'after' });
}

function optionalText(value: string | null | undefined, field: string, what: string): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '' || text.length > 200) throw badUserInput(`${field} must be ${what}, 1 to 200 characters, when given`, { field });
  return text;
}

/**
 * One page of the stored checks `consumerId` may list (null: every consumer's), newest first, with the
 * filter applied: reference and tender code exactly (the code normalised like tender(code:)), issued in
 * [from, to), overall verdict. Throws BAD_USER_INPUT naming the argument for a bad page size, cursor or range.
 */
export async function listCreditChecks(store: CreditCheckStore, consumerId: string | null, args: CreditChecksArgs): Promise<CheckPage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_CHECKS_PAGE) {
    throw badUserInput(`first must be 1 to ${MAX_CHECKS_PAGE}, got ${args.first}`, { field: 'first' });
  }
  const filter = args.filter ?? {};
  const query: CheckListQuery = {
    consumerId,
    reference: optionalText(filter.reference, 'filter.reference', 'a case reference'),
    tenderCode: optionalText(filter.tenderCode, 'filter.tenderCode', 'a bid section code (标段编号)')?.toUpperCase() ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    verdict: filter.verdict ?? null,
    first: args.first,
    after: args.after == null ? null : fromCheckCursor(args.after),
  };
  if (query.from && query.to && query.from.getTime() >= query.to.getTime()) {
    throw badUserInput(`filter.from ${query.from.toISOString()} must be before filter.to ${query.to.toISOString()} (checks issued at or after from and before to)`, { field: 'filter.from', fields: ['filter.from', 'filter.to'] });
  }
  return store.listChecks(query);
}
