import type { Knex } from 'knex';

// Snapshots, as in 20261130000300: replaying never depends on today's rule files.
const KINDS_BEFORE = [
  'ADMINISTRATIVE_LICENCE', 'ADMINISTRATIVE_PENALTY', 'JUDICIAL_JUDGMENT', 'JUDGMENT_DEFAULTER',
  'SERIOUS_DISHONESTY', 'GOVERNMENT_SANCTION', 'DISCIPLINARY_SANCTION', 'ACCOUNTABILITY', 'COMMENDATION',
  'CREDIT_COMMITMENT', 'PARTY_DISCIPLINE',
];
const KINDS_AFTER = [...KINDS_BEFORE, 'GOVERNMENT_DISHONESTY'];
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
 * Issue 15 items 3-5. (1) Broken promises on the record: a government-dishonesty record kind (政务失信,
 * GOVERNMENT_DISHONESTY) and, on a commitment, when and why it was declared broken with the record it created;
 * leadership tenures (who led a body when) from which inherited promises (新官不理旧账) are derived. (2) The SME
 * arrears ledger: partial payments of a payment (commitment_payments) and the finance system's key of an
 * ingested payment (source_system + source_key, unique). (3) The court's defaulter list: an enforcement case
 * opened by a listing remembers the listing record, the conduct and the deadline to notify the superior;
 * integrity_alerts tells the credit office of listings and deletions.
 */
export async function up(knex: Knex): Promise<void> {
  await replaceCheck(knex, KINDS_AFTER);
  await knex.schema.alterTable('government_commitments', (t) => {
    t.date('broken_on').nullable();
    t.text('broken_reason').nullable();
    t.jsonb('broken_evidence').nullable();
    t.bigInteger('dishonesty_record_id').nullable().references('id').inTable('credit_records');
    t.text('source_system').nullable();
    t.text('source_key').nullable();
    t.text('source_hash').nullable();
    t.unique(['source_system', 'source_key']);
  });
  await knex.raw(`ALTER TABLE government_commitments ADD CONSTRAINT government_commitments_broken CHECK (
    status = 'BROKEN' OR (broken_on IS NULL AND dishonesty_record_id IS NULL))`);
  await knex.raw(`ALTER TABLE government_commitments ADD CONSTRAINT government_commitments_source CHECK ((source_system IS NULL) = (source_key IS NULL))`);

  await knex.schema.createTable('leadership_tenures', (t) => {
    t.bigIncrements('id').primary();
    t.string('body_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('leader_name').notNullable();
    t.text('post').notNullable();
    t.date('started_on').notNullable();
    t.date('ended_on').nullable();
    t.text('recorded_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['body_uscc', 'started_on']);
  });
  await knex.raw('ALTER TABLE leadership_tenures ADD CONSTRAINT leadership_tenures_valid CHECK (ended_on IS NULL OR ended_on >= started_on)');

  await knex.schema.createTable('commitment_payments', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('commitment_id').notNullable().references('id').inTable('government_commitments');
    t.date('paid_on').notNullable();
    t.decimal('amount', 18, 6).notNullable();
    t.text('recorded_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['commitment_id', 'paid_on']);
  });
  await knex.raw('ALTER TABLE commitment_payments ADD CONSTRAINT commitment_payments_valid CHECK (amount > 0)');

  await knex.schema.alterTable('enforcement_cases', (t) => {
    t.bigInteger('listing_record_id').nullable().references('id').inTable('credit_records');
    t.text('conduct').nullable();
    t.date('notification_due_on').nullable();
    t.text('notification_rule').nullable();
  });

  await knex.schema.createTable('integrity_alerts', (t) => {
    t.bigIncrements('id').primary();
    t.text('kind').notNullable();
    t.string('body_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.bigInteger('case_id').nullable().references('id').inTable('enforcement_cases');
    t.bigInteger('record_id').nullable().references('id').inTable('credit_records');
    t.text('message').notNullable();
    t.date('raised_on').notNullable();
    t.date('due_on').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['raised_on']);
  });
  await knex.raw(`ALTER TABLE integrity_alerts ADD CONSTRAINT integrity_alerts_valid CHECK (kind IN ('DEFAULTER_LISTED', 'DEFAULTER_DELETED', 'COMMITMENT_BROKEN'))`);
}

/**
 * Drops the new tables and columns; government-dishonesty records (with objections and repair applications
 * about them) are deleted, since the older constraint cannot hold them.
 */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('integrity_alerts');
  await knex.schema.alterTable('enforcement_cases', (t) => {
    t.dropColumn('listing_record_id');
    t.dropColumn('conduct');
    t.dropColumn('notification_due_on');
    t.dropColumn('notification_rule');
  });
  await knex.schema.dropTable('commitment_payments');
  await knex.schema.dropTable('leadership_tenures');
  await knex.raw('ALTER TABLE government_commitments DROP CONSTRAINT government_commitments_source');
  await knex.raw('ALTER TABLE government_commitments DROP CONSTRAINT government_commitments_broken');
  await knex.schema.alterTable('government_commitments', (t) => {
    t.dropUnique(['source_system', 'source_key']);
    t.dropColumn('broken_on');
    t.dropColumn('broken_reason');
    t.dropColumn('broken_evidence');
    t.dropColumn('dishonesty_record_id');
    t.dropColumn('source_system');
    t.dropColumn('source_key');
    t.dropColumn('source_hash');
  });
  const ids = knex('credit_records').where({ kind: 'GOVERNMENT_DISHONESTY' }).select('id');
  await knex('objections').whereIn('record_id', ids.clone()).delete();
  await knex('repair_applications').whereIn('record_id', ids.clone()).delete();
  await knex('credit_records').where({ kind: 'GOVERNMENT_DISHONESTY' }).delete();
  await replaceCheck(knex, KINDS_BEFORE);
}
