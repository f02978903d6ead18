import type { Knex } from 'knex';

// Migrations are snapshots: the enumerations are spelled out here rather than read from the rule files,
// so that replaying an old migration never depends on today's data.
const KINDS = [
  'ADMINISTRATIVE_LICENCE', 'ADMINISTRATIVE_PENALTY', 'JUDICIAL_JUDGMENT', 'JUDGMENT_DEFAULTER',
  'SERIOUS_DISHONESTY', 'GOVERNMENT_SANCTION', 'DISCIPLINARY_SANCTION', 'ACCOUNTABILITY', 'COMMENDATION',
  'CREDIT_COMMITMENT',
];
const STATUSES = ['IN_PUBLICITY', 'UNDER_OBJECTION', 'REPAIRED', 'WITHDRAWN', 'EXPIRED'];
const SEVERITIES = ['MINOR', 'GENERAL', 'SERIOUS'];

const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * Credit records. The natural key is the deciding authority plus its document number (决定书文号).
 * A record belongs either to an organisation (subject_uscc) or to a civil servant, never both.
 * Amounts are exact decimals in 10,000 yuan (万元).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('credit_records', (t) => {
    t.bigIncrements('id').primary();
    t.text('kind').notNullable();
    t.string('subject_uscc', 18).nullable().references('uscc').inTable('organisations');
    t.text('civil_servant_id').nullable().references('id').inTable('civil_servants');
    t.string('authority_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('document_number').notNullable();
    t.text('title').notNullable();
    t.text('content').nullable();
    t.text('legal_basis').nullable();
    t.date('decision_date').notNullable();
    t.text('severity').nullable();
    t.decimal('fine_amount', 18, 6).nullable();
    t.decimal('confiscated_amount', 18, 6).nullable();
    t.string('source_unit_uscc', 18).notNullable().references('uscc').inTable('organisations');
    t.text('catalog_item_code').notNullable().references('code').inTable('catalog_items');
    t.text('governance_field').nullable().references('code').inTable('governance_fields');
    t.date('publicity_start').nullable();
    t.date('publicity_min_end').nullable();
    t.date('publicity_end').nullable();
    t.text('rule_version').nullable();
    t.text('status').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['authority_uscc', 'document_number']);
  });
  await knex.raw(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_valid CHECK (
    kind IN (${list(KINDS)})
    AND status IN (${list(STATUSES)})
    AND (severity IS NULL OR severity IN (${list(SEVERITIES)}))
    AND ((subject_uscc IS NULL) <> (civil_servant_id IS NULL))
    AND (fine_amount IS NULL OR fine_amount >= 0)
    AND (confiscated_amount IS NULL OR confiscated_amount >= 0)
    AND (publicity_end IS NULL OR publicity_start IS NULL OR publicity_end >= publicity_start))`);
  // Keyset pagination runs newest first on (decision_date, id); the per-subject index serves the
  // batched "records of these subjects" query.
  await knex.raw('CREATE INDEX credit_records_page_idx ON credit_records (decision_date DESC, id DESC)');
  await knex.raw(
    'CREATE INDEX credit_records_subject_idx ON credit_records (subject_uscc, decision_date DESC, id DESC)',
  );
  await knex.raw(
    'CREATE INDEX credit_records_civil_servant_idx ON credit_records (civil_servant_id, decision_date DESC, id DESC)',
  );
  await knex.raw('CREATE INDEX credit_records_kind_idx ON credit_records (kind, decision_date DESC, id DESC)');
  await knex.raw('CREATE INDEX credit_records_source_unit_idx ON credit_records (source_unit_uscc)');
  await knex.raw('CREATE INDEX credit_records_governance_field_idx ON credit_records (governance_field)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('credit_records');
}
