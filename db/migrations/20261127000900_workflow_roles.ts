import type { Knex } from 'knex';

// Issue 5's workflows bring a new role and purposes: source units report records (归集) and subjects file
// objections (异议). The lists are spelled out, as in 20261127000700, so replaying never reads rule files.
const ROLES_BEFORE = [
  'PUBLIC', 'BIDDING_SYSTEM', 'INVESTMENT_PROMOTION', 'DASHBOARD', 'CREDIT_OFFICE_ADMIN', 'AUDITOR',
  'THIRD_PARTY_EVALUATOR', 'PERSONNEL_OFFICE', 'ENTERPRISE_SELF',
];
const PURPOSES_BEFORE = [
  'BIDDING', 'GOVERNMENT_PROCUREMENT', 'ADMINISTRATIVE_LICENSING', 'FUNDING_SUPPORT', 'CADRE_SELECTION',
  'AWARD_EVALUATION', 'INVESTMENT_PROMOTION', 'SUPERVISION', 'CREDIT_EVALUATION', 'STATISTICS', 'CREDIT_REPAIR',
  'AUDIT', 'SELF_INQUIRY',
];
const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

async function setChecks(knex: Knex, roles: string[], purposes: string[]): Promise<void> {
  await knex.raw('ALTER TABLE consumers DROP CONSTRAINT consumers_valid');
  await knex.raw(`ALTER TABLE consumers ADD CONSTRAINT consumers_valid CHECK (
    id ~ '^[a-z0-9][a-z0-9-]{1,62}$'
    AND kind IN ('SYSTEM', 'DEPARTMENT', 'ENTERPRISE', 'THIRD_PARTY')
    AND cardinality(roles) > 0 AND roles <@ ARRAY[${list(roles)}]::text[]
    AND status IN ('ACTIVE', 'REVOKED') AND (status = 'REVOKED') = (revoked_at IS NOT NULL)
    AND rate_limit_per_minute > 0)`);
  await knex.raw('ALTER TABLE consumer_grants DROP CONSTRAINT consumer_grants_valid');
  await knex.raw(`ALTER TABLE consumer_grants ADD CONSTRAINT consumer_grants_valid CHECK (
    purpose IN (${list(purposes)})
    AND (scope IN ('CONDITIONAL', 'RESTRICTED') OR scope ~ '^([A-Z][A-Za-z0-9_]*|\\*)\\.([A-Za-z_][A-Za-z0-9_]*|\\*)$'))`);
}

export async function up(knex: Knex): Promise<void> {
  await setChecks(knex, [...ROLES_BEFORE, 'SOURCE_UNIT'], [...PURPOSES_BEFORE, 'RECORD_REPORTING', 'OBJECTION']);
}

export async function down(knex: Knex): Promise<void> {
  await setChecks(knex, ROLES_BEFORE, PURPOSES_BEFORE);
}
