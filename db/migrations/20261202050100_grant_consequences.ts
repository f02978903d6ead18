import type { Knex } from 'knex';

// Issue 15: eligibility checks, measures and third-party evaluations are new root fields, and
// src/governance/rules/purposes.json gave them to the purposes below. Grants are explicit
// (20261130000800_explicit_grants), so every consumer already holding an explicit (non-wildcard) grant for one of these
// purposes gets the new scopes here. The mapping is a copy of what purposes.json added, so replaying never reads
// today's rule files. What was added is kept in consumer_grant_additions (20261201009000), which `down` takes away.
const ELIGIBILITY = ['Mutation.runEligibilityCheck', 'Query.eligibilityCheck', 'Mutation.recordEligibilityFeedback'];
// Purposes about civil servants read the checked persons' names and masked ID numbers (EligibilitySubjectResult's personal fields).
const ELIGIBILITY_OF_PERSONS = [...ELIGIBILITY, 'EligibilitySubjectResult.*'];
const SUPERVISING = ['Query.eligibilityCheck', 'Query.measures', 'Query.overdueMeasures', 'Query.thirdPartyEvaluations'];
/** Purpose → the field scopes this migration adds to that purpose's grants. */
export const CONSEQUENCE_FIELD_SCOPES_BY_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  BIDDING: ELIGIBILITY,
  GOVERNMENT_PROCUREMENT: ELIGIBILITY,
  ADMINISTRATIVE_LICENSING: ELIGIBILITY,
  FUNDING_SUPPORT: ELIGIBILITY,
  CADRE_SELECTION: ELIGIBILITY_OF_PERSONS,
  AWARD_EVALUATION: ELIGIBILITY_OF_PERSONS,
  SUPERVISION: SUPERVISING,
  AUDIT: SUPERVISING,
  RECORD_REPORTING: ['Mutation.reportRectification'],
  CREDIT_EVALUATION: ['Mutation.submitThirdPartyEvaluation', 'Query.thirdPartyEvaluations'],
};
const MIGRATION = '20261202050100_grant_consequences';
const WILDCARDS = ['CONDITIONAL', 'RESTRICTED', 'OPEN'];

export async function up(knex: Knex): Promise<void> {
  for (const [purpose, scopes] of Object.entries(CONSEQUENCE_FIELD_SCOPES_BY_PURPOSE)) {
    const holders: { consumer_id: string; authorisation: string | null }[] = await knex('consumer_grants')
      .where({ purpose }).whereNotIn('scope', WILDCARDS).distinctOn('consumer_id').orderBy([{ column: 'consumer_id' }, { column: 'scope' }])
      .select('consumer_id', 'authorisation');
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
