import { badUserInput } from '../../src/codes/index.js';

/** A Relay connection built from one window of a platform's paged list. */
export interface OffsetConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number;
}

/** Largest `first` a platform listing serves (the credit store's connections allow as many). */
export const MAX_FIRST = 100;

// A cursor is the position of an item in the platform's order, opaque to clients.
const encodeCursor = (list: string, position: number): string => Buffer.from(`${list}:${position}`, 'utf8').toString('base64url');

/**
 * Reads `first` (0 to MAX_FIRST) and `after` (a cursor of the listing `list`) into the offset of the first
 * item wanted and the number wanted. Throws BAD_USER_INPUT naming the argument otherwise.
 */
export function readOffsetArgs(list: string, args: { first: number; after?: string | null }): { offset: number; limit: number } {
  if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_FIRST) {
    throw badUserInput(`Argument "first": must be from 0 to ${MAX_FIRST}, got ${args.first}; page with \`after\` for more`, { argumentName: 'first' });
  }
  if (args.after === undefined || args.after === null) return { offset: 0, limit: args.first };
  const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
  const match = new RegExp(`^${list}:(\\d{1,9})$`).exec(decoded);
  if (!match || encodeCursor(list, Number(match[1])) !== args.after) {
    throw badUserInput(`Argument "after": "${args.after.slice(0, 40)}" is not a cursor of ${list}; pass an edge's cursor or pageInfo.endCursor unchanged`, { argumentName: 'after' });
  }
  return { offset: Number(match[1]) + 1, limit: args.first };
}

/**
 * Reads the window [offset, offset + limit) of a list a platform serves in pages (`fetchPage(pageNo, pageSize)`,
 * pages from 1, with the list's total) and returns it as a connection: one call when the window is a whole page
 * (as it is when a client pages on with the same `first`), two otherwise; one call for the count when limit is 0.
 */
export async function readOffsetWindow<T>(
  list: string,
  window: { offset: number; limit: number },
  fetchPage: (pageNo: number, pageSize: number) => Promise<{ total: number; rows: T[] }>,
): Promise<OffsetConnection<T>> {
  const { offset, limit } = window;
  let total: number;
  let rows: T[];
  if (limit === 0) {
    total = (await fetchPage(1, 1)).total;
    rows = [];
  } else if (offset % limit === 0) {
    const page = await fetchPage(offset / limit + 1, limit);
    total = page.total;
    rows = page.rows;
  } else {
    const first = Math.floor(offset / limit) + 1;
    const pages = await Promise.all([fetchPage(first, limit), fetchPage(first + 1, limit)]);
    total = pages[1].total;
    rows = [...pages[0].rows, ...pages[1].rows].slice(offset - (first - 1) * limit, offset - (first - 1) * limit + limit);
  }
  return toOffsetConnection(list, window, rows, total);
}

/** The connection of `rows`, the window `window` of the list `list` (its cursors) of `total` items. */
export function toOffsetConnection<T>(list: string, window: { offset: number; limit: number }, rows: readonly T[], total: number): OffsetConnection<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(list, window.offset + i), node }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: window.offset + rows.length < total,
      hasPreviousPage: window.offset > 0,
    },
    totalCount: total,
  };
}
