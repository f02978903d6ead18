import type { Knex } from 'knex';

/**
 * Organisations keyed by USCC. `kind` is derived from the code's first two characters by the database
 * itself (a generated column), so it can never disagree with the code.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', (t) => {
    t.string('uscc', 18).primary();
    t.text('name').notNullable();
    t.string('district_code', 6).notNullable().references('code').inTable('districts');
    t.string('parent_uscc', 18).nullable().references('uscc').inTable('organisations');
    t.text('legal_representative').nullable();
    t.date('established_on').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['parent_uscc']);
    t.index(['district_code']);
  });
  await knex.raw(`
    ALTER TABLE organisations ADD COLUMN kind text GENERATED ALWAYS AS (
      CASE
        WHEN uscc LIKE '11%' THEN 'GOVERNMENT_BODY'
        WHEN uscc LIKE '12%' THEN 'PUBLIC_INSTITUTION'
        WHEN uscc LIKE '5%' THEN 'SOCIAL_ORGANISATION'
        WHEN uscc LIKE '91%' THEN 'ENTERPRISE'
        WHEN uscc LIKE '92%' THEN 'INDIVIDUAL_BUSINESS'
        WHEN uscc LIKE '93%' THEN 'FARMERS_COOPERATIVE'
        ELSE 'OTHER'
      END) STORED`);
  await knex.raw(`ALTER TABLE organisations ADD CONSTRAINT organisations_uscc_format
    CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{17}[0-9A-HJ-NPQRTUWXY]$')`);
  await knex.raw('CREATE INDEX organisations_kind_idx ON organisations (kind)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisations');
}
