import { badUserInput } from './errors.js';

const PREFIX = 'og1';

/** Encodes an organisation's position in USCC order as an opaque cursor. */
export function encodeOrganisationCursor(uscc: string): string {
  return Buffer.from(`${PREFIX}|${uscc}`, 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeOrganisationCursor` to its USCC; throws BAD_USER_INPUT naming `argumentName` otherwise. */
export function decodeOrganisationCursor(cursor: string, argumentName = 'after'): string {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^og1\|([0-9A-Z]{18})$/.exec(text);
  if (!match) {
    throw badUserInput(argumentName, `"${cursor}" is not a cursor of this connection; pass an edge's cursor or pageInfo.endCursor unchanged`);
  }
  return match[1] as string;
}
