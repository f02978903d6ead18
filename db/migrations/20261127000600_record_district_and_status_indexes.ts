import type { Knex } from 'knex';

/**
 * Each record carries the district of its subject (for a civil servant, of the employing body), filled
 * in by the database on insert, so that district filters and dashboards use an index instead of joining
 * a million records to their subjects. Also indexes status, which objection and repair work filters on.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('credit_records', (t) => {
    t.string('district_code', 6).nullable().references('code').inTable('districts');
  });
  await knex.raw(`
    UPDATE credit_records r SET district_code = o.district_code
      FROM organisations o WHERE o.uscc = r.subject_uscc`);
  await knex.raw(`
    UPDATE credit_records r SET district_code = o.district_code
      FROM civil_servants cs JOIN organisations o ON o.uscc = cs.employer_uscc
      WHERE cs.id = r.civil_servant_id`);
  await knex.raw(`
    CREATE FUNCTION credit_records_fill_district() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.subject_uscc IS NOT NULL THEN
        SELECT district_code INTO NEW.district_code FROM organisations WHERE uscc = NEW.subject_uscc;
      ELSE
        SELECT o.district_code INTO NEW.district_code
          FROM civil_servants cs JOIN organisations o ON o.uscc = cs.employer_uscc
          WHERE cs.id = NEW.civil_servant_id;
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER credit_records_fill_district BEFORE INSERT OR UPDATE OF subject_uscc, civil_servant_id
      ON credit_records FOR EACH ROW EXECUTE FUNCTION credit_records_fill_district()`);
  await knex.raw(
    'CREATE INDEX credit_records_district_idx ON credit_records (district_code, decision_date DESC, id DESC)',
  );
  await knex.raw('CREATE INDEX credit_records_status_idx ON credit_records (status, decision_date DESC, id DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER credit_records_fill_district ON credit_records');
  await knex.raw('DROP FUNCTION credit_records_fill_district()');
  await knex.raw('DROP INDEX credit_records_status_idx');
  await knex.schema.alterTable('credit_records', (t) => {
    t.dropColumn('district_code');
  });
}
