import type { Knex } from 'knex';
import type { ArrearsFeedRow, DefaulterFeedRow, FeedOutcome } from './GovernmentIntegrityStore.js';
import { asDate } from './toRow.js';
import { subtractDecimal, sumDecimals } from './overdueInterest.js';

const isZero = (decimal: string): boolean => /^0(\.0*)?$/.test(decimal);

// A payment's status from its parts: FULFILLED on the last part once nothing is left; a BROKEN one stays BROKEN.
function statusFrom(amount: string, payments: readonly { paid_on: string; amount: string }[], status: string): { status: string; fulfilled_on: string | null } {
  const left = subtractDecimal(amount, sumDecimals(payments.map((p) => p.amount)));
  if (isZero(left)) return { status: 'FULFILLED', fulfilled_on: payments.map((p) => p.paid_on).sort().at(-1) ?? null };
  return { status: status === 'BROKEN' ? 'BROKEN' : 'PENDING', fulfilled_on: null };
}

/**
 * Stores validated payables of a finance system in the caller's transaction: a key seen before with the same
 * fingerprint is UNCHANGED (nothing written); with another, its columns and parts paid are replaced (UPDATED,
 * version + 1); a new key is ACCEPTED. Each existing row is locked first.
 */
export async function storeArrearsFeed(trx: Knex.Transaction, sourceSystem: string, rows: readonly ArrearsFeedRow[], recordedBy: string): Promise<FeedOutcome[]> {
  const outcomes: FeedOutcome[] = [];
  for (const row of rows) {
    const existing = await trx('government_commitments').where({ source_system: sourceSystem, source_key: row.sourceKey }).forUpdate().first('id', 'source_hash', 'status', 'version');
    if (existing && existing.source_hash === row.hash) {
      outcomes.push({ rowNumber: row.rowNumber, status: 'UNCHANGED', id: String(existing.id), errors: [] });
      continue;
    }
    const state = statusFrom(String(row.values.amount), row.payments, existing ? String(existing.status) : 'PENDING');
    const values = { ...row.values, ...state, source_system: sourceSystem, source_key: row.sourceKey, source_hash: row.hash };
    let id: string;
    if (existing) {
      id = String(existing.id);
      await trx('commitment_payments').where({ commitment_id: id }).delete();
      await trx('government_commitments').where({ id }).update({ ...values, version: Number(existing.version) + 1 });
    } else {
      const [inserted] = await trx('government_commitments').insert({ ...values, recorded_by: recordedBy }).returning('id');
      id = String((inserted as { id: unknown }).id);
    }
    if (row.payments.length > 0) await trx('commitment_payments').insert(row.payments.map((p) => ({ ...p, commitment_id: id, recorded_by: recordedBy })));
    outcomes.push({ rowNumber: row.rowNumber, status: existing ? 'UPDATED' : 'ACCEPTED', id, errors: [] });
  }
  return outcomes;
}

/**
 * Applies validated listings and deletions of `court` in the caller's transaction. A listing already stored for
 * the same subject and date is UNCHANGED; with other content it is REJECTED (a correction goes through an
 * objection). A new listing inserts the JUDGMENT_DEFAULTER record and, for a body, opens (or links) the
 * enforcement case and raises a DEFAULTER_LISTED alert. A deletion ends the record's publicity, closes the case
 * and raises DEFAULTER_DELETED; one already applied is UNCHANGED.
 */
