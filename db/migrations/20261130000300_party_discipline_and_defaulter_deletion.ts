import type { Knex } from 'knex';

// Snapshots, as in 20261127000500_credit_records: replaying never depends on today's rule files.
const KINDS_BEFORE = [
  'ADMINISTRATIVE_LICENCE', 'ADMINISTRATIVE_PENALTY', 'JUDICIAL_JUDGMENT', 'JUDGMENT_DEFAULTER',
  'SERIOUS_DISHONESTY', 'GOVERNMENT_SANCTION', 'DISCIPLINARY_SANCTION', 'ACCOUNTABILITY', 'COMMENDATION',
  'CREDIT_COMMITMENT',
];
const KINDS_AFTER = [...KINDS_BEFORE, 'PARTY_DISCIPLINE'];
const STATUSES = ['IN_PUBLICITY', 'UNDER_OBJECTION', 'REPAIRED', 'WITHDRAWN', 'EXPIRED'];
const SEVERITIES = ['MINOR', 'GENERAL', 'SERIOUS'];

const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

async function replaceCheck(knex: Knex, kinds: string[]): Promise<void> {
  await knex.raw('ALTER TABLE credit_records DROP CONSTRAINT credit_records_valid');
  await knex.raw(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_valid CHECK (
    kind IN (${list(kinds)})
    AND status IN (${list(STATUSES)})
    AND (severity IS NULL OR severity IN (${list(SEVERITIES)}))
    AND ((subject_uscc IS NULL) <> (civil_servant_id IS NULL))
    AND (fine_amount IS NULL OR fine_amount >= 0)
    AND (confiscated_amount IS NULL OR confiscated_amount >= 0)
    AND (publicity_end IS NULL OR publicity_start IS NULL OR publicity_end >= publicity_start))`);
}

/**
 * Issue 9 item 3. (1) Party discipline (党纪处分) becomes its own record kind, PARTY_DISCIPLINE, beside
 * civil-service sanctions (DISCIPLINARY_SANCTION). (2) Stored judgment-defaulter listings stop ending after a
 * flat 24 months: a listing ends on the court's deletion (SPC provisions art. 10) — `details.deletedOn` where
 * the source reported one, else it stays open — and is never repairable (no minimum end). Listings that had
 * "expired" after 24 months without a deletion are back in publicity: the court still lists them.
 */
export async function up(knex: Knex): Promise<void> {
  await replaceCheck(knex, KINDS_AFTER);
  // Records a rollback folded into DISCIPLINARY_SANCTION get their own kind back.
  await knex.raw(`UPDATE catalog_items SET record_kind = 'PARTY_DISCIPLINE' WHERE code IN (
    SELECT DISTINCT catalog_item_code FROM credit_records WHERE kind = 'DISCIPLINARY_SANCTION' AND (details->>'foldedPartyDiscipline') = 'true')`);
  await knex.raw(`UPDATE credit_records SET kind = 'PARTY_DISCIPLINE', details = details - 'foldedPartyDiscipline'
    WHERE kind = 'DISCIPLINARY_SANCTION' AND (details->>'foldedPartyDiscipline') = 'true'`);
  await knex.raw(`
    UPDATE credit_records
       SET publicity_min_end = NULL,
           publicity_end = GREATEST(publicity_start, NULLIF(details->>'deletedOn', '')::date),
           status = CASE WHEN status = 'EXPIRED' AND NULLIF(details->>'deletedOn', '') IS NULL THEN 'IN_PUBLICITY' ELSE status END,
           updated_at = now()
     WHERE kind = 'JUDGMENT_DEFAULTER' AND publicity_start IS NOT NULL`);
}

/**
 * Back to the flat rule: every listing ends 24 months after its listing date (minimum end the same), and is
 * EXPIRED once that day has passed. Party discipline folds back into DISCIPLINARY_SANCTION (as before the
 * split), marked `foldedPartyDiscipline` so that `up` can split it again.
 */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(`UPDATE catalog_items SET record_kind = 'DISCIPLINARY_SANCTION' WHERE record_kind = 'PARTY_DISCIPLINE'`);
  await knex.raw(`UPDATE credit_records SET kind = 'DISCIPLINARY_SANCTION', details = details || '{"foldedPartyDiscipline": true}'::jsonb
    WHERE kind = 'PARTY_DISCIPLINE'`);
  await knex.raw(`
    UPDATE credit_records
       SET publicity_min_end = (publicity_start + interval '24 months')::date,
           publicity_end = (publicity_start + interval '24 months')::date,
           status = CASE WHEN status = 'IN_PUBLICITY' AND (publicity_start + interval '24 months')::date < current_date THEN 'EXPIRED' ELSE status END,
           updated_at = now()
     WHERE kind = 'JUDGMENT_DEFAULTER' AND publicity_start IS NOT NULL`);
  await replaceCheck(knex, KINDS_BEFORE);
}
