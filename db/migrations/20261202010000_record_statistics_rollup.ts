import type { Knex } from 'knex';

// Issue 12: `creditStatistics` answers the district × kind matrix over a million records from two rollups of
// credit_records kept exact by the database itself (statement-level triggers with transition tables, so every
// write path — ingestion, objections, repair, withdrawal, expiry, a test's own UPDATE, a bulk load — is covered,
// and a multi-row write costs one grouped upsert, not one per row):
// - credit_record_counts: per decision month and every grouping dimension;
// - credit_record_totals: the same without the decision month (fewer rows, for calls with no date at all).
// Disclosure depends on the day it is judged on (publicity window end ≥ that day): the rollups keep the month of
// the window's end (end_month, only for records whose status leaves them disclosed), and the reader takes the
// records whose window ends in the judged month, and those of partly covered decision months, from credit_records
// (src/credit/rollupStatistics.ts). The status list is a snapshot of src/credit/creditVisibility.ts.
const UNDISCLOSED = "('REPAIRED', 'WITHDRAWN', 'EXPIRED')";

/** Key columns of the rollups: name, type, and its value computed from a credit_records row `r`. */
const KEYS: readonly (readonly [string, string, string])[] = [
  ['end_month', 'date', `CASE WHEN r.status IN ${UNDISCLOSED} THEN NULL ELSE date_trunc('month', r.publicity_end)::date END`],
  ['district_code', 'varchar(6)', 'r.district_code'],
  ['subject_kind', 'text', 'r.subject_kind'],
  ['kind', 'text', 'r.kind'],
  ['severity', 'text', 'r.severity'],
  ['status', 'text', 'r.status'],
  ['governance_field', 'text', 'r.governance_field'],
  ['disclosure', 'text', 'r.disclosure'],
  ['source_unit_uscc', 'varchar(18)', 'r.source_unit_uscc'],
  ['catalog_item_code', 'text', 'r.catalog_item_code'],
];
const MONTH_KEY = ['decided_month', 'date', "date_trunc('month', r.decision_date)::date"] as const;

const ROLLUPS: readonly { table: string; keys: readonly (readonly [string, string, string])[] }[] = [
  { table: 'credit_record_counts', keys: [MONTH_KEY, ...KEYS] },
  { table: 'credit_record_totals', keys: KEYS },
];

/** Adds `sign` × the rows of transition table `source` (aliased r) to `table`, in key order (no deadlock between writers). */
function applySql(table: string, keys: readonly (readonly [string, string, string])[], source: string, sign: '+' | '-'): string {
  const names = keys.map(([name]) => name).join(', ');
  const values = keys.map(([name, , sql]) => `${sql} AS ${name}`).join(', ');
  return `INSERT INTO ${table} (${names}, record_count, fine_count, fine_total)
    SELECT ${names}, ${sign}record_count, ${sign}fine_count, ${sign}fine_total FROM (
      SELECT ${values}, count(*) AS record_count, count(r.fine_amount) AS fine_count, coalesce(sum(r.fine_amount), 0) AS fine_total
      FROM ${source} r GROUP BY ${keys.map((_k, i) => i + 1).join(', ')}) d
    ORDER BY ${names}
    ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET record_count = ${table}.record_count + excluded.record_count,
      fine_count = ${table}.fine_count + excluded.fine_count, fine_total = ${table}.fine_total + excluded.fine_total;`;
}

/** The change an UPDATE made: new rows counted in, old rows counted out, unchanged keys cancelling out. */
function applyUpdateSql(table: string, keys: readonly (readonly [string, string, string])[]): string {
  const names = keys.map(([name]) => name).join(', ');
  const values = keys.map(([name, , sql]) => `${sql} AS ${name}`).join(', ');
  const side = (source: string, sign: string) =>
    `SELECT ${values}, ${sign}1 AS record_count, ${sign}(r.fine_amount IS NOT NULL)::int AS fine_count, ${sign}coalesce(r.fine_amount, 0) AS fine_total FROM ${source} r`;
  return `INSERT INTO ${table} (${names}, record_count, fine_count, fine_total)
    SELECT ${names}, sum(record_count), sum(fine_count), sum(fine_total) FROM (${side('new_rows', '')} UNION ALL ${side('old_rows', '-')}) d
    GROUP BY ${names} HAVING sum(record_count) <> 0 OR sum(fine_count) <> 0 OR sum(fine_total) <> 0
    ORDER BY ${names}
    ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET record_count = ${table}.record_count + excluded.record_count,
      fine_count = ${table}.fine_count + excluded.fine_count, fine_total = ${table}.fine_total + excluded.fine_total;`;
}

