import type { RecordPosition } from './CreditStore.js';
import { badUserInput } from './errors.js';

const PREFIX = 'cr1';

/** Encodes a record's position in (decisionDate desc, id desc) order as an opaque cursor. */
export function encodeCursor(position: RecordPosition): string {
  return Buffer.from(`${PREFIX}|${position.decisionDate}|${position.id}`, 'utf8').toString('base64url');
}

// 2026-02-30 has the shape of a date but is none; the database would fail on it.
function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** Decodes a cursor from `encodeCursor`; throws BAD_USER_INPUT naming `argumentName` if it is not one. */
export function decodeCursor(cursor: string, argumentName = 'after'): RecordPosition {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^cr1\|(\d{4}-\d{2}-\d{2})\|(\d{1,18})$/.exec(text);
  if (!match || !isCalendarDate(match[1] as string)) {
    throw badUserInput(argumentName, `"${cursor}" is not a cursor of this connection; pass an edge's cursor or pageInfo.endCursor unchanged`);
  }
  return { decisionDate: match[1] as string, id: match[2] as string };
}
