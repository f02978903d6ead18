import type { Knex } from 'knex';

// Enumerations are spelled out here (not read from src/governance/rules) so that replaying this migration
// never depends on today's rule files; adding a role or purpose is a new migration that widens the check.
const ROLES = [
  'PUBLIC', 'BIDDING_SYSTEM', 'INVESTMENT_PROMOTION', 'DASHBOARD', 'CREDIT_OFFICE_ADMIN', 'AUDITOR',
  'THIRD_PARTY_EVALUATOR', 'PERSONNEL_OFFICE', 'ENTERPRISE_SELF',
];
const PURPOSES = [
  'BIDDING', 'GOVERNMENT_PROCUREMENT', 'ADMINISTRATIVE_LICENSING', 'FUNDING_SUPPORT', 'CADRE_SELECTION',
  'AWARD_EVALUATION', 'INVESTMENT_PROMOTION', 'SUPERVISION', 'CREDIT_EVALUATION', 'STATISTICS', 'CREDIT_REPAIR',
  'AUDIT', 'SELF_INQUIRY',
];
const OUTCOMES = ['OK', 'PARTIAL', 'FORBIDDEN', 'UNAUTHENTICATED', 'REJECTED', 'ERROR'];
const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');
const SHA256_HEX = "~ '^[0-9a-f]{64}$'";

async function createConsumerTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('consumers', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.specificType('roles', 'text[]').notNullable();
    t.text('status').notNullable().defaultTo('ACTIVE');
    t.boolean('trusted_documents_only').notNullable().defaultTo(false);
    t.integer('rate_limit_per_minute').notNullable().defaultTo(600);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true }).nullable();
  });
  await knex.raw(`ALTER TABLE consumers ADD CONSTRAINT consumers_valid CHECK (
    id ~ '^[a-z0-9][a-z0-9-]{1,62}$'
    AND kind IN ('SYSTEM', 'DEPARTMENT', 'ENTERPRISE', 'THIRD_PARTY')
    AND cardinality(roles) > 0 AND roles <@ ARRAY[${list(ROLES)}]::text[]
    AND status IN ('ACTIVE', 'REVOKED') AND (status = 'REVOKED') = (revoked_at IS NOT NULL)
    AND rate_limit_per_minute > 0)`);
  await knex.schema.createTable('consumer_api_keys', (t) => {
    t.text('key_id').primary();
    t.text('consumer_id').notNullable().references('id').inTable('consumers');
    t.text('secret_hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.index(['consumer_id']);
  });
  await knex.raw(`ALTER TABLE consumer_api_keys ADD CONSTRAINT consumer_api_keys_hash CHECK (secret_hash ${SHA256_HEX})`);
  // scope: a share level (every field of that level, or below for RESTRICTED) or a field-coordinate
  // pattern `Type.field` where either side may be `*` (`Enterprise.creditRecords`, `CivilServant.*`).
  await knex.schema.createTable('consumer_grants', (t) => {
    t.text('consumer_id').notNullable().references('id').inTable('consumers');
    t.text('purpose').notNullable();
    t.text('scope').notNullable();
    t.text('authorisation').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['consumer_id', 'purpose', 'scope']);
  });
  await knex.raw(`ALTER TABLE consumer_grants ADD CONSTRAINT consumer_grants_valid CHECK (
    purpose IN (${list(PURPOSES)})
    AND (scope IN ('CONDITIONAL', 'RESTRICTED') OR scope ~ '^([A-Z][A-Za-z0-9_]*|\\*)\\.([A-Za-z_][A-Za-z0-9_]*|\\*)$'))`);
  await knex.schema.createTable('consumer_subjects', (t) => {
    t.text('consumer_id').notNullable().references('id').inTable('consumers');
    t.string('uscc', 18).notNullable();
    t.primary(['consumer_id', 'uscc']);
    t.index(['uscc']);
  });
  await knex.raw("ALTER TABLE consumer_subjects ADD CONSTRAINT consumer_subjects_uscc CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$')");
  await knex.schema.createTable('trusted_documents', (t) => {
    t.text('consumer_id').notNullable().references('id').inTable('consumers');
    t.text('document_hash').notNullable();
    t.text('document').notNullable();
    t.text('name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['consumer_id', 'document_hash']);
  });
  // The hash is the one clients send (Apollo persisted queries): SHA-256 of the exact document text.
  await knex.raw(`ALTER TABLE trusted_documents ADD CONSTRAINT trusted_documents_hash
    CHECK (document_hash = encode(sha256(convert_to(document, 'UTF8')), 'hex'))`);
}

