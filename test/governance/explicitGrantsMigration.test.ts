import { describe, expect, it } from 'vitest';
import { createKnex } from '../../db/connection.js';
import { migrationSource } from '../../db/migrationSource.js';
import { FIELD_SCOPES_BY_PURPOSE } from '../../db/migrations/20261130000800_explicit_grants.js';
import { ADDED_FIELD_SCOPES_BY_PURPOSE } from '../../db/migrations/20261201009000_grant_credit_check_listing.js';
import { ADDED_FIELD_SCOPES_BY_PURPOSE as WATCHLIST_SCOPES_BY_PURPOSE } from '../../db/migrations/20261202040000_watchlists.js';
import { CONSEQUENCE_FIELD_SCOPES_BY_PURPOSE } from '../../db/migrations/20261202050100_grant_consequences.js';
import { ADDED_FIELD_SCOPES_BY_PURPOSE as ADDED_FOR_COMMITMENTS } from '../../db/migrations/20261202030000_grant_commitment_register.js';
import { fieldScopesOf, KnexConsumerStore, PURPOSES } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';

const MIGRATION = '20261130000800_explicit_grants';
const LISTING_MIGRATION = '20261201009000_grant_credit_check_listing';

const consumer = (id: string, roles: string[]) => ({ id, name: id, kind: 'DEPARTMENT', roles: `{${roles.join(',')}}` });

