import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../db/connection.js';
import { KnexAuditLedger, verifyLedger } from '../../src/governance/index.js';
import { runtimeRoleUrl, TEST_DATABASES } from '../support/databases.js';
import { createMigratedDatabase, type MigratedDatabase } from './migratedDatabase.js';

// Issue 10 item 4: on PostgreSQL the ledger belongs to chengxin_ledger_owner; the hub's runtime role
// (chengxin_hub, whose member the hub logs in as) may append and read entries, and nothing else.
const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('the audit ledger under the hub runtime role on postgres', () => {
  let db: MigratedDatabase;
  let runtime: Knex;

  beforeAll(async () => {
    db = await createMigratedDatabase(postgres!);
    runtime = createKnex({ kind: 'postgres', url: await runtimeRoleUrl(db.url!) });
  });
  afterAll(async () => {
    await runtime?.destroy();
    await db?.close();
  });

  it('is owned by the ledger owner, which the runtime login is not and cannot become', async () => {
    const { rows } = await runtime.raw(`SELECT tableowner, current_user AS me,
        pg_has_role(current_user, tableowner, 'MEMBER') AS member, pg_has_role(current_user, 'chengxin_hub', 'MEMBER') AS hub
      FROM pg_tables WHERE tablename = 'audit_ledger'`);
    expect(rows).toEqual([{ tableowner: 'chengxin_ledger_owner', me: 'chengxin_hub_test', member: false, hub: true }]);
  });

  it('lets the runtime role append and read entries and use the other tables', async () => {
    await KnexAuditLedger.create(runtime).appendMany([
      { consumerId: null, operationName: 'Probe', outcome: 'OK', subjectUsccs: ['91440300MA5E9NHA04'] },
      { consumerId: null, outcome: 'FORBIDDEN', details: { forbidden: ['Query.civilServant'] } },
    ]);
    expect(await verifyLedger(runtime)).toMatchObject({ ok: true, entries: 2 });
    await runtime('rate_limit_windows').insert({ consumer_id: 'public:127.0.0.1', window_start: '2026-11-30T00:00:00.000Z', count: 1 });
    expect(await runtime('rate_limit_windows').delete().returning('consumer_id')).toEqual([{ consumer_id: 'public:127.0.0.1' }]);
  });

  it.each([
    ['UPDATE', "UPDATE audit_ledger SET case_reference = 'forged' WHERE seq = 1", /permission denied for table audit_ledger/],
    ['DELETE', 'DELETE FROM audit_ledger WHERE seq = 2', /permission denied for table audit_ledger/],
    ['TRUNCATE', 'TRUNCATE audit_ledger', /permission denied for table audit_ledger/],
    ['DISABLE TRIGGER', 'ALTER TABLE audit_ledger DISABLE TRIGGER ALL', /must be owner of table audit_ledger/],
    ['DISABLE TRIGGER (one)', 'ALTER TABLE audit_ledger DISABLE TRIGGER audit_ledger_no_update_delete', /must be owner of table audit_ledger/],
    ['OWNER TO', 'ALTER TABLE audit_ledger OWNER TO chengxin_hub_test', /must be owner of table audit_ledger/],
    ['replica mode', 'SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
    ['replace a trigger function', "CREATE OR REPLACE FUNCTION audit_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'", /must be owner of function audit_ledger_refuse_change|permission denied for schema public/],
    ['replace the append function', "CREATE OR REPLACE FUNCTION audit_ledger_append(lock_key bigint, entries jsonb) RETURNS TABLE (seq bigint, occurred_at timestamptz, prev_hash text, entry_hash text) LANGUAGE sql AS 'SELECT 1::bigint, now(), NULL::text, NULL::text'", /must be owner of function audit_ledger_append|permission denied for schema public/],
  ])('refuses the runtime role %s', async (_name, sql, message) => {
    await expect(runtime.raw(sql)).rejects.toThrow(message);
    expect(await verifyLedger(runtime)).toMatchObject({ ok: true, entries: 2 });
  });
});

describe.each(TEST_DATABASES.filter((d) => d.name === 'pglite'))('the roles migration on $name', (database) => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
  });
  afterAll(async () => db?.close());

  it('is skipped: the embedded database has one user, and the append-only triggers still hold', async () => {
    const { rows } = await db.knex.raw("SELECT count(*)::int AS n FROM pg_roles WHERE rolname IN ('chengxin_ledger_owner', 'chengxin_hub')");
    expect(rows).toEqual([{ n: 0 }]);
    await KnexAuditLedger.create(db.knex).append({ consumerId: null, outcome: 'OK' });
    await expect(db.knex.raw('DELETE FROM audit_ledger')).rejects.toThrow(/append-only/);
  });
});
