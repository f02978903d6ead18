import { describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest, rollbackAll } from '../../db/connection.js';
import { KnexAuditLedger, KnexConsumerStore, verifyLedger } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';

const TABLES = [
  'consumers', 'consumer_api_keys', 'consumer_grants', 'consumer_subjects', 'trusted_documents', 'audit_ledger',
  'rate_limit_windows',
];
const FUNCTIONS = "SELECT proname FROM pg_proc WHERE proname LIKE 'audit_ledger_%' ORDER BY proname";

describe.each(TEST_DATABASES)('governance migration on $name', (database) => {
  it('goes up, holds consumers and ledger entries, goes down leaving nothing, and up again', async () => {
    const db = await database.create();
    const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    try {
      await migrateToLatest(knex);
      const store = KnexConsumerStore.create(knex);
      await store.createConsumer({ id: 'auditor', name: 'Audit bureau', kind: 'DEPARTMENT', roles: ['AUDITOR'] });
      await store.registerTrustedDocument('auditor', '{ __typename }', 'ping');
      await KnexAuditLedger.create(knex).append({ consumerId: 'auditor', outcome: 'OK', purpose: 'AUDIT' });
      expect(await verifyLedger(knex)).toMatchObject({ ok: true, entries: 1 });
      expect((await knex.raw(FUNCTIONS)).rows.map((r: { proname: string }) => r.proname))
        .toEqual(['audit_ledger_append', 'audit_ledger_check_link', 'audit_ledger_refuse_change']);

      await rollbackAll(knex);
      for (const table of TABLES) expect(await knex.schema.hasTable(table)).toBe(false);
      expect((await knex.raw(FUNCTIONS)).rows).toEqual([]);

      await migrateToLatest(knex);
      for (const table of TABLES) expect(await knex.schema.hasTable(table)).toBe(true);
      expect(await verifyLedger(knex)).toMatchObject({ ok: true, entries: 0 });
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});
