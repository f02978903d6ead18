import type { Knex } from 'knex';

/** The type (pg_type name: text, jsonb, bytea, …) of each column of `table`, from the database. */
export async function readColumnTypes(knex: Knex, table: string): Promise<ReadonlyMap<string, string>> {
  const { rows } = (await knex.raw(
    'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?', [table],
  )) as { rows: { column_name: string; udt_name: string }[] };
  return new Map(rows.map((r) => [r.column_name, r.udt_name]));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One value as JSON text that json_populate_recordset turns into the column's type. */
function toJsonValue(value: unknown, type: string | undefined): string {
  if (value === null || value === undefined) return 'null';
  // A json(b) column given as text holds JSON already: inline it, so that it becomes the document, not a string.
  if ((type === 'jsonb' || type === 'json') && typeof value === 'string') return value;
  if (value instanceof Uint8Array) return `"\\\\x${Buffer.from(value).toString('hex')}"`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  return JSON.stringify(value);
}

/**
 * Inserts `rows` into `table` in one statement with one parameter: the rows as a JSON array, spread into the
 * table's row type by json_populate_recordset. Generic over the columns the row objects carry (their keys, in
 * snake_case; columns they leave out take their defaults), and much cheaper to parse and plan than a multi-row
 * VALUES list with a parameter per value; works the same on PostgreSQL and PGlite. `types` from readColumnTypes.
 */
export async function bulkInsert(
  knex: Knex | Knex.Transaction,
  table: string,
  rows: readonly Record<string, unknown>[],
  types: ReadonlyMap<string, string>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const unknown = columns.filter((c) => !types.has(c));
  if (unknown.length) throw new Error(`bulkInsert: ${table} has no column ${unknown.join(', ')}; migrate the database or fix the row mapper`);
  const keys = columns.map((c) => JSON.stringify(c));
  const json = `[${rows.map((row) => `{${columns.map((c, i) => `${keys[i]}:${toJsonValue(row[c], types.get(c))}`).join(',')}}`).join(',\n')}]`;
  const list = columns.map(quote).join(', ');
  await knex.raw(`INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, ?::json)`, [json]);
}

/**
 * Runs `load` with the plain (non-unique, not constraint) indexes of `tables` dropped, then builds them again
 * from their own definitions: one sort per index instead of a million index insertions. Unique indexes and
 * constraints stay, so the load is checked as before. Inside a transaction, a failure leaves every index. Indexes
 * the current role does not own (a runtime role seeding) stay in place: slower, same result.
 */
export async function withoutPlainIndexes<T>(trx: Knex.Transaction, tables: readonly string[], load: () => Promise<T>, onRebuild?: () => void): Promise<T> {
  const { rows } = (await trx.raw(`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    JOIN pg_class ic ON ic.relname = i.indexname AND ic.relnamespace = current_schema()::regnamespace
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(?::text[]) AND i.indexdef NOT LIKE 'CREATE UNIQUE %'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      -- Only indexes this role may drop (a runtime role that is not the tables' owner loads with them in place).
      AND pg_has_role(current_user, ic.relowner, 'MEMBER')
    ORDER BY i.indexname`, [[...tables]])) as { rows: { indexname: string; indexdef: string }[] };
  for (const index of rows) await trx.raw(`DROP INDEX ${quote(index.indexname)}`);
  const result = await load();
  onRebuild?.();
  for (const index of rows) await trx.raw(index.indexdef);
  return result;
}
