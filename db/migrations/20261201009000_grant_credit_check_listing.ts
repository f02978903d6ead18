import type { Knex } from 'knex';

// Issue 14: `creditChecks` lists credit checks again (by tender code, reference, time, verdict), and
// src/governance/rules/purposes.json gave `Query.creditChecks` to the purposes below. Grants are explicit
// (20261130000800_explicit_grants), so consumers already holding a grant for one of these purposes get the new
// scope here: every consumer that may read a single check for the purpose (`Query.creditCheck`) may now find its
// checks again. The mapping is spelled out, a copy of purposes.json as it stood, so replaying never reads today's
// rule files. What was added is kept in consumer_grant_additions, which `down` takes away again.
/** Purpose → the field scopes this migration adds to that purpose's grants. */
export const ADDED_FIELD_SCOPES_BY_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  BIDDING: ['Query.creditChecks'],
  GOVERNMENT_PROCUREMENT: ['Query.creditChecks'],
  SUPERVISION: ['Query.creditChecks'],
  AUDIT: ['Query.creditChecks'],
};
const MIGRATION = '20261201009000_grant_credit_check_listing';
const HOLDERS_OF = 'Query.creditCheck';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consumer_grant_additions', (t) => {
    t.text('consumer_id').notNullable().references('id').inTable('consumers');
    t.text('purpose').notNullable();
    t.text('scope').notNullable();
    t.text('migration').notNullable();
    t.timestamp('added_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['consumer_id', 'purpose', 'scope']);
  });
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
  await knex.schema.dropTable('consumer_grant_additions');
}
