import type { Knex } from 'knex';

// The public's view as migration 20261127000800 spells it (a snapshot; see src/credit/KnexCreditStore.ts).
const DISCLOSED = "status NOT IN ('REPAIRED', 'WITHDRAWN', 'EXPIRED')";

const INDEXES: Record<string, string> = {
  credit_records_disclosed_idx: 'decision_date DESC, id DESC',
  credit_records_disclosed_kind_idx: 'kind, decision_date DESC, id DESC',
  credit_records_disclosed_district_idx: 'district_code, decision_date DESC, id DESC',
};

async function createDisclosedIndexes(knex: Knex, included: string): Promise<void> {
  for (const [name, columns] of Object.entries(INDEXES)) {
    await knex.raw(`DROP INDEX IF EXISTS ${name}`);
    await knex.raw(`CREATE INDEX ${name} ON credit_records (${columns}) INCLUDE (${included}) WHERE ${DISCLOSED}`);
  }
}

/**
 * Each record carries the disclosure attribute of its catalogue item (公开属性: PUBLIC, CONDITIONAL,
 * NOT_PUBLIC), kept by the database: filled on insert and when a record moves to another item, and
 * rewritten on every record of an item when the catalogue changes the item's attribute. The credit
 * store filters on it at query time (who sees which class is data: src/governance/rules/record-disclosure.json).
 * The partial indexes of the public's view include it, so that counts stay index-only scans.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('credit_records', (t) => {
    t.text('disclosure').nullable();
  });
  await knex.raw('UPDATE credit_records r SET disclosure = c.disclosure FROM catalog_items c WHERE c.code = r.catalog_item_code');
  await knex.raw('ALTER TABLE credit_records ALTER COLUMN disclosure SET NOT NULL');
  await knex.raw(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_disclosure CHECK (disclosure IN ('PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'))`);
  await knex.raw(`
    CREATE FUNCTION credit_records_fill_disclosure() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT disclosure INTO NEW.disclosure FROM catalog_items WHERE code = NEW.catalog_item_code;
      RETURN NEW;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER credit_records_fill_disclosure BEFORE INSERT OR UPDATE OF catalog_item_code, disclosure
      ON credit_records FOR EACH ROW EXECUTE FUNCTION credit_records_fill_disclosure()`);
  await knex.raw(`
    CREATE FUNCTION catalog_items_spread_disclosure() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE credit_records SET disclosure = NEW.disclosure WHERE catalog_item_code = NEW.code;
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER catalog_items_spread_disclosure AFTER UPDATE OF disclosure ON catalog_items
      FOR EACH ROW WHEN (OLD.disclosure IS DISTINCT FROM NEW.disclosure) EXECUTE FUNCTION catalog_items_spread_disclosure()`);
  await knex.raw('CREATE INDEX credit_records_catalog_item_idx ON credit_records (catalog_item_code)');
  await createDisclosedIndexes(knex, 'publicity_end, disclosure');
}

export async function down(knex: Knex): Promise<void> {
  await createDisclosedIndexes(knex, 'publicity_end');
  await knex.raw('DROP INDEX credit_records_catalog_item_idx');
  await knex.raw('DROP TRIGGER catalog_items_spread_disclosure ON catalog_items');
  await knex.raw('DROP FUNCTION catalog_items_spread_disclosure()');
  await knex.raw('DROP TRIGGER credit_records_fill_disclosure ON credit_records');
  await knex.raw('DROP FUNCTION credit_records_fill_disclosure()');
  await knex.schema.alterTable('credit_records', (t) => {
    t.dropColumn('disclosure');
  });
}
