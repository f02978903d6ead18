import type { Knex } from 'knex';

// Issue 13 item 3: the register of government commitments (`Query.commitments`) and the promises owed to an
// enterprise (`Enterprise.commitmentsOwed`) are conditional data that investment-promotion teams read, and
// src/governance/rules/purposes.json gave both to INVESTMENT_PROMOTION. Grants are explicit
// (20261130000800_explicit_grants), so consumers already holding a grant for the purpose (on the field
// scope every grant for it names, `CreditRecord.disclosure`) get the new scopes here. The mapping is spelled
// out, a copy of purposes.json as it stood, so replaying never reads today's rule files. What was added is
// kept in consumer_grant_additions (created by 20261201009000), which `down` takes away again.
/** Purpose → the field scopes this migration adds to that purpose's grants. */
export const ADDED_FIELD_SCOPES_BY_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  INVESTMENT_PROMOTION: ['Query.commitments', 'Enterprise.commitmentsOwed'],
};
const MIGRATION = '20261202030000_grant_commitment_register';
const HOLDERS_OF = 'CreditRecord.disclosure';

export async function up(knex: Knex): Promise<void> {
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
}
