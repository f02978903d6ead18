import { createHash } from 'node:crypto';

/** prev_hash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an entry's hash covers, in the form both append and verify build it. */
export interface LedgerEntryContent {
  seq: number;
  /** ISO 8601 with milliseconds, UTC (`Date#toISOString`). */
  occurredAt: string;
  consumerId: string | null;
  purpose: string | null;
  caseReference: string | null;
  operationName: string | null;
  documentHash: string | null;
  fieldsRead: string[];
  subjectUsccs: string[];
  civilServantIds: string[];
  outcome: string;
  details: Record<string, unknown>;
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().map((key) => [key, canonicalValue(object[key])]));
  }
  return value;
}

/**
 * JSON with object keys sorted at every depth and no insignificant white space, after a JSON round trip
 * (undefined dropped, dates as strings): the same text for a value and for what jsonb gives back of it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(JSON.parse(JSON.stringify(value ?? null))));
}

/** entry_hash = SHA-256 hex of `prevHash` followed by the canonical JSON of the entry's content. */
export function computeEntryHash(prevHash: string, content: LedgerEntryContent): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson(content), 'utf8').digest('hex');
}