async function createAuditLedger(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_ledger', (t) => {
    t.bigInteger('seq').primary();
    t.timestamp('occurred_at', { useTz: true }).notNullable();
    t.text('consumer_id').nullable().references('id').inTable('consumers');
    t.text('purpose').nullable();
    t.text('case_reference').nullable();
    t.text('operation_name').nullable();
    t.text('document_hash').nullable();
    t.specificType('fields_read', 'text[]').notNullable().defaultTo('{}');
    t.specificType('subject_usccs', 'text[]').notNullable().defaultTo('{}');
    t.specificType('civil_servant_ids', 'text[]').notNullable().defaultTo('{}');
    t.text('outcome').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.text('prev_hash').notNullable();
    t.text('entry_hash').notNullable().unique();
    t.index(['consumer_id', 'seq']);
  });
  await knex.raw(`ALTER TABLE audit_ledger ADD CONSTRAINT audit_ledger_valid CHECK (
    seq > 0 AND outcome IN (${list(OUTCOMES)}) AND prev_hash ${SHA256_HEX} AND entry_hash ${SHA256_HEX}
    AND occurred_at = date_trunc('milliseconds', occurred_at))`);
  // occurred_at is hashed as an ISO string with milliseconds, so the column holds no finer precision.
  await knex.raw('CREATE INDEX audit_ledger_subjects_idx ON audit_ledger USING gin (subject_usccs)');
  // History cannot be rewritten, even by a bug: the database refuses UPDATE, DELETE and TRUNCATE.
  await knex.raw(`
    CREATE FUNCTION audit_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_ledger is append-only: % is refused', TG_OP
        USING HINT = 'Ledger entries are evidence kept for years; record a correction as a new entry.';
    END $$`);
  await knex.raw(`CREATE TRIGGER audit_ledger_no_update_delete BEFORE UPDATE OR DELETE ON audit_ledger
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_refuse_change()`);
  await knex.raw(`CREATE TRIGGER audit_ledger_no_truncate BEFORE TRUNCATE ON audit_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_refuse_change()`);
  // Each insert must continue the chain (seq = last + 1, prev_hash = last entry_hash), so an append that
  // skipped the ledger's lock fails instead of forking or leaving a gap. Rows inserted earlier by the same
  // statement are visible here, so one multi-row INSERT works.
  await knex.raw(`
    CREATE FUNCTION audit_ledger_check_link() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
    DECLARE last_seq bigint; last_hash text;
    BEGIN
      SELECT seq, entry_hash INTO last_seq, last_hash FROM audit_ledger ORDER BY seq DESC LIMIT 1;
      IF NEW.seq IS DISTINCT FROM coalesce(last_seq, 0) + 1
         OR NEW.prev_hash IS DISTINCT FROM coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'audit_ledger entry % does not continue the chain after entry %', NEW.seq, coalesce(last_seq, 0)
          USING HINT = 'Append through AuditLedger, which serialises appends.';
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`CREATE TRIGGER audit_ledger_link BEFORE INSERT ON audit_ledger
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_check_link()`);
}

/**
 * Governance: consumers with hashed API keys, purpose grants, own subjects and trusted documents; the
 * append-only, hash-chained audit ledger; per-consumer rate-limit windows shared by every hub process.
 */
export async function up(knex: Knex): Promise<void> {
  await createConsumerTables(knex);
  await createAuditLedger(knex);
  await knex.schema.createTable('rate_limit_windows', (t) => {
    t.text('consumer_id').notNullable();
    t.timestamp('window_start', { useTz: true }).notNullable();
    t.integer('count').notNullable();
    t.primary(['consumer_id', 'window_start']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limit_windows');
  await knex.schema.dropTable('audit_ledger');
  await knex.raw('DROP FUNCTION audit_ledger_check_link()');
  await knex.raw('DROP FUNCTION audit_ledger_refuse_change()');
  for (const table of ['trusted_documents', 'consumer_subjects', 'consumer_grants', 'consumer_api_keys', 'consumers']) {
    await knex.schema.dropTable(table);
  }
}
