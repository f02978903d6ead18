import type { Knex } from 'knex';

// Issue 10 item 8: a grant names the fields its purpose needs; the share-level wildcards (CONDITIONAL,
// RESTRICTED, and patterns on every type `*.…`) stay only with the credit office (CREDIT_OFFICE_ADMIN).
// Every other consumer's wildcard grant is replaced by the field scopes its purpose allowed on this day.
// The mapping is spelled out here, a copy of src/governance/rules/purposes.json `fieldScopes` as it stood,
// so that replaying never reads today's rule files. What was replaced is kept in
// consumer_grant_conversions (the trail of the change, and what `down` restores).
const CHECKS = ['Mutation.runCreditCheck', 'Query.creditCheck', 'Mutation.recordCheckFeedback'];
const ENTERPRISE = ['CreditRecord.disclosure', 'Enterprise.serviceCases'];
const SERVANTS = ['Query.civilServant', 'CreditRecord.civilServant', 'CivilServant.*'];
const OVERSIGHT = [
  ...ENTERPRISE, ...SERVANTS, 'Query.creditCheck', 'Query.integrityComplaints', 'IntegrityComplaint.*', 'Query.objection',
  'Query.objectionsOfRecord', 'Query.objectionsOfSubject', 'Query.overdueObjections', 'Query.repairApplication',
  'Query.repairApplicationsOfRecord', 'Query.repairApplicationsOfSubject', 'Query.dataQualityIssues',
];
/** Purpose → the field scopes a wildcard grant for it becomes. */
export const FIELD_SCOPES_BY_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  BIDDING: [...ENTERPRISE, ...CHECKS],
  GOVERNMENT_PROCUREMENT: [...ENTERPRISE, ...CHECKS],
  ADMINISTRATIVE_LICENSING: ENTERPRISE,
  FUNDING_SUPPORT: ENTERPRISE,
  CADRE_SELECTION: ['CreditRecord.disclosure', ...SERVANTS],
  AWARD_EVALUATION: [...ENTERPRISE, ...SERVANTS],
  INVESTMENT_PROMOTION: ENTERPRISE,
  SUPERVISION: OVERSIGHT,
  CREDIT_EVALUATION: ENTERPRISE,
  STATISTICS: ['CreditRecord.disclosure'],
  CREDIT_REPAIR: ['CreditRecord.disclosure', 'Mutation.applyForRepair', 'Query.repairApplicationsOfSubject'],
  AUDIT: ['Query.auditLedgerVerification', 'Query.accessLog', ...OVERSIGHT],
  SELF_INQUIRY: ['CreditRecord.disclosure', 'Enterprise.serviceCases', 'Query.accessLog', 'Query.objectionsOfSubject', 'Query.repairApplicationsOfSubject'],
  RECORD_REPORTING: ['Mutation.ingestRecords'],
  OBJECTION: ['CreditRecord.disclosure', 'Mutation.fileObjection', 'Query.objectionsOfSubject'],
};
const WILDCARD_ROLE = 'CREDIT_OFFICE_ADMIN';

interface WildcardGrant {
  consumer_id: string;
  purpose: string;
  scope: string;
  authorisation: string | null;
  created_at: Date | string;
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consumer_grant_conversions', (t) => {
    t.text('consumer_id').notNullable().references('id').inTable('consumers');
    t.text('purpose').notNullable();
    t.text('wildcard_scope').notNullable();
    t.text('authorisation').nullable();
    t.timestamp('granted_at', { useTz: true }).notNullable();
    t.specificType('added_scopes', 'text[]').notNullable();
    t.timestamp('converted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['consumer_id', 'purpose', 'wildcard_scope']);
  });
  const wildcards: WildcardGrant[] = (await knex.raw(`
    SELECT g.consumer_id, g.purpose, g.scope, g.authorisation, g.created_at
    FROM consumer_grants g JOIN consumers c ON c.id = g.consumer_id
    WHERE (g.scope IN ('CONDITIONAL', 'RESTRICTED') OR g.scope LIKE '*.%') AND NOT (? = ANY (c.roles))
    ORDER BY g.consumer_id, g.purpose, g.scope`, [WILDCARD_ROLE])).rows;
  for (const grant of wildcards) {
    const scopes = FIELD_SCOPES_BY_PURPOSE[grant.purpose] ?? [];
    const added: string[] = [];
    for (const scope of scopes) {
      const inserted = await knex('consumer_grants')
        .insert({ consumer_id: grant.consumer_id, purpose: grant.purpose, scope, authorisation: grant.authorisation })
        .onConflict(['consumer_id', 'purpose', 'scope']).ignore().returning('scope');
      if (inserted.length > 0) added.push(scope);
    }
    await knex('consumer_grant_conversions').insert({
      consumer_id: grant.consumer_id, purpose: grant.purpose, wildcard_scope: grant.scope,
      authorisation: grant.authorisation, granted_at: grant.created_at, added_scopes: added,
    });
    await knex('consumer_grants').where({ consumer_id: grant.consumer_id, purpose: grant.purpose, scope: grant.scope }).delete();
  }
}

export async function down(knex: Knex): Promise<void> {
  const conversions: (Omit<WildcardGrant, 'scope' | 'created_at'> & { wildcard_scope: string; granted_at: Date; added_scopes: string[] })[] =
    await knex('consumer_grant_conversions').select();
  for (const c of conversions) {
    if (c.added_scopes.length > 0) {
      await knex('consumer_grants').where({ consumer_id: c.consumer_id, purpose: c.purpose }).whereIn('scope', c.added_scopes).delete();
    }
    await knex('consumer_grants')
      .insert({ consumer_id: c.consumer_id, purpose: c.purpose, scope: c.wildcard_scope, authorisation: c.authorisation, created_at: c.granted_at })
      .onConflict(['consumer_id', 'purpose', 'scope']).ignore();
  }
  await knex.schema.dropTable('consumer_grant_conversions');
}
