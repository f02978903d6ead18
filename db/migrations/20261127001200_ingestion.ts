import type { Knex } from 'knex';

/**
 * Ingestion (归集) from source units: each batch a source unit submits (`ingestion_batches`, with its
 * counts), and the data-quality queue (`data_quality_issues`) of rows whose codes failed their checksum,
 * for the credit office to follow up with the source unit. An OPEN issue is recorded once per source unit,
 * record key, field and value, so resending the same file does not grow the queue.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ingestion_batches', (t) => {
    t.bigIncrements('id').primary();
    t.string('source_unit_uscc', 18).notNullable().references('uscc').inTable('organisations');
    // Not a foreign key: a batch loaded with the command-line tool has no consumer.
    t.text('consumer_id').nullable();
    t.text('channel').notNullable();
    t.text('format').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('total').notNullable();
    t.integer('accepted').notNullable();
    t.integer('updated').notNullable();
    t.integer('unchanged').notNullable();
    t.integer('rejected').notNullable();
    t.index(['source_unit_uscc', 'received_at']);
  });
  await knex.raw(`ALTER TABLE ingestion_batches ADD CONSTRAINT ingestion_batches_valid CHECK (
    channel IN ('GRAPHQL', 'CLI') AND format IN ('JSON', 'CSV')
    AND total = accepted + updated + unchanged + rejected AND least(accepted, updated, unchanged, rejected) >= 0)`);
  await knex.schema.createTable('data_quality_issues', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('batch_id').notNullable().references('id').inTable('ingestion_batches');
    t.integer('row_number').notNullable();
    t.string('source_unit_uscc', 18).notNullable().references('uscc').inTable('organisations');
    // The row's authority code and document number as sent (either may itself be the bad value).
    t.text('record_authority').notNullable();
    t.text('record_document_number').notNullable();
    t.text('field').notNullable();
    t.text('value').notNullable();
    t.text('expected_character').nullable();
    t.text('reason').notNullable();
    t.text('status').notNullable().defaultTo('OPEN');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['batch_id']);
  });
  await knex.raw(`ALTER TABLE data_quality_issues ADD CONSTRAINT data_quality_issues_valid CHECK (
    status IN ('OPEN', 'RESOLVED', 'DISMISSED') AND row_number > 0)`);
  await knex.raw(`CREATE UNIQUE INDEX data_quality_issues_open_idx ON data_quality_issues
    (source_unit_uscc, record_authority, record_document_number, field, value) WHERE status = 'OPEN'`);
  await knex.raw('CREATE INDEX data_quality_issues_status_idx ON data_quality_issues (status, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('data_quality_issues');
  await knex.schema.dropTable('ingestion_batches');
}
