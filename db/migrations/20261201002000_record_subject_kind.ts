import type { Knex } from 'knex';

/**
 * Each record carries the kind of its subject (organisations.kind from the USCC prefix, or CIVIL_SERVANT),
 * computed by the database from the record's own columns (a generated column, so it can never disagree
 * with them), so that "records against government bodies" is a filter and a GROUP BY key without joining
 * a million records to their subjects. The CASE is a snapshot of migration 20261127000200's.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE credit_records ADD COLUMN subject_kind text GENERATED ALWAYS AS (
      CASE
        WHEN civil_servant_id IS NOT NULL THEN 'CIVIL_SERVANT'
        WHEN subject_uscc LIKE '11%' THEN 'GOVERNMENT_BODY'
        WHEN subject_uscc LIKE '12%' THEN 'PUBLIC_INSTITUTION'
        WHEN subject_uscc LIKE '5%' THEN 'SOCIAL_ORGANISATION'
        WHEN subject_uscc LIKE '91%' THEN 'ENTERPRISE'
        WHEN subject_uscc LIKE '92%' THEN 'INDIVIDUAL_BUSINESS'
        WHEN subject_uscc LIKE '93%' THEN 'FARMERS_COOPERATIVE'
        ELSE 'OTHER'
      END) STORED`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE credit_records DROP COLUMN subject_kind');
}
