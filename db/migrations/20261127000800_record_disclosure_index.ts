import type { Knex } from 'knex';

// The predicate the credit store writes for the public's view (src/credit/KnexCreditStore.ts, from
// UNDISCLOSED_STATUSES): spelled out here as a snapshot, and it must stay textually the same there for the
// planner to use these partial indexes.
const DISCLOSED = "status NOT IN ('REPAIRED', 'WITHDRAWN', 'EXPIRED')";

// Index name → key columns. Each carries publicity_end so that the remaining condition of the public's
// view (publicity end on or after today) is checked in the index: counts become index-only scans.
const INDEXES: Record<string, string> = {
  credit_records_disclosed_idx: 'decision_date DESC, id DESC',
  credit_records_disclosed_kind_idx: 'kind, decision_date DESC, id DESC',
  credit_records_disclosed_district_idx: 'district_code, decision_date DESC, id DESC',
};

/**
 * Partial indexes over the records the public may see, for the queries that scan many records: the
 * newest-first list and its total, by kind and by district (about half of the records are outside
 * the public's view once repaired, withdrawn or expired). Per-subject lists keep using the owner
 * indexes; a subject has few records.
 */
export async function up(knex: Knex): Promise<void> {
  for (const [name, columns] of Object.entries(INDEXES)) {
    await knex.raw(`CREATE INDEX ${name} ON credit_records (${columns}) INCLUDE (publicity_end) WHERE ${DISCLOSED}`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const name of Object.keys(INDEXES)) await knex.raw(`DROP INDEX ${name}`);
}
