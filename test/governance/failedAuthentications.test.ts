import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFailedAuthenticationGate, FAILED_AUTHENTICATION_RECHECK_MS } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { createMigratedDatabase, type MigratedDatabase } from './migratedDatabase.js';

const at = (ms: number) => new Date(Date.parse('2026-11-30T09:30:10.000Z') + ms);
const allowed = async (promise: Promise<{ allowed: boolean }>) => (await promise).allowed;

describe.each(TEST_DATABASES)('failed authentications across processes on $name', (database) => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
  });
  afterAll(async () => db.close());

  it('refuses an address at once where it failed, and within the recheck time in another process', async () => {
    const [one, two] = db.url ? [db.knex, db.connect()] : [db.knex, db.knex];
    const first = createFailedAuthenticationGate(one!, 3);
    const second = createFailedAuthenticationGate(two!, 3);
    expect(await allowed(first.check('198.51.100.1', at(0)))).toBe(true);
    expect(await allowed(second.check('198.51.100.1', at(0)))).toBe(true);
    for (let i = 0; i < 3; i++) await second.count('198.51.100.1', at(100));
    // Where the failures were counted: refused at once. Elsewhere: once the count is read again.
    expect(await allowed(second.check('198.51.100.1', at(200)))).toBe(false);
    expect(await allowed(first.check('198.51.100.1', at(FAILED_AUTHENTICATION_RECHECK_MS)))).toBe(false);
    // A refusal holds for the rest of the minute; other addresses and the next minute start afresh.
    expect(await allowed(first.check('198.51.100.1', at(40_000)))).toBe(false);
    expect(await allowed(first.check('198.51.100.2', at(200)))).toBe(true);
    expect(await allowed(first.check('198.51.100.1', at(50_000)))).toBe(true);
  });

  it('a failure counted in this process is seen by its next check, however recent the last read', async () => {
    const gate = createFailedAuthenticationGate(db.knex, 2);
    expect(await allowed(gate.check('203.0.113.9', at(0)))).toBe(true);
    expect(await gate.count('203.0.113.9', at(10))).toMatchObject({ allowed: true, remaining: 1 });
    expect(await allowed(gate.check('203.0.113.9', at(20)))).toBe(true);
    expect(await gate.count('203.0.113.9', at(30))).toMatchObject({ allowed: true, remaining: 0 });
    expect(await gate.check('203.0.113.9', at(40))).toEqual({ allowed: false, remaining: 0, resetAt: new Date('2026-11-30T09:31:00.000Z') });
  });
});
