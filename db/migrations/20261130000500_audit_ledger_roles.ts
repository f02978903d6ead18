import type { Knex } from 'knex';

// Issue 10 item 4: the hub's own database role must not be able to rewrite the audit ledger. Two roles,
// spelled out here (a migration is a snapshot):
// - chengxin_ledger_owner (NOLOGIN) owns audit_ledger and its trigger functions; nobody logs in as it.
// - chengxin_hub (NOLOGIN group) is the hub's runtime role: the login the hub runs as is made a member.
//   It may read and write the other tables, but on audit_ledger only SELECT and INSERT: no UPDATE, DELETE
//   or TRUNCATE, and, not being the owner, no ALTER TABLE … DISABLE TRIGGER.
// Roles belong to the whole PostgreSQL cluster, so they are created only when missing (several databases,
// or a DBA who created them first) and are left in place by `down`.
// PGlite (the embedded default) is one in-process user with no logins to separate: nothing to do there.
const LEDGER_OWNER_ROLE = 'chengxin_ledger_owner';
const HUB_RUNTIME_ROLE = 'chengxin_hub';
const LEDGER_FUNCTIONS = ['audit_ledger_refuse_change()', 'audit_ledger_check_link()'];

function isPglite(knex: Knex): boolean {
  const client = (knex.client as { config?: { client?: unknown } }).config?.client;
  return typeof client === 'function' && /pglite/i.test(client.name);
}

async function createRoleIfMissing(knex: Knex, role: string): Promise<void> {
  // Two databases migrating at once may both see the role missing: the loser's duplicate is ignored.
  await knex.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object THEN NULL; WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'cannot create role ${role}: run the migrations as a role with CREATEROLE, or have a DBA run CREATE ROLE ${role} NOLOGIN first';
    END $$`);
}

export async function up(knex: Knex): Promise<void> {
  if (isPglite(knex)) {
    // Skipped, as README "Security → Audit ledger" says: the append-only triggers still hold there.
    return;
  }
  await createRoleIfMissing(knex, LEDGER_OWNER_ROLE);
  await createRoleIfMissing(knex, HUB_RUNTIME_ROLE);
  // The migrating role must be able to hand the table over (a superuser can; otherwise it needs membership).
  await knex.raw(`ALTER TABLE audit_ledger OWNER TO ${LEDGER_OWNER_ROLE}`);
  for (const fn of LEDGER_FUNCTIONS) await knex.raw(`ALTER FUNCTION ${fn} OWNER TO ${LEDGER_OWNER_ROLE}`);
  await knex.raw(`GRANT USAGE ON SCHEMA public TO ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${HUB_RUNTIME_ROLE}`);
  // Tables later migrations create (as the migrating role) are the runtime role's to use as well.
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`REVOKE ALL ON audit_ledger FROM PUBLIC, ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`GRANT SELECT, INSERT ON audit_ledger TO ${HUB_RUNTIME_ROLE}`);
}

export async function down(knex: Knex): Promise<void> {
  if (isPglite(knex)) return;
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${HUB_RUNTIME_ROLE}`);
  await knex.raw(`REVOKE ALL ON SCHEMA public FROM ${HUB_RUNTIME_ROLE}`);
  for (const fn of LEDGER_FUNCTIONS) await knex.raw(`ALTER FUNCTION ${fn} OWNER TO CURRENT_USER`);
  await knex.raw('ALTER TABLE audit_ledger OWNER TO CURRENT_USER');
}
