import type { Knex } from 'knex';

// Issue 13 item 3: the promises owed to an enterprise (Enterprise.commitmentsOwed) are read by counterparty, a
// level of enterprises at a time, in the field's order (due date, then id).
const INDEX = 'government_commitments_counterparty_due_index';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('government_commitments', (t) => {
    t.index(['counterparty_uscc', 'due_on', 'id'], INDEX);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('government_commitments', (t) => {
    t.dropIndex(['counterparty_uscc', 'due_on', 'id'], INDEX);
  });
}
