import type { Knex } from 'knex';

/**
 * Government integrity (政务诚信): promises government bodies owe enterprises (新官不理旧账 — policy promises,
 * contracts, payments with due dates), enforcement cases against government bodies (党政机关失信被执行人)
 * with notifications of the superior body and interviews (约谈), and public complaints about government
 * integrity. Every row carries a `version` for optimistic concurrency.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('government_commitments', (t) => {
    t.bigIncrements('id').primary();
    t.string('body_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.string('counterparty_uscc', 18).nullable().references('uscc').inTable('organisations');
    t.text('kind').notNullable();
    t.text('title').notNullable();
    t.decimal('amount', 18, 4).nullable();
    t.date('promised_on').notNullable();
    t.date('delivered_on').nullable();
    t.integer('payment_term_days').nullable();
    t.date('due_on').notNullable();
    t.text('status').notNullable().defaultTo('PENDING');
    t.date('fulfilled_on').nullable();
    t.boolean('leadership_changed').notNullable().defaultTo(false);
    t.text('recorded_by').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['body_uscc', 'status']);
    t.index(['status', 'due_on']);
  });
  await knex.raw(`ALTER TABLE government_commitments ADD CONSTRAINT government_commitments_valid CHECK (
    kind IN ('POLICY_PROMISE', 'CONTRACT', 'PAYMENT') AND status IN ('PENDING', 'FULFILLED', 'BROKEN')
    AND (status = 'FULFILLED') = (fulfilled_on IS NOT NULL) AND due_on >= promised_on
    AND (kind <> 'PAYMENT' OR (delivered_on IS NOT NULL AND payment_term_days BETWEEN 1 AND 60)))`);

  await knex.schema.createTable('enforcement_cases', (t) => {
    t.bigIncrements('id').primary();
    t.text('case_number').notNullable().unique();
    t.string('body_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.string('court_uscc', 18).nullable().references('uscc').inTable('organisations');
    t.decimal('amount', 18, 4).nullable();
    t.date('filed_on').notNullable();
    t.text('status').notNullable().defaultTo('OPEN');
    t.date('closed_on').nullable();
    t.string('superior_uscc', 18).nullable().references('uscc').inTable('organisations');
    t.date('superior_notified_on').nullable();
    t.text('recorded_by').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['body_uscc']);
    t.index(['filed_on']);
  });
  await knex.raw(`ALTER TABLE enforcement_cases ADD CONSTRAINT enforcement_cases_valid CHECK (
    status IN ('OPEN', 'CLOSED') AND (status = 'CLOSED') = (closed_on IS NOT NULL) AND (closed_on IS NULL OR closed_on >= filed_on))`);
  await knex.schema.createTable('enforcement_interviews', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('case_id').notNullable().references('id').inTable('enforcement_cases');
    t.date('held_on').notNullable();
    t.text('interviewer').notNullable();
    t.text('summary').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['case_id']);
  });

  await knex.schema.createTable('integrity_complaints', (t) => {
    t.bigIncrements('id').primary();
    t.string('body_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('channel').notNullable();
    t.text('content').notNullable();
    t.text('complainant_name').nullable();
    t.text('complainant_phone').nullable();
    t.date('received_on').notNullable();
    t.text('status').notNullable().defaultTo('RECEIVED');
    t.text('outcome').nullable();
    t.date('concluded_on').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['body_uscc']);
  });
  await knex.raw(`ALTER TABLE integrity_complaints ADD CONSTRAINT integrity_complaints_valid CHECK (
    channel IN ('HOTLINE_12345', 'ONLINE', 'LETTER', 'VISIT') AND status IN ('RECEIVED', 'VERIFYING', 'SUBSTANTIATED', 'UNSUBSTANTIATED')
    AND (status IN ('SUBSTANTIATED', 'UNSUBSTANTIATED')) = (concluded_on IS NOT NULL AND outcome IS NOT NULL))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('integrity_complaints');
  await knex.schema.dropTable('enforcement_interviews');
  await knex.schema.dropTable('enforcement_cases');
  await knex.schema.dropTable('government_commitments');
}
