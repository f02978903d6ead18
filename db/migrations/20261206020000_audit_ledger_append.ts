import type { Knex } from 'knex';

// Issue 17: one audited request cost five round trips to the ledger (BEGIN, the lock, the head, the INSERT,
// COMMIT), the lock held across three of them. audit_ledger_append does the same in one statement, committed
// on its own: it takes the ledger's lock, reads the head (a VOLATILE function's queries see what committed
// before the lock was granted), and chains the entries after it. The hashed text is the caller's: each entry
// brings its canonical JSON in three pieces around the two values only the database knows (the time, as
// ISO 8601 with milliseconds in UTC, and the seq), so entry_hash is SHA-256(prev_hash || text) exactly as
// computeEntryHash makes it, and the caller checks every returned hash before trusting it. The chain trigger
// still checks each row. Runs with the caller's rights (SELECT and INSERT on audit_ledger suffice).
const LEDGER_OWNER_ROLE = 'chengxin_ledger_owner';

function isPglite(knex: Knex): boolean {
  const client = (knex.client as { config?: { client?: unknown } }).config?.client;
  return typeof client === 'function' && /pglite/i.test(client.name);
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION audit_ledger_append(lock_key bigint, entries jsonb)
      RETURNS TABLE (seq bigint, occurred_at timestamptz, prev_hash text, entry_hash text)
      LANGUAGE plpgsql VOLATILE AS $$
    #variable_conflict use_column
    DECLARE
      last_seq bigint; last_hash text; at timestamptz; at_text text; entry jsonb; hashed text;
    BEGIN
      PERFORM pg_advisory_xact_lock(lock_key);
      SELECT l.seq, l.entry_hash INTO last_seq, last_hash FROM audit_ledger l ORDER BY l.seq DESC LIMIT 1;
      last_seq := coalesce(last_seq, 0);
      last_hash := coalesce(last_hash, repeat('0', 64));
      at := date_trunc('milliseconds', clock_timestamp());
      at_text := to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
      FOR entry IN SELECT e FROM jsonb_array_elements(entries) AS e LOOP
        hashed := encode(sha256(convert_to(last_hash || (entry->'text'->>0) || at_text || (entry->'text'->>1)
          || (last_seq + 1)::text || (entry->'text'->>2), 'UTF8')), 'hex');
        INSERT INTO audit_ledger (seq, occurred_at, consumer_id, purpose, case_reference, operation_name, document_hash,
            fields_read, subject_usccs, civil_servant_ids, outcome, details, prev_hash, entry_hash)
          VALUES (last_seq + 1, at, entry->>'consumer_id', entry->>'purpose', entry->>'case_reference', entry->>'operation_name',
            entry->>'document_hash',
            ARRAY(SELECT jsonb_array_elements_text(entry->'fields_read')),
            ARRAY(SELECT jsonb_array_elements_text(entry->'subject_usccs')),
            ARRAY(SELECT jsonb_array_elements_text(entry->'civil_servant_ids')),
            entry->>'outcome', entry->'details', last_hash, hashed);
        seq := last_seq + 1; occurred_at := at; prev_hash := last_hash; entry_hash := hashed;
        RETURN NEXT;
        last_seq := last_seq + 1;
        last_hash := hashed;
      END LOOP;
    END $$`);
  // Owned like the ledger's other functions (20261130000500_audit_ledger_roles): the hub's runtime role may call
  // it, not replace it. PGlite has no roles.
  if (!isPglite(knex)) await knex.raw(`ALTER FUNCTION audit_ledger_append(bigint, jsonb) OWNER TO ${LEDGER_OWNER_ROLE}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION audit_ledger_append(bigint, jsonb)');
}
