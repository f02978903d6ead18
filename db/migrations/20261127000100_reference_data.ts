import type { Knex } from 'knex';
import { readReferenceData } from '../referenceData.js';

/** Districts (GB/T 2260 area codes of Shenzhen) and the 19 special-governance fields, as lookup tables. */
export async function up(knex: Knex): Promise<void> {
  const { districts, governanceFields } = readReferenceData();
  await knex.schema.createTable('districts', (t) => {
    t.string('code', 6).primary();
    t.text('name_en').notNullable();
    t.text('name_zh').notNullable();
    t.text('level').notNullable();
  });
  await knex.schema.createTable('governance_fields', (t) => {
    t.text('code').primary();
    t.integer('number').notNullable().unique();
    t.text('name_en').notNullable();
    t.text('name_zh').notNullable();
  });
  await knex('districts').insert(
    districts.map((d) => ({ code: d.code, name_en: d.nameEn, name_zh: d.nameZh, level: d.level })),
  );
  await knex('governance_fields').insert(
    governanceFields.map((f) => ({ code: f.code, number: f.number, name_en: f.nameEn, name_zh: f.nameZh })),
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('governance_fields');
  await knex.schema.dropTable('districts');
}