const dropEmpty = ROLLUPS.map(({ table }) => `DELETE FROM ${table} WHERE record_count = 0;`).join('\n');

export async function up(knex: Knex): Promise<void> {
  for (const { table, keys } of ROLLUPS) {
    await knex.raw(`CREATE TABLE ${table} (
      ${keys.map(([name, type]) => `${name} ${type}`).join(',\n      ')},
      record_count bigint NOT NULL,
      fine_count bigint NOT NULL,
      fine_total numeric NOT NULL,
      CONSTRAINT ${table}_key UNIQUE NULLS NOT DISTINCT (${keys.map(([name]) => name).join(', ')}))`);
    // Groups whose last record left them, found without a scan.
    await knex.raw(`CREATE INDEX ${table}_empty_idx ON ${table} (record_count) WHERE record_count = 0`);
    // A scan of a few ten thousand rows gains nothing from parallel workers, and on a loaded machine loses.
    await knex.raw(`ALTER TABLE ${table} SET (parallel_workers = 0)`);
    await knex.raw(`COMMENT ON TABLE ${table} IS 'Rollup of credit_records for creditStatistics, kept by triggers (migration 20261202010000)'`);
  }
  await knex.raw(`CREATE FUNCTION credit_record_rollups_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${ROLLUPS.map(({ table, keys }) => applySql(table, keys, 'new_rows', '+')).join('\n      ')}
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE FUNCTION credit_record_rollups_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${ROLLUPS.map(({ table, keys }) => applySql(table, keys, 'old_rows', '-')).join('\n      ')}
      ${dropEmpty}
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE FUNCTION credit_record_rollups_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${ROLLUPS.map(({ table, keys }) => applyUpdateSql(table, keys)).join('\n      ')}
      ${dropEmpty}
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE FUNCTION credit_record_rollups_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE ${ROLLUPS.map(({ table }) => table).join(', ')};
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE TRIGGER credit_record_rollups_insert AFTER INSERT ON credit_records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION credit_record_rollups_insert()`);
  await knex.raw(`CREATE TRIGGER credit_record_rollups_delete AFTER DELETE ON credit_records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION credit_record_rollups_delete()`);
  await knex.raw(`CREATE TRIGGER credit_record_rollups_update AFTER UPDATE ON credit_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION credit_record_rollups_update()`);
  await knex.raw(`CREATE TRIGGER credit_record_rollups_truncate AFTER TRUNCATE ON credit_records
    FOR EACH STATEMENT EXECUTE FUNCTION credit_record_rollups_truncate()`);
  // Backfill from the records already there.
  for (const { table, keys } of ROLLUPS) await knex.raw(applySql(table, keys, 'credit_records', '+'));
  // The records whose publicity ends in the month disclosure is judged in, which the reader counts one by one.
  await knex.raw(`CREATE INDEX credit_records_disclosed_end_idx ON credit_records (publicity_end)
    INCLUDE (district_code, kind, subject_kind, disclosure, decision_date, severity, status, governance_field, fine_amount, source_unit_uscc, catalog_item_code)
    WHERE status NOT IN ${UNDISCLOSED} AND publicity_end IS NOT NULL`);
  await knex.raw(`ANALYZE ${ROLLUPS.map(({ table }) => table).join(', ')}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX credit_records_disclosed_end_idx');
  for (const op of ['insert', 'delete', 'update', 'truncate']) {
    await knex.raw(`DROP TRIGGER credit_record_rollups_${op} ON credit_records`);
    await knex.raw(`DROP FUNCTION credit_record_rollups_${op}()`);
  }
  for (const { table } of ROLLUPS) await knex.raw(`DROP TABLE ${table}`);
}
