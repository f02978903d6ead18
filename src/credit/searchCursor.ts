import type { SearchPosition } from './CreditStore.js';
import { badUserInput } from './errors.js';

const PREFIX = 'ss1';

/** Encodes a hit's place in the search ranking (tier, name, USCC) as an opaque cursor. */
export function encodeSearchCursor({ rank, name, uscc }: SearchPosition): string {
  return Buffer.from(JSON.stringify([PREFIX, rank, uscc, name]), 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeSearchCursor`; throws BAD_USER_INPUT naming `argumentName` otherwise. */
export function decodeSearchCursor(cursor: string, argumentName = 'after'): SearchPosition {
  let value: unknown;
  try {
    value = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 4 && value[0] === PREFIX && Number.isInteger(value[1])
    && typeof value[2] === 'string' && /^[0-9A-Z]{18}$/.test(value[2]) && typeof value[3] === 'string') {
    return { rank: value[1] as number, uscc: value[2], name: value[3] };
  }
  throw badUserInput(argumentName, `"${cursor}" is not a cursor of this search; pass an edge's cursor or pageInfo.endCursor unchanged`);
}
