import type { Knex } from 'knex';

// The document-number key (文书号规范形式), spelled out here because a migration is a snapshot; the code's copy is
// src/credit/workflows/ingestion/documentNumberKey.ts, and a test checks that both give the same key.
// Full-width digits and Latin letters become half-width, Latin letters upper case, every bracket form
// (〔〕 [] ［］ () （） 【】 〖〗 {} ｛｝) becomes 〔〕, the hyphen forms become '-', and white space (space, tab,
// ideographic space U+3000, no-break space) is dropped. One translate() call.
const folds: [string, string][] = [];
for (let i = 0; i < 10; i++) folds.push([String.fromCharCode(0xff10 + i), String(i)]);
for (let i = 0; i < 26; i++) {
  const upper = String.fromCharCode(65 + i);
  folds.push([String.fromCharCode(97 + i), upper], [String.fromCharCode(0xff21 + i), upper], [String.fromCharCode(0xff41 + i), upper]);
}
for (const open of '[［(（【〖{｛') folds.push([open, '〔']);
for (const close of ']］)）】〗}｝') folds.push([close, '〕']);
for (const dash of '－‐‑–—') folds.push([dash, '-']);
const DROPPED = ' \t\u3000\u00a0';
const FROM = folds.map(([from]) => from).join('') + DROPPED;
const TO = folds.map(([, to]) => to).join('');
const keyOf = (column: string): string => `translate(${column}, '${FROM}', '${TO}')`;

/**
 * Reporting authority (issue 10 item 3).
 *
 * - `source_unit_authorities`: which deciding authorities (决定机关) a source unit (数据来源单位) is registered to
 *   report decisions of. Managed by the credit office (registerSourceUnitAuthority); ingestion rejects a row
 *   whose authority the unit is not registered for. Backfilled with every (source unit, authority) pair already
 *   in credit_records, so what was reported before stays reportable.
 * - `credit_records.document_number_key`: the document number in canonical form (see `keyOf`), set by a trigger
 *   on every insert and every change of document_number, so every writer (ingestion, seed, plain SQL) gets it and
 *   none can set it otherwise (a trigger, not a generated column, so that copying a whole row still inserts);
 *   unique with the authority, so one decision reported with different bracket forms is one record. `document_number` keeps the display form as
 *   first reported. Fails naming the records when existing rows already collide under the key.
 * - `data_quality_issues.issue_kind` / `conflicting_record_id`: the queue also takes KEY_CONFLICT entries — a row
 *   whose (authority, key) another source unit already reported — for the credit office to settle.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE source_unit_authorities (
      source_unit_uscc varchar(18) NOT NULL REFERENCES organisations (uscc),
      authority_uscc varchar(18) NOT NULL REFERENCES organisations (uscc),
      registered_at timestamptz NOT NULL DEFAULT now(),
      registered_by text NOT NULL,
      PRIMARY KEY (source_unit_uscc, authority_uscc))`);
  await knex.raw(`
    INSERT INTO source_unit_authorities (source_unit_uscc, authority_uscc, registered_by)
    SELECT DISTINCT source_unit_uscc, authority_uscc, 'migration 20261130000600 (records already reported)' FROM credit_records`);

  await knex.raw('ALTER TABLE credit_records ADD COLUMN document_number_key text NULL');
  await knex.raw(`UPDATE credit_records SET document_number_key = ${keyOf('document_number')}`);
  await knex.raw('ALTER TABLE credit_records ALTER COLUMN document_number_key SET NOT NULL');
  await knex.raw(`
    CREATE FUNCTION credit_records_key_document_number() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.document_number_key := ${keyOf('NEW.document_number')};
      RETURN NEW;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER credit_records_key_document_number BEFORE INSERT OR UPDATE OF document_number, document_number_key ON credit_records
      FOR EACH ROW EXECUTE FUNCTION credit_records_key_document_number()`);
  const { rows: collisions } = (await knex.raw(`
    SELECT authority_uscc, document_number_key, string_agg(id::text || ' ' || document_number, '; ' ORDER BY id) AS records
      FROM credit_records GROUP BY authority_uscc, document_number_key HAVING count(*) > 1 LIMIT 20`)) as { rows: { authority_uscc: string; document_number_key: string; records: string }[] };
  if (collisions.length > 0) {
    const list = collisions.map((c) => `${c.authority_uscc} ${c.document_number_key}: ${c.records}`).join('\n');
    throw new Error(`credit records of one authority have document numbers that differ only in brackets, spaces or width; merge or renumber them, then migrate again:\n${list}`);
  }
  await knex.raw('CREATE UNIQUE INDEX credit_records_authority_document_key_idx ON credit_records (authority_uscc, document_number_key)');

  await knex.raw(`ALTER TABLE data_quality_issues
    ADD COLUMN issue_kind text NOT NULL DEFAULT 'CHECKSUM',
    ADD COLUMN conflicting_record_id bigint NULL,
    ADD CONSTRAINT data_quality_issues_kind CHECK (issue_kind IN ('CHECKSUM', 'KEY_CONFLICT') AND (issue_kind = 'KEY_CONFLICT') = (conflicting_record_id IS NOT NULL))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DELETE FROM data_quality_issues WHERE issue_kind = 'KEY_CONFLICT'`);
  await knex.raw('ALTER TABLE data_quality_issues DROP CONSTRAINT data_quality_issues_kind, DROP COLUMN conflicting_record_id, DROP COLUMN issue_kind');
  await knex.raw('DROP INDEX credit_records_authority_document_key_idx');
  await knex.raw('DROP TRIGGER credit_records_key_document_number ON credit_records');
  await knex.raw('DROP FUNCTION credit_records_key_document_number()');
  await knex.raw('ALTER TABLE credit_records DROP COLUMN document_number_key');
  await knex.raw('DROP TABLE source_unit_authorities');
}
