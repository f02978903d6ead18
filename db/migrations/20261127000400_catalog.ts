import type { Knex } from 'knex';

/** The public credit information catalogue (公共信用信息目录): one row per catalogue item. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('catalog_items', (t) => {
    t.text('code').primary();
    t.text('name').notNullable();
    t.text('name_zh').notNullable();
    t.text('record_kind').notNullable();
    t.text('conduct').notNullable();
    t.string('source_unit_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('source_channel').notNullable();
    t.text('data_format').notNullable();
    t.text('reporting_cycle').notNullable();
    t.text('disclosure').notNullable();
    t.text('sharing_class').notNullable();
    t.integer('retention_years').notNullable();
    t.text('legal_basis').notNullable();
    t.index(['source_unit_uscc']);
  });
  await knex.raw(`ALTER TABLE catalog_items ADD CONSTRAINT catalog_items_enums CHECK (
    source_channel IN ('PLATFORM_INTERFACE', 'FILE_UPLOAD', 'DATABASE_EXCHANGE', 'MANUAL_ENTRY')
    AND data_format IN ('STRUCTURED', 'FILE')
    AND reporting_cycle IN ('REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY')
    AND disclosure IN ('PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC')
    AND sharing_class IN ('UNCONDITIONAL', 'CONDITIONAL', 'NONE')
    AND retention_years > 0)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('catalog_items');
}
