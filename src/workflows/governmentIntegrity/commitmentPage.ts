import { badInput } from './integrityErrors.js';

/** Largest `first` of a commitments connection. */
export const MAX_COMMITMENTS_PER_PAGE = 100;

/** The window of a list a connection asks for: skip `offset`, take `limit`. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** A Relay connection over one window of an ordered list, with the list's length. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number;
}

// A cursor is the position of a commitment in the field's order (due date, then id), opaque to clients.
const encode = (position: number): string => Buffer.from(`commitments:${position}`, 'utf8').toString('base64url');

/**
 * Reads `first` (0 to MAX_COMMITMENTS_PER_PAGE) and `after` (a cursor of a commitments connection) into a
 * window. Throws BAD_USER_INPUT naming the argument otherwise.
 */
export function readPageWindow(args: { first?: number | null; after?: string | null }): PageWindow {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_COMMITMENTS_PER_PAGE) {
    throw badInput('first', `must be from 0 to ${MAX_COMMITMENTS_PER_PAGE}, got ${first}; page on with \`after\``);
  }
  if (args.after === undefined || args.after === null) return { offset: 0, limit: first };
  const match = /^commitments:(\d{1,9})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
  if (!match || encode(Number(match[1])) !== args.after) {
    throw badInput('after', `"${args.after.slice(0, 40)}" is not a cursor of a commitments list; pass an edge's cursor or pageInfo.endCursor unchanged`);
  }
  return { offset: Number(match[1]) + 1, limit: first };
}

/** The connection of `nodes`, the window `window` of a list of `totalCount` items. */
export function toConnection<T>(nodes: readonly T[], window: PageWindow, totalCount: number): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: encode(window.offset + i), node }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: window.offset + nodes.length < totalCount,
      hasPreviousPage: window.offset > 0,
    },
    totalCount,
  };
}
