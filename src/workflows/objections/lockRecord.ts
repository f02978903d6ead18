import type { GraphQLError } from 'graphql';
import type { Knex } from 'knex';
import { notFound as codedNotFound } from '../../codes/index.js';
import { badUserInput } from '../../credit/index.js';

/** The credit record columns the objection and repair procedures read. */
export interface LockedRecord {
  id: string;
  kind: string;
  subjectUscc: string | null;
  status: string;
  publicityMinEnd: unknown;
  ruleVersion: string | null;
  row: Record<string, unknown>;
}

/** BAD_USER_INPUT unless `id` looks like a record or objection id (digits). */
export function assertId(argumentName: string, id: string): void {
  if (!/^\d{1,18}$/.test(id)) throw badUserInput(argumentName, `expected an id made of digits (as CreditRecord.id gives it), got ${JSON.stringify(id)}`);
}

/** NOT_FOUND naming what is missing. */
export function notFound(what: string): GraphQLError {
  return codedNotFound(`${what} does not exist`);
}

/** Reads a credit record and locks it until the transaction ends; NOT_FOUND when there is none. */
export async function lockRecord(trx: Knex.Transaction, recordId: string): Promise<LockedRecord> {
  const row = (await trx('credit_records').where({ id: recordId }).forUpdate().first()) as Record<string, unknown> | undefined;
  if (!row) throw notFound(`credit record ${recordId}`);
  return {
    id: String(row.id),
    kind: String(row.kind),
    subjectUscc: (row.subject_uscc as string | null) ?? null,
    status: String(row.status),
    publicityMinEnd: row.publicity_min_end,
    ruleVersion: (row.rule_version as string | null) ?? null,
    row,
  };
}

/**
 * NOT_FOUND unless the record is the subject's own, with the very answer `lockRecord` gives for a record that
 * does not exist: another subject's record must not be told apart from a missing one (an existence oracle).
 */
export function assertRecordOfSubject(record: LockedRecord, uscc: string): void {
  if (record.subjectUscc === uscc) return;
  throw notFound(`credit record ${record.id}`);
}

/** True for a PostgreSQL unique violation (SQLSTATE 23505) on the named index. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  return e?.code === '23505' && (e.constraint === index || String(e.message).includes(index));
}
