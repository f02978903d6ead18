import type { Row } from './GovernmentIntegrityStore.js';

/** Normalises a date column (pg gives Date, PGlite a string). */
export const asDate = (value: unknown): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : (value as string | null));
// Rows from pg and PGlite differ (Date vs string, bigint as string): normalise ids, dates and amounts.
/** A stored row as the resolvers read it: ids as strings, dates YYYY-MM-DD, decimals without trailing zeros. */
export function toRow(raw: Record<string, unknown>): Row {
  const row: Record<string, unknown> = { ...raw, id: String(raw.id), version: Number(raw.version) };
  for (const key of ['promised_on', 'delivered_on', 'accepted_on', 'settled_on', 'due_on', 'fulfilled_on', 'filed_on', 'closed_on', 'superior_notified_on', 'received_on', 'concluded_on', 'held_on', 'broken_on', 'started_on', 'ended_on', 'paid_on', 'raised_on', 'notification_due_on', 'verify_due_on', 'answer_due_on', 'imposed_on']) {
    if (key in row) row[key] = asDate(row[key]);
  }
  for (const key of ['amount', 'agreed_daily_interest_rate', 'paid']) {
    if (row[key] !== null && row[key] !== undefined) row[key] = String(row[key]).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return row as Row;
}
