import type { Knex } from 'knex';

/**
 * Civil servants. The citizen ID number is never stored in clear: `id_number_ciphertext` is AES-256-GCM
 * (iv ‖ tag ‖ ciphertext), `id_number_hash` an HMAC-SHA256 used for joins, `id_number_masked` the
 * de-identified form shown by default (DOMAIN.md §1.3).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('civil_servants', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.binary('id_number_ciphertext').notNullable();
    t.string('id_number_hash', 64).notNullable().unique();
    t.string('id_number_masked', 18).notNullable();
    t.string('employer_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('post').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['employer_uscc']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('civil_servants');
}
