import type { Knex } from 'knex';

// The columns of a record whose history a credit check needs: what the record is, whose, and its state.
// Spelled out here (a migration is a snapshot) and copied by the trigger on every change of any of them.
const TRACKED = [
  'kind', 'subject_uscc', 'civil_servant_id', 'authority_uscc', 'document_number', 'decision_date', 'severity',
  'catalog_item_code', 'governance_field', 'status', 'publicity_start', 'publicity_end', 'district_code',
];
const columns = TRACKED.join(', ');
const fromNew = TRACKED.map((c) => `NEW.${c}`).join(', ');
const changed = TRACKED.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');

/**
 * Credit checks (信用核查) and what the graph knew when.
 *
 * - `credit_record_versions`: the history of every credit record's state, kept by the DATABASE (a trigger on
 *   credit_records), so a change made by any workflow, a CLI or plain SQL is captured. A version is valid on
 *   [valid_from, valid_to); the open one has valid_to NULL. A check "as of" a moment reads the versions valid
 *   then. Existing rows are backfilled (see `backfill`). Deliberately no foreign key to credit_records: a
 *   deleted record closes its last version and its history stays, so older checks remain explainable.
 * - `credit_check_keys`: the public key (JWK) of every key that ever signed a check, so the key set served at
 *   /.well-known/credit-check-keys keeps old keys after a rotation and old checks keep verifying.
 * - `credit_checks`: each check with its input, result and the JWS that signs it; `credit_check_feedback`:
 *   how the consumer used the result per subject (结果反馈), one answer per subject and check.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE credit_record_versions (
      id bigserial PRIMARY KEY,
      record_id bigint NOT NULL,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz NULL,
      kind text NOT NULL,
      subject_uscc varchar(18) NULL,
      civil_servant_id text NULL,
      authority_uscc varchar(18) NOT NULL,
      document_number text NOT NULL,
      decision_date date NOT NULL,
      severity text NULL,
      catalog_item_code text NOT NULL,
      governance_field text NULL,
      status text NOT NULL,
      publicity_start date NULL,
      publicity_end date NULL,
      district_code varchar(6) NULL,
      CONSTRAINT credit_record_versions_period CHECK (valid_to IS NULL OR valid_to >= valid_from))`);
  await knex.raw('CREATE UNIQUE INDEX credit_record_versions_open_idx ON credit_record_versions (record_id) WHERE valid_to IS NULL');
  await knex.raw('CREATE INDEX credit_record_versions_subject_idx ON credit_record_versions (subject_uscc, valid_from)');
  await knex.raw('CREATE INDEX credit_record_versions_record_idx ON credit_record_versions (record_id, valid_from)');
  await backfill(knex);
  // now() is the transaction's start: every version a transaction writes shares one instant, so a check
  // never sees half of another transaction's changes. Two changes in one transaction leave an empty
  // [t, t) version in between, which no moment selects.
  await knex.raw(`
    CREATE FUNCTION credit_records_track_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        UPDATE credit_record_versions SET valid_to = now() WHERE record_id = OLD.id AND valid_to IS NULL;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO credit_record_versions (record_id, valid_from, ${columns}) VALUES (NEW.id, now(), ${fromNew});
      END IF;
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER credit_records_version_insert AFTER INSERT OR DELETE ON credit_records
      FOR EACH ROW EXECUTE FUNCTION credit_records_track_version()`);
  await knex.raw(`
    CREATE TRIGGER credit_records_version_update AFTER UPDATE ON credit_records
      FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION credit_records_track_version()`);

  await knex.raw(`
    CREATE TABLE credit_check_keys (
      kid text PRIMARY KEY,
      public_jwk jsonb NOT NULL,
      first_used_at timestamptz NOT NULL DEFAULT now())`);
  await knex.raw(`
    CREATE TABLE credit_checks (
      id uuid PRIMARY KEY,
      issued_at timestamptz NOT NULL,
      consumer_id text NOT NULL,
      consumer_name text NOT NULL,
      purpose text NOT NULL,
      reference text NOT NULL,
      as_of timestamptz NOT NULL,
      input jsonb NOT NULL,
      result jsonb NOT NULL,
      kid text NOT NULL REFERENCES credit_check_keys (kid),
      jws text NOT NULL,
      CONSTRAINT credit_checks_valid CHECK (purpose IN ('BIDDING', 'GOVERNMENT_PROCUREMENT') AND as_of <= issued_at))`);
  await knex.raw('CREATE INDEX credit_checks_consumer_idx ON credit_checks (consumer_id, issued_at DESC)');
  await knex.raw(`
    CREATE TABLE credit_check_feedback (
      id bigserial PRIMARY KEY,
      check_id uuid NOT NULL REFERENCES credit_checks (id),
      subject_uscc varchar(18) NOT NULL,
      usage text NOT NULL,
      note text NULL,
      consumer_id text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT credit_check_feedback_once UNIQUE (check_id, subject_uscc),
      CONSTRAINT credit_check_feedback_usage CHECK (
        usage IN ('BID_REJECTED', 'SCORE_DEDUCTED', 'AWARD_CANCELLED', 'NO_ACTION', 'OTHER')))`);
  await knex.raw('CREATE INDEX credit_check_feedback_recorded_idx ON credit_check_feedback (recorded_at DESC, id DESC)');
}

/**
 * Backfills one history per existing record. When the hub first knew a record is unknown for rows loaded in
 * bulk (the sample data, a first import from the old platform): their created_at is the load, not when the
 * authority published the decision. The version therefore starts at the earlier of created_at and the start of
 * the decision date in China Standard Time, the moment the decision became public. The status history before
 * this migration is unknown too: every record starts IN_PUBLICITY, so a record whose status is now different
 * and was last changed after it started (updated_at) gets two versions — IN_PUBLICITY until updated_at, then its
 * current status. A record whose updated_at is not later keeps its current status from the start.
 */
async function backfill(knex: Knex): Promise<void> {
  const start = `LEAST(created_at, (decision_date::timestamp AT TIME ZONE 'Asia/Shanghai'))`;
  const cols = TRACKED.filter((c) => c !== 'status').join(', ');
  await knex.raw(`
    INSERT INTO credit_record_versions (record_id, valid_from, valid_to, ${cols}, status)
    SELECT id, ${start}, updated_at, ${cols}, 'IN_PUBLICITY' FROM credit_records
     WHERE status <> 'IN_PUBLICITY' AND updated_at > ${start}`);
  await knex.raw(`
    INSERT INTO credit_record_versions (record_id, valid_from, ${cols}, status)
    SELECT id, CASE WHEN status <> 'IN_PUBLICITY' AND updated_at > ${start} THEN updated_at ELSE ${start} END,
           ${cols}, status FROM credit_records`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE credit_check_feedback');
  await knex.raw('DROP TABLE credit_checks');
  await knex.raw('DROP TABLE credit_check_keys');
  await knex.raw('DROP TRIGGER credit_records_version_update ON credit_records');
  await knex.raw('DROP TRIGGER credit_records_version_insert ON credit_records');
  await knex.raw('DROP FUNCTION credit_records_track_version()');
  await knex.raw('DROP TABLE credit_record_versions');
}
