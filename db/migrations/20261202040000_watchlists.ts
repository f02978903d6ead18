import type { Knex } from 'knex';

// Purpose → the field scopes this migration adds to that purpose's stored grants (a copy of purposes.json as it
// stood, so replaying never reads today's rule files): the conditional parts of watchlist events.
/** Purpose → the field scopes this migration adds to consumers holding `CreditRecord.disclosure` for it. */
export const ADDED_FIELD_SCOPES_BY_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  INVESTMENT_PROMOTION: ['WatchlistEvent.*'],
  SUPERVISION: ['WatchlistEvent.*'],
  AUDIT: ['WatchlistEvent.*'],
};
const MIGRATION = '20261202040000_watchlists';
const HOLDERS_OF = 'CreditRecord.disclosure';

/**
 * Watchlists (关注名单, issue 13 item 5): a consumer's lists of USCCs and the credit events about them.
 *
 * - `watchlists`, `watchlist_subjects`: the lists, one owner each; a webhook URL and its HMAC secret when set.
 * - `watch_event_queue`: written by the DATABASE, a trigger on `credit_record_versions` (the history the trigger
 *   on credit_records keeps), so ingestion, objections, repair, a CLI or plain SQL all produce events. Only
 *   changes of watched subjects are queued. Time-driven events (a publicity window ending, a commitment
 *   falling overdue) are found by the hub's sequencer from `credit_records` and `government_commitments`.
 * - `watchlist_events`: the events per watchlist, numbered 1, 2, 3 … by one sequencer at a time (it holds the
 *   row of `watch_sequencer`), so a reader's cursor never skips a row committed late.
 * - `watchlist_webhook_outbox`: one row per event to POST to the watchlist's webhook; a worker claims the
 *   oldest undelivered row of each watchlist (FOR UPDATE SKIP LOCKED, then a lease), so delivery is in
 *   order per watchlist and survives a restart.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE watchlists (
      id uuid PRIMARY KEY,
      consumer_id text NOT NULL REFERENCES consumers (id),
      name text NOT NULL,
      webhook_url text NULL,
      webhook_secret text NULL,
      webhook_purpose text NULL,
      webhook_case_reference text NULL,
      last_sequence bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT watchlists_name_once UNIQUE (consumer_id, name),
      CONSTRAINT watchlists_webhook CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL)))`);
  await knex.raw(`
    CREATE TABLE watchlist_subjects (
      watchlist_id uuid NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
      uscc varchar(18) NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (watchlist_id, uscc))`);
  await knex.raw('CREATE INDEX watchlist_subjects_uscc_idx ON watchlist_subjects (uscc)');
  await knex.raw(`
    CREATE TABLE watch_event_queue (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      subject_uscc varchar(18) NOT NULL,
      record_id bigint NULL,
      previous_status text NULL,
      status text NULL,
      data jsonb NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now())`);
  await knex.raw(`
    CREATE TABLE watchlist_events (
      watchlist_id uuid NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
      sequence bigint NOT NULL,
      kind text NOT NULL,
      subject_uscc varchar(18) NOT NULL,
      record_id bigint NULL,
      commitment_id bigint NULL,
      previous_status text NULL,
      status text NULL,
      data jsonb NOT NULL,
      source_key text NULL,
      occurred_at timestamptz NOT NULL,
      PRIMARY KEY (watchlist_id, sequence),
      CONSTRAINT watchlist_events_kind CHECK (kind IN ('RECORD_ADDED', 'RECORD_STATUS_CHANGED', 'RECORD_CORRECTED', 'RECORD_EXPIRED', 'COMMITMENT_OVERDUE')))`);
  // A time-driven event happens once per watchlist.
  await knex.raw('CREATE UNIQUE INDEX watchlist_events_source_once ON watchlist_events (watchlist_id, source_key) WHERE source_key IS NOT NULL');
  await knex.raw(`
    CREATE TABLE watchlist_webhook_outbox (
      id bigserial PRIMARY KEY,
      watchlist_id uuid NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
      sequence bigint NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      leased_until timestamptz NULL,
      delivered_at timestamptz NULL,
      last_status integer NULL,
      last_error text NULL,
      CONSTRAINT watchlist_webhook_outbox_once UNIQUE (watchlist_id, sequence))`);
  await knex.raw('CREATE INDEX watchlist_webhook_outbox_pending_idx ON watchlist_webhook_outbox (watchlist_id, sequence) WHERE delivered_at IS NULL');
  await knex.raw('CREATE TABLE watch_sequencer (id integer PRIMARY KEY CHECK (id = 1), time_driven_at timestamptz NULL)');
  await knex.raw('INSERT INTO watch_sequencer (id) VALUES (1)');
  // The previous version of the record tells an addition from a status change or a correction.
  await knex.raw(`
    CREATE FUNCTION watch_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      previous text;
      found_previous boolean;
      event_kind text;
    BEGIN
      IF NEW.subject_uscc IS NULL OR NOT EXISTS (SELECT 1 FROM watchlist_subjects WHERE uscc = NEW.subject_uscc) THEN
        RETURN NULL;
      END IF;
      SELECT status INTO previous FROM credit_record_versions WHERE record_id = NEW.record_id AND id < NEW.id ORDER BY id DESC LIMIT 1;
      found_previous := FOUND;
      event_kind := CASE WHEN NOT found_previous THEN 'RECORD_ADDED'
                         WHEN previous IS DISTINCT FROM NEW.status THEN 'RECORD_STATUS_CHANGED'
                         ELSE 'RECORD_CORRECTED' END;
      INSERT INTO watch_event_queue (kind, subject_uscc, record_id, previous_status, status, data)
      VALUES (event_kind, NEW.subject_uscc, NEW.record_id, CASE WHEN found_previous THEN previous END, NEW.status,
        jsonb_build_object('kind', NEW.kind, 'documentNumber', NEW.document_number, 'decisionDate', NEW.decision_date,
          'severity', NEW.severity, 'authorityUscc', NEW.authority_uscc, 'catalogItemCode', NEW.catalog_item_code,
          'publicityStart', NEW.publicity_start, 'publicityEnd', NEW.publicity_end));
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER credit_record_versions_watch AFTER INSERT ON credit_record_versions
      FOR EACH ROW EXECUTE FUNCTION watch_record_version()`);

  for (const [purpose, scopes] of Object.entries(ADDED_FIELD_SCOPES_BY_PURPOSE)) {
    const holders: { consumer_id: string; authorisation: string | null }[] = await knex('consumer_grants')
      .where({ purpose, scope: HOLDERS_OF }).orderBy('consumer_id').select('consumer_id', 'authorisation');
    for (const holder of holders) {
      for (const scope of scopes) {
        const inserted = await knex('consumer_grants')
          .insert({ consumer_id: holder.consumer_id, purpose, scope, authorisation: holder.authorisation })
          .onConflict(['consumer_id', 'purpose', 'scope']).ignore().returning('scope');
        if (inserted.length > 0) await knex('consumer_grant_additions').insert({ consumer_id: holder.consumer_id, purpose, scope, migration: MIGRATION });
      }
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  const added: { consumer_id: string; purpose: string; scope: string }[] = await knex('consumer_grant_additions')
    .where({ migration: MIGRATION }).select('consumer_id', 'purpose', 'scope');
  for (const a of added) await knex('consumer_grants').where(a).delete();
  await knex('consumer_grant_additions').where({ migration: MIGRATION }).delete();
  await knex.raw('DROP TRIGGER credit_record_versions_watch ON credit_record_versions');
  await knex.raw('DROP FUNCTION watch_record_version()');
  await knex.raw('DROP TABLE watch_sequencer');
  await knex.raw('DROP TABLE watchlist_webhook_outbox');
  await knex.raw('DROP TABLE watchlist_events');
  await knex.raw('DROP TABLE watch_event_queue');
  await knex.raw('DROP TABLE watchlist_subjects');
  await knex.raw('DROP TABLE watchlists');
}
