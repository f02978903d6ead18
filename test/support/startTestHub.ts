import type { Hub } from '../../src/hub/startHub.js';
import { startHub } from '../../src/hub/startHub.js';
import { loadConfig } from '../../src/hub/config.js';
import { createLogger } from '../../src/hub/logger.js';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { runtimeRoleUrl, type TestDatabase } from './databases.js';

/** A hub on a fresh database with the small sample data, listening on a free loopback port. */
export interface TestHub {
  hub: Hub;
  /** The PostgreSQL database the hub uses (null on the in-memory embedded default). */
  databaseUrl: string | null;
  /** POSTs a GraphQL document to /graphql (with extra headers, e.g. Authorization) and returns the HTTP status and parsed body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } }>;
  close(): Promise<void>;
}

/**
 * Starts a hub for a test suite; `close` stops it and drops its database. With `asRuntimeRole` on
 * PostgreSQL the database is migrated as the server's administrator and the hub runs as a member of the
 * runtime role `chengxin_hub`, as in production (`databaseUrl` stays the administrator's).
 */
export async function startTestHub(database: TestDatabase, env: Record<string, string> = {}, options: { asRuntimeRole?: boolean } = {}): Promise<TestHub> {
  const db = await database.create();
  let hubUrl = db.url;
  if (db.url && options.asRuntimeRole) {
    const admin = createKnex({ kind: 'postgres', url: db.url });
    await migrateToLatest(admin).finally(() => admin.destroy());
    hubUrl = await runtimeRoleUrl(db.url);
  }
  const config = loadConfig({
    PORT: '0',
    SEED: 'small',
    // Suites create their own consumers (support/createTestConsumers.ts).
    DEMO_CONSUMERS: 'false',
    ...(hubUrl ? { DATABASE_URL: hubUrl } : {}),
    ...env,
  });
  const hub = await startHub(config, createLogger('error'));
  return {
    hub,
    databaseUrl: db.url,
    async query(query, variables, headers = {}) {
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async close() {
      await hub.stop();
      await db.drop();
    },
  };
}
