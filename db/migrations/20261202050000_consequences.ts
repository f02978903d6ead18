import type { Knex } from 'knex';

/**
 * Issue 15 items 1, 2, 6, 7 — consequences for government bodies and civil servants:
 * - `integrity_measures`: measures (惩戒措施) imposed on an organisation or a civil servant, with their rectification
 *   deadline in working days, the rectification report and the closing; optionally opened by a substantiated complaint;
 * - `eligibility_checks` and `eligibility_check_feedback`: signed eligibility checks (资格审查) for cadre selection,
 *   awards, funding, licensing and procurement, and how each subject's result was used. Civil servants are stored by
 *   their opaque id only: an ID number given in a request is matched through the keyed hash and never stored;
 * - `integrity_complaints` gains a category, a receipt code (回执码) the complainant follows the status with, and the
 *   deadlines to verify and to answer (working days, by the rule version stored with it);
 * - `third_party_evaluations`: evaluation results a third-party evaluator (第三方评估机构) submits for a body and period.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('integrity_complaints', (t) => {
    t.text('category').nullable();
    t.text('receipt_code').nullable().unique();
    t.date('verify_due_on').nullable();
    t.date('answer_due_on').nullable();
    t.text('rule_version').nullable();
  });
  await knex.schema.createTable('integrity_measures', (t) => {
    t.bigIncrements('id').primary();
    t.string('subject_uscc', 18).nullable().references('uscc').inTable('organisations');
    t.text('civil_servant_id').nullable().references('id').inTable('civil_servants');
    t.text('kind').notNullable();
    t.text('rule_version').notNullable();
    t.text('legal_basis').notNullable();
    t.text('reason').notNullable();
    t.date('imposed_on').notNullable();
    t.integer('deadline_working_days').nullable();
    t.date('due_on').nullable();
    t.boolean('due_on_provisional').notNullable().defaultTo(false);
    t.date('effect_ends_on').nullable();
    t.text('status').notNullable().defaultTo('OPEN');
    t.text('rectification').nullable();
    t.date('rectification_reported_on').nullable();
    t.text('outcome').nullable();
    t.text('closing_note').nullable();
    t.date('closed_on').nullable();
    t.bigInteger('complaint_id').nullable().references('id').inTable('integrity_complaints');
    t.text('imposed_by').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['subject_uscc']);
    t.index(['civil_servant_id']);
    t.index(['status', 'due_on']);
  });
  await knex.raw(`ALTER TABLE integrity_measures ADD CONSTRAINT integrity_measures_valid CHECK (
    ((subject_uscc IS NULL) <> (civil_servant_id IS NULL))
    AND status IN ('OPEN', 'RECTIFICATION_REPORTED', 'CLOSED')
    AND (status = 'CLOSED') = (closed_on IS NOT NULL AND outcome IS NOT NULL)
    AND (due_on IS NULL) = (deadline_working_days IS NULL))`);
  await knex.schema.createTable('eligibility_checks', (t) => {
    t.uuid('id').primary();
    t.timestamp('issued_at', { useTz: true }).notNullable();
    t.text('consumer_id').notNullable();
    t.text('consumer_name').notNullable();
    t.text('purpose').notNullable();
    t.text('reference').notNullable();
    t.text('overall_verdict').notNullable();
    t.timestamp('as_of', { useTz: true }).notNullable();
    t.text('rules_version').notNullable();
    t.jsonb('result').notNullable();
    t.text('kid').notNullable().references('kid').inTable('credit_check_keys');
    t.text('jws').notNullable();
    t.index(['consumer_id', 'issued_at']);
  });
  await knex.schema.createTable('eligibility_check_feedback', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('check_id').notNullable().references('id').inTable('eligibility_checks');
    t.text('subject_key').notNullable();
    t.text('usage').notNullable();
    t.text('note').nullable();
    t.text('consumer_id').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['check_id', 'subject_key']);
  });
  await knex.schema.createTable('third_party_evaluations', (t) => {
    t.bigIncrements('id').primary();
    t.text('evaluator_id').notNullable();
    t.text('evaluator_name').notNullable();
    t.string('body_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('period').notNullable();
    t.text('rule_version').notNullable();
    t.jsonb('scores').notNullable();
    t.decimal('overall_score', 6, 2).notNullable();
    t.date('submitted_on').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['evaluator_id', 'body_uscc', 'period']);
    t.index(['body_uscc', 'period']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('third_party_evaluations');
  await knex.schema.dropTable('eligibility_check_feedback');
  await knex.schema.dropTable('eligibility_checks');
  await knex.schema.dropTable('integrity_measures');
  await knex.schema.alterTable('integrity_complaints', (t) => {
    t.dropColumn('category');
    t.dropColumn('receipt_code');
    t.dropColumn('verify_due_on');
    t.dropColumn('answer_due_on');
    t.dropColumn('rule_version');
  });
}
