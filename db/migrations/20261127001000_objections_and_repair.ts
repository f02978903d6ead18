import type { Knex } from 'knex';

// Snapshots of the enumerations (src/credit/workflows/objections): replaying never reads code.
const GROUNDS = ['ERROR_OR_OMISSION', 'DISCLOSED_AFTER_PERIOD', 'WRONGLY_LISTED_OR_NOT_REMOVED', 'OTHER_BREACH'];
const OBJECTION_STATES = ['ACCEPTED', 'CHECKED', 'CLOSED'];
const OUTCOMES = ['CORRECT', 'SUPPLEMENT', 'STOP_DISCLOSURE', 'REMOVE_FROM_LIST', 'REJECT'];
const REPAIR_STATES = ['SUBMITTED', 'APPROVED', 'REFUSED'];
const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * Objections (异议, Shenzhen credit regulation art. 48-51) and credit repair applications (信用修复).
 * Deadlines are stored as dates computed from the working-day calendar when each step happens, so a later
 * calendar change never moves a deadline already given. `version` increases on every transition
 * (optimistic concurrency); at most one open objection and one pending repair application per record.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('objections', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('record_id').notNullable().references('id').inTable('credit_records');
    t.string('subject_uscc', 18).notNullable();
    t.text('ground').notNullable();
    t.text('statement').notNullable();
    t.jsonb('evidence').notNullable().defaultTo('[]');
    t.text('filed_by').notNullable();
    t.text('filed_as').notNullable();
    t.text('state').notNullable();
    t.text('previous_record_status').notNullable();
    t.date('accepted_on').notNullable();
    t.date('check_due').notNullable();
    t.date('checked_on').nullable();
    t.text('checked_by').nullable();
    t.text('check_note').nullable();
    t.date('decision_due').nullable();
    t.date('extended_on').nullable();
    t.text('extended_by').nullable();
    t.text('extension_reason').nullable();
    t.text('outcome').nullable();
    t.text('decision_reason').nullable();
    t.date('decided_on').nullable();
    t.text('decided_by').nullable();
    t.jsonb('changes').notNullable().defaultTo('[]');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`ALTER TABLE objections ADD CONSTRAINT objections_valid CHECK (
    ground IN (${list(GROUNDS)}) AND state IN (${list(OBJECTION_STATES)}) AND filed_as IN ('SELF', 'AGENT')
    AND (outcome IS NULL OR outcome IN (${list(OUTCOMES)}))
    AND ((state = 'CLOSED') = (outcome IS NOT NULL))
    AND ((state = 'ACCEPTED') = (checked_on IS NULL)))`);
  await knex.raw("CREATE UNIQUE INDEX objections_one_open_idx ON objections (record_id) WHERE state <> 'CLOSED'");
  await knex.raw('CREATE INDEX objections_record_idx ON objections (record_id, id)');
  await knex.raw('CREATE INDEX objections_subject_idx ON objections (subject_uscc, id)');
  await knex.raw("CREATE INDEX objections_open_idx ON objections (state) WHERE state <> 'CLOSED'");

  await knex.schema.createTable('repair_applications', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('record_id').notNullable().references('id').inTable('credit_records');
    t.string('subject_uscc', 18).notNullable();
    t.text('statement').notNullable();
    t.boolean('obligations_performed').notNullable();
    t.boolean('commitment_given').notNullable();
    t.text('applied_by').notNullable();
    t.text('state').notNullable();
    t.date('applied_on').notNullable();
    t.date('decision_due').notNullable();
    t.date('extended_on').nullable();
    t.text('extended_by').nullable();
    t.text('extension_reason').nullable();
    t.date('decided_on').nullable();
    t.text('decided_by').nullable();
    t.text('decision_reason').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`ALTER TABLE repair_applications ADD CONSTRAINT repair_applications_valid CHECK (
    state IN (${list(REPAIR_STATES)}) AND ((state = 'SUBMITTED') = (decided_on IS NULL)))`);
  await knex.raw("CREATE UNIQUE INDEX repair_applications_one_pending_idx ON repair_applications (record_id) WHERE state = 'SUBMITTED'");
  await knex.raw('CREATE INDEX repair_applications_record_idx ON repair_applications (record_id, id)');
  await knex.raw('CREATE INDEX repair_applications_subject_idx ON repair_applications (subject_uscc, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('repair_applications');
  await knex.schema.dropTable('objections');
}