describe.each(TEST_DATABASES)('migration 20261130000800_explicit_grants on $name', (database) => {
  it('replaces the wildcard grants of every consumer but the credit office by its purpose’s field scopes, and down restores them', async () => {
    const db = await database.create();
    const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    try {
      // Up to the migration before this one, with the grants the old demo and CLI created.
      for (;;) {
        const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown, string[]];
        if (pending.length === 0) throw new Error(`${MIGRATION} is not pending`);
        if (migrationSource.getMigrationName(pending[0]!) === MIGRATION) break;
        await knex.migrate.up({ migrationSource });
      }
      await knex('consumers').insert([
        consumer('bidding-system', ['BIDDING_SYSTEM']), consumer('nanshan-personnel', ['PERSONNEL_OFFICE']),
        consumer('city-audit', ['AUDITOR']), consumer('credit-office', ['CREDIT_OFFICE_ADMIN']),
      ]);
      await knex('consumer_grants').insert([
        { consumer_id: 'bidding-system', purpose: 'BIDDING', scope: 'CONDITIONAL', authorisation: 'SZ-SHARE-2026-01' },
        // An explicit grant it already held stays, and is not taken away again by down.
        { consumer_id: 'bidding-system', purpose: 'BIDDING', scope: 'Enterprise.serviceCases' },
        { consumer_id: 'nanshan-personnel', purpose: 'CADRE_SELECTION', scope: '*.*' },
        { consumer_id: 'city-audit', purpose: 'AUDIT', scope: 'RESTRICTED' },
        { consumer_id: 'credit-office', purpose: 'SUPERVISION', scope: 'RESTRICTED' },
      ]);
      const grants = async () => (await knex('consumer_grants').orderBy(['consumer_id', 'purpose', 'scope']).select('consumer_id', 'purpose', 'scope', 'authorisation'))
        .map((g: Record<string, string | null>) => `${g.consumer_id} ${g.purpose} ${g.scope}${g.authorisation ? ` (${g.authorisation})` : ''}`);
      const before = await grants();

      await knex.migrate.up({ migrationSource });
      const expected = [
        ...FIELD_SCOPES_BY_PURPOSE.BIDDING!.map((s) => `bidding-system BIDDING ${s}${s === 'Enterprise.serviceCases' ? '' : ' (SZ-SHARE-2026-01)'}`),
        ...FIELD_SCOPES_BY_PURPOSE.AUDIT!.map((s) => `city-audit AUDIT ${s}`),
        'credit-office SUPERVISION RESTRICTED',
        ...FIELD_SCOPES_BY_PURPOSE.CADRE_SELECTION!.map((s) => `nanshan-personnel CADRE_SELECTION ${s}`),
      ].sort();
      expect(await grants()).toEqual(expected);
      // What the hub reads: the bidding system for BIDDING no longer covers civil servants.
      const bidding = (await KnexConsumerStore.create(knex).listConsumers()).find((c) => c.id === 'bidding-system')!;
      expect(bidding.grants.map((g) => g.scope)).not.toContain('CONDITIONAL');
      expect(bidding.grants.map((g) => g.scope)).not.toContain('Query.civilServant');

      await knex.migrate.down({ migrationSource });
      expect(await grants()).toEqual(before);
      expect(await knex.schema.hasTable('consumer_grant_conversions')).toBe(false);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});

describe.each(TEST_DATABASES)('migration 20261201009000_grant_credit_check_listing on $name', (database) => {
  it('gives the checks listing to every consumer that reads single checks for its purpose, and down takes back only what it gave', async () => {
    const db = await database.create();
    const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    try {
      for (;;) {
        const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown, string[]];
        if (pending.length === 0) throw new Error(`${LISTING_MIGRATION} is not pending`);
        if (migrationSource.getMigrationName(pending[0]!) === LISTING_MIGRATION) break;
        await knex.migrate.up({ migrationSource });
      }
      await knex('consumers').insert([
        consumer('bidding-system', ['BIDDING_SYSTEM']), consumer('city-audit', ['AUDITOR']), consumer('licensing', ['INVESTMENT_PROMOTION']),
      ]);
      await knex('consumer_grants').insert([
        ...FIELD_SCOPES_BY_PURPOSE.BIDDING!.map((scope) => ({ consumer_id: 'bidding-system', purpose: 'BIDDING', scope, authorisation: 'SZ-SHARE-2026-01' })),
        // Already given the listing by hand: stays after down.
        ...[...FIELD_SCOPES_BY_PURPOSE.AUDIT!, 'Query.creditChecks'].map((scope) => ({ consumer_id: 'city-audit', purpose: 'AUDIT', scope })),
        // A BIDDING grant without single checks gets no listing; nor does a purpose without it.
        { consumer_id: 'licensing', purpose: 'BIDDING', scope: 'CreditRecord.disclosure' },
        ...FIELD_SCOPES_BY_PURPOSE.ADMINISTRATIVE_LICENSING!.map((scope) => ({ consumer_id: 'licensing', purpose: 'ADMINISTRATIVE_LICENSING', scope })),
      ]);
      const grants = async () => (await knex('consumer_grants').orderBy(['consumer_id', 'purpose', 'scope']).select('consumer_id', 'purpose', 'scope', 'authorisation'))
        .map((g: Record<string, string | null>) => `${g.consumer_id} ${g.purpose} ${g.scope}${g.authorisation ? ` (${g.authorisation})` : ''}`);
      const before = await grants();

      await knex.migrate.up({ migrationSource });
      expect(await grants()).toEqual([...before, 'bidding-system BIDDING Query.creditChecks (SZ-SHARE-2026-01)'].sort());
      const bidding = (await KnexConsumerStore.create(knex).listConsumers()).find((c) => c.id === 'bidding-system')!;
      expect(bidding.grants.map((g) => g.scope)).toContain('Query.creditChecks');

      await knex.migrate.down({ migrationSource });
      expect(await grants()).toEqual(before);
      expect(await knex.schema.hasTable('consumer_grant_additions')).toBe(false);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});

const COMMITMENTS_MIGRATION = '20261202030000_grant_commitment_register';

describe.each(TEST_DATABASES)(`migration ${COMMITMENTS_MIGRATION} on $name`, (database) => {
  it('gives the commitments register and the promises owed to every consumer holding INVESTMENT_PROMOTION, and down takes back only what it gave', async () => {
    const db = await database.create();
    const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    try {
      for (;;) {
        const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown, string[]];
        if (pending.length === 0) throw new Error(`${COMMITMENTS_MIGRATION} is not pending`);
        if (migrationSource.getMigrationName(pending[0]!) === COMMITMENTS_MIGRATION) break;
        await knex.migrate.up({ migrationSource });
      }
      await knex('consumers').insert([consumer('investment-promotion', ['INVESTMENT_PROMOTION']), consumer('bidding-system', ['BIDDING_SYSTEM'])]);
      await knex('consumer_grants').insert([
        ...FIELD_SCOPES_BY_PURPOSE.INVESTMENT_PROMOTION!.map((scope) => ({ consumer_id: 'investment-promotion', purpose: 'INVESTMENT_PROMOTION', scope, authorisation: 'SZ-SHARE-2026-07' })),
        // Given one of the scopes by hand already: it stays after down.
        { consumer_id: 'investment-promotion', purpose: 'INVESTMENT_PROMOTION', scope: 'Query.commitments', authorisation: 'SZ-SHARE-2026-07' },
        // Another purpose gets nothing.
        ...FIELD_SCOPES_BY_PURPOSE.BIDDING!.map((scope) => ({ consumer_id: 'bidding-system', purpose: 'BIDDING', scope })),
      ]);
      const grants = async () => (await knex('consumer_grants').orderBy(['consumer_id', 'purpose', 'scope']).select('consumer_id', 'purpose', 'scope', 'authorisation'))
        .map((g: Record<string, string | null>) => `${g.consumer_id} ${g.purpose} ${g.scope}${g.authorisation ? ` (${g.authorisation})` : ''}`);
      const before = await grants();

      await knex.migrate.up({ migrationSource });
      expect(await grants()).toEqual([...before, 'investment-promotion INVESTMENT_PROMOTION Enterprise.commitmentsOwed (SZ-SHARE-2026-07)'].sort());

      await knex.migrate.down({ migrationSource });
      expect(await grants()).toEqual(before);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});

it('spells out, for every purpose, the same field scopes purposes.json gives, in the explicit-grants migration and the migrations adding to it', () => {
  // A later change of purposes.json needs a new migration for grants already stored, added to ADDED_BY_LATER_MIGRATIONS.
  const ADDED_BY_LATER_MIGRATIONS = [ADDED_FIELD_SCOPES_BY_PURPOSE, WATCHLIST_SCOPES_BY_PURPOSE, CONSEQUENCE_FIELD_SCOPES_BY_PURPOSE, ADDED_FOR_COMMITMENTS];
  expect(Object.keys(FIELD_SCOPES_BY_PURPOSE).sort()).toEqual(PURPOSES.map((p) => p.code).sort());
  for (const purpose of PURPOSES) {
    const given = new Set([...FIELD_SCOPES_BY_PURPOSE[purpose.code]!, ...ADDED_BY_LATER_MIGRATIONS.flatMap((added) => added[purpose.code] ?? [])]);
    expect([...given].sort(), purpose.code).toEqual([...fieldScopesOf(purpose.code)].sort());
  }
});