export async function storeDefaulterFeed(trx: Knex.Transaction, court: string, rows: readonly DefaulterFeedRow[], recordedBy: string, today: string): Promise<FeedOutcome[]> {
  const outcomes: FeedOutcome[] = [];
  const rejected = (row: DefaulterFeedRow, field: string, message: string) => outcomes.push({ rowNumber: row.rowNumber, status: 'REJECTED', id: null, errors: [{ field, message }] });
  for (const row of rows) {
    const stored = await trx('credit_records').where({ authority_uscc: court, document_number: row.caseNumber, kind: 'JUDGMENT_DEFAULTER' }).forUpdate()
      .first('id', 'subject_uscc', 'decision_date', 'publicity_start', 'details');
    if (row.action === 'LISTING') {
      if (stored) {
        const same = stored.subject_uscc === row.record.subject_uscc && asDate(stored.decision_date) === row.record.decision_date;
        if (same) outcomes.push({ rowNumber: row.rowNumber, status: 'UNCHANGED', id: String(stored.id), errors: [] });
        else rejected(row, 'caseNumber', `case ${row.caseNumber} is already listed for ${String(stored.subject_uscc)} on ${String(asDate(stored.decision_date))}; a correction is an objection to that record, or a DELETION and a new listing`);
        continue;
      }
      const [record] = await trx('credit_records').insert(row.record).returning('id');
      const recordId = String((record as { id: unknown }).id);
      if (row.openCase) {
        const known = await trx('enforcement_cases').where({ case_number: row.caseNumber }).forUpdate().first('id');
        const caseValues = { ...row.openCase, listing_record_id: recordId };
        const caseId = known
          ? (await trx('enforcement_cases').where({ id: known.id }).update({ listing_record_id: recordId, conduct: caseValues.conduct, notification_due_on: caseValues.notification_due_on, notification_rule: caseValues.notification_rule }).returning('id'), String(known.id))
          : String(((await trx('enforcement_cases').insert({ ...caseValues, recorded_by: recordedBy }).returning('id'))[0] as { id: unknown }).id);
        await trx('integrity_alerts').insert({
          kind: 'DEFAULTER_LISTED', body_uscc: row.record.subject_uscc, case_id: caseId, record_id: recordId, raised_on: today,
          due_on: caseValues.notification_due_on, message: row.alert,
        });
      }
      outcomes.push({ rowNumber: row.rowNumber, status: 'ACCEPTED', id: recordId, errors: [] });
      continue;
    }
    if (!stored) {
      rejected(row, 'caseNumber', `no listing of case ${row.caseNumber} by this court is on record; send its LISTING first`);
      continue;
    }
    const details = (typeof stored.details === 'string' ? JSON.parse(stored.details) : stored.details) as Record<string, unknown>;
    if (details.deletedOn === row.deletedOn) {
      outcomes.push({ rowNumber: row.rowNumber, status: 'UNCHANGED', id: String(stored.id), errors: [] });
      continue;
    }
    const start = String(asDate(stored.publicity_start) ?? asDate(stored.decision_date));
    if (row.deletedOn < start) {
      rejected(row, 'deletedOn', `must not be before the listing date ${start}`);
      continue;
    }
    await trx('credit_records').where({ id: stored.id }).update({
      details: JSON.stringify({ ...details, deletedOn: row.deletedOn }), publicity_end: row.deletedOn, updated_at: trx.fn.now(),
      ...(row.expired ? { status: trx.raw("CASE WHEN status IN ('IN_PUBLICITY') THEN 'EXPIRED' ELSE status END") } : {}),
    });
    const open = await trx('enforcement_cases').where({ case_number: row.caseNumber, status: 'OPEN' }).forUpdate().first('id', 'body_uscc', 'filed_on', 'version');
    if (open) {
      const filed = String(asDate(open.filed_on));
      await trx('enforcement_cases').where({ id: open.id }).update({ status: 'CLOSED', closed_on: row.deletedOn < filed ? filed : row.deletedOn, version: Number(open.version) + 1 });
      await trx('integrity_alerts').insert({
        kind: 'DEFAULTER_DELETED', body_uscc: open.body_uscc, case_id: open.id, record_id: stored.id, raised_on: today,
        message: `The court deleted the listing of case ${row.caseNumber} on ${row.deletedOn}; enforcement case ${String(open.id)} is closed`,
      });
    }
    outcomes.push({ rowNumber: row.rowNumber, status: 'UPDATED', id: String(stored.id), errors: [] });
  }
  return outcomes;
}
