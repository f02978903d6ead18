import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';

/** A database a suite runs against: the embedded default always, real PostgreSQL when DATABASE_URL is set. */
export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** Creates a fresh, empty database and returns its URL (postgres) or null (in-memory PGlite). */
  create(): Promise<{ url: string | null; drop(): Promise<void> }>;
}

const pglite: TestDatabase = {
  name: 'pglite',
  async create() {
    return { url: null, drop: async () => undefined };
  },
};

function postgres(adminUrl: string): TestDatabase {
  return {
    name: 'postgres',
    async create() {
      const dbName = `chengxin_test_${randomBytes(6).toString('hex')}`;
      const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
      await admin.raw(`CREATE DATABASE ${dbName}`);
      await admin.destroy();
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      return {
        url: url.toString(),
        async drop() {
          const cleanup = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
          await cleanup.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
          await cleanup.destroy();
        },
      };
    },
  };
}

/** The databases every store and hub suite runs on (use with `describe.each`). */
export const TEST_DATABASES: TestDatabase[] = process.env.DATABASE_URL
  ? [pglite, postgres(process.env.DATABASE_URL)]
  : [pglite];

/** The login the PostgreSQL suites run the hub as: a member of the hub's runtime role (migration 20261130000500). */
export const TEST_RUNTIME_LOGIN = 'chengxin_hub_test';

/**
 * The URL of a migrated PostgreSQL database for the hub's runtime role: the same server and database, as
 * TEST_RUNTIME_LOGIN (created once per server, without password: test servers trust local logins), which
 * may insert into and read the audit ledger but not change it.
 */
export async function runtimeRoleUrl(databaseUrl: string): Promise<string> {
  const admin = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_RUNTIME_LOGIN}') THEN CREATE ROLE ${TEST_RUNTIME_LOGIN} LOGIN; END IF;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    await admin.raw(`GRANT chengxin_hub TO ${TEST_RUNTIME_LOGIN}`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(databaseUrl);
  url.username = TEST_RUNTIME_LOGIN;
  url.password = '';
  return url.toString();
}
