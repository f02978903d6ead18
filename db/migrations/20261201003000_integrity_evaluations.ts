import type { Knex } from 'knex';

/**
 * Integrity evaluation snapshots (政务诚信评价, policy 三.8; issue 12 item 4). A run is one computation of a
 * period (2026-Q3, 2026) at a level (DEPARTMENT, DISTRICT) under one version of the indicator catalogue,
 * counting only rows created at or before its data watermark (`data_as_of`); its unit scores and
 * indicator values with their counts are written with it and never changed, so a published ranking
 * stays as published when the data change later. Recomputing makes a new run.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('integrity_evaluation_runs', (t) => {
    t.bigIncrements('id').primary();
    t.text('period').notNullable();
    t.text('level').notNullable();
    t.text('rule_version').notNullable();
    t.timestamp('computed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('data_as_of', { useTz: true }).notNullable();
    t.text('computed_by').notNullable();
    t.integer('unit_count').notNullable();
    t.index(['period', 'level', 'id']);
  });
  await knex.raw(`ALTER TABLE integrity_evaluation_runs ADD CONSTRAINT integrity_evaluation_runs_valid CHECK (
    level IN ('DEPARTMENT', 'DISTRICT') AND period ~ '^[0-9]{4}(-Q[1-4]){0,1}$' AND unit_count >= 0)`);
  await knex.schema.createTable('integrity_evaluation_scores', (t) => {
    t.bigInteger('run_id').notNullable().references('id').inTable('integrity_evaluation_runs').onDelete('CASCADE');
    t.text('unit_code').notNullable();
    t.text('unit_name').notNullable();
    t.text('district_code').nullable();
    t.integer('bodies').notNullable();
    t.integer('rank').notNullable();
    t.decimal('score', 7, 2).notNullable();
    t.primary(['run_id', 'unit_code']);
    t.index(['run_id', 'rank', 'unit_code']);
  });
  await knex.schema.createTable('integrity_evaluation_indicators', (t) => {
    t.bigInteger('run_id').notNullable();
    t.text('unit_code').notNullable();
    t.text('indicator_id').notNullable();
    // Text, exactly as computed: a count ("3") or a ratio to 6 decimals ("0.125000").
    t.text('value').nullable();
    t.decimal('score', 7, 2).nullable();
    t.decimal('weight', 9, 4).notNullable();
    // The evidence: the counts, and for platform figures the windows the platforms reported. The filters that
    // reproduce the counts follow from the run (period, level, watermark, rule version) and the unit, so they
    // are rebuilt when read instead of being stored 14 times per unit.
    t.integer('count').nullable();
    t.integer('out_of').nullable();
    t.jsonb('platform_windows').nullable();
    t.primary(['run_id', 'unit_code', 'indicator_id']);
    t.foreign(['run_id', 'unit_code']).references(['run_id', 'unit_code']).inTable('integrity_evaluation_scores').onDelete('CASCADE');
  });
  await knex.raw(`ALTER TABLE integrity_evaluation_indicators ADD CONSTRAINT integrity_evaluation_indicators_valid CHECK (
    (value IS NULL) = (score IS NULL) AND (value IS NULL OR value ~ '^[0-9]+(\\.[0-9]+){0,1}$') AND (score IS NULL OR score BETWEEN 0 AND 100) AND weight > 0)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('integrity_evaluation_indicators');
  await knex.schema.dropTable('integrity_evaluation_scores');
  await knex.schema.dropTable('integrity_evaluation_runs');
}
