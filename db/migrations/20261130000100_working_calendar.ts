import type { Knex } from 'knex';

/**
 * The working-day calendar at run time (src/credit/calendar): official holiday years added while the hub runs
 * (`npm run calendar:add`), read by every hub process; whether each stored deadline was computed on a
 * provisional year (临时推算, no official notice yet), so that adding the notice can recompute exactly those;
 * and every recomputation of a deadline (old, new, reason, when).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('holiday_calendars', (t) => {
    t.integer('year').primary();
    t.text('source').notNullable();
    t.jsonb('days').notNullable();
    t.timestamp('added_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw("ALTER TABLE holiday_calendars ADD CONSTRAINT holiday_calendars_valid CHECK (year BETWEEN 1 AND 9999 AND source <> '')");

  await knex.schema.alterTable('objections', (t) => {
    t.boolean('check_due_provisional').notNullable().defaultTo(false);
    t.boolean('decision_due_provisional').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('repair_applications', (t) => {
    t.boolean('decision_due_provisional').notNullable().defaultTo(false);
  });

  await knex.schema.createTable('deadline_changes', (t) => {
    t.bigIncrements('id').primary();
    t.text('procedure').notNullable();
    t.bigInteger('procedure_id').notNullable();
    t.text('deadline').notNullable();
    t.date('old_due').notNullable();
    t.date('new_due').notNullable();
    t.boolean('old_provisional').notNullable();
    t.boolean('new_provisional').notNullable();
    t.text('reason').notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['procedure', 'procedure_id']);
  });
  await knex.raw(`ALTER TABLE deadline_changes ADD CONSTRAINT deadline_changes_valid CHECK (
    procedure IN ('OBJECTION', 'REPAIR_APPLICATION') AND deadline IN ('CHECK', 'DECISION') AND reason <> '')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('deadline_changes');
  await knex.schema.alterTable('repair_applications', (t) => {
    t.dropColumn('decision_due_provisional');
  });
  await knex.schema.alterTable('objections', (t) => {
    t.dropColumn('check_due_provisional');
    t.dropColumn('decision_due_provisional');
  });
  await knex.schema.dropTable('holiday_calendars');
}
