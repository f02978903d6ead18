import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnexConsumerStore, parseApiKey } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { createMigratedDatabase, type MigratedDatabase } from './migratedDatabase.js';

const ENTERPRISE = '91440300MA5FXXXX1Q';

describe.each(TEST_DATABASES)('consumers on $name', (database) => {
  let db: MigratedDatabase;
  let store: KnexConsumerStore;
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
    store = KnexConsumerStore.create(db.knex);
  });
  afterAll(async () => db.close());

  it('shows the key once and stores only its hash', async () => {
    const { consumer, apiKey } = await store.createConsumer({
      id: 'bidding-system', name: 'Shenzhen bidding platform', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'],
      rateLimitPerMinute: 120, grants: [{ purpose: 'BIDDING', scope: 'Mutation.runCreditCheck', authorisation: 'SZ-SHARE-2026-01' }],
    });
    expect(consumer).toMatchObject({
      id: 'bidding-system', status: 'ACTIVE', roles: ['BIDDING_SYSTEM'], rateLimitPerMinute: 120,
      grants: [{ purpose: 'BIDDING', scope: 'Mutation.runCreditCheck' }], subjects: [],
    });
    const { secret } = parseApiKey(apiKey)!;
    // No column of any consumer table holds the secret or the whole key.
    for (const table of ['consumers', 'consumer_api_keys', 'consumer_grants']) {
      const dump = JSON.stringify(await db.knex(table).select('*'));
      expect(dump).not.toContain(secret);
    }
    const listed = await store.listConsumers();
    expect(JSON.stringify(listed)).not.toMatch(/secret|hash|[0-9a-f]{64}/i);
    expect(listed.map((c) => [c.id, c.keys.length])).toEqual([['bidding-system', 1]]);
  });

  it('authenticates a live key and answers null for an unknown, malformed or revoked one', async () => {
    const { apiKey } = await store.createConsumer({
      id: 'acme-self', name: 'ACME Ltd', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], subjects: [ENTERPRISE],
    });
    expect(await store.authenticate(apiKey)).toMatchObject({ id: 'acme-self', subjects: [ENTERPRISE], roles: ['ENTERPRISE_SELF'] });
    const { keyId } = parseApiKey(apiKey)!;
    const wrongSecret = `cxk_${keyId}_${'A'.repeat(43)}`;
    const unknownId = apiKey.replace(keyId, '0123456789abcdef');
    for (const bad of [wrongSecret, unknownId, 'not-a-key', '']) expect(await store.authenticate(bad)).toBeNull();

    const second = await store.addKey('acme-self');
    expect(await store.revokeKey(keyId)).toBe(true);
    expect(await store.authenticate(apiKey)).toBeNull();
    expect(await store.authenticate(second.apiKey)).toMatchObject({ id: 'acme-self' });
    expect(await store.revokeConsumer('acme-self')).toBe(true);
    expect(await store.authenticate(second.apiKey)).toBeNull();
    expect(await store.revokeConsumer('acme-self')).toBe(false);
    await expect(store.addKey('acme-self')).rejects.toThrow(/active consumer acme-self does not exist/);
  });

  it('answers a key it has just seen with every change made in this process since: subjects, grants, revocation', async () => {
    const { apiKey } = await store.createConsumer({ id: 'cached-self', name: 'Cached Ltd', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], subjects: [ENTERPRISE] });
    expect(await store.authenticate(apiKey)).toMatchObject({ id: 'cached-self', subjects: [ENTERPRISE] });
    // Another store on the same database handle, as the governance subschema or the CLI in this process.
    const other = KnexConsumerStore.create(db.knex);
    await other.addSubject('cached-self', '91440300MA5E9NHA04');
    expect((await store.authenticate(apiKey))?.subjects).toEqual(['91440300MA5E9NHA04', ENTERPRISE].sort());
    expect(await store.authenticate(apiKey.slice(0, -1) + (apiKey.endsWith('A') ? 'B' : 'A'))).toBeNull();
    await other.revokeKey(parseApiKey(apiKey)!.keyId);
    expect(await store.authenticate(apiKey)).toBeNull();
    const { apiKey: second } = await other.addKey('cached-self');
    expect(await store.authenticate(second)).toMatchObject({ id: 'cached-self' });
    await other.revokeConsumer('cached-self');
    expect(await store.authenticate(second)).toBeNull();
  });

  it('grants only what the roles allow, and names the rule it breaks', async () => {
    await store.createConsumer({ id: 'dashboard', name: 'Dashboard', kind: 'SYSTEM', roles: ['DASHBOARD'] });
    await store.grant('dashboard', { purpose: 'STATISTICS', scope: 'CreditRecord.disclosure' });
    await store.grant('dashboard', { purpose: 'STATISTICS', scope: 'CreditRecord.disclosure' });
    await expect(store.grant('dashboard', { purpose: 'BIDDING', scope: 'CONDITIONAL' })).rejects.toThrow(/may not be granted purpose BIDDING/);
    await expect(store.grant('dashboard', { purpose: 'STATISTICS', scope: 'RESTRICTED' })).rejects.toThrow(/at most CONDITIONAL/);
    await expect(store.grant('dashboard', { purpose: 'STATISTICS', scope: 'enterprise' })).rejects.toThrow(/scope "enterprise"/);
    await expect(store.grant('dashboard', { purpose: 'FUN', scope: 'CONDITIONAL' })).rejects.toThrow(/unknown purpose "FUN"/);
    await expect(store.createConsumer({ id: 'dashboard', name: 'again', kind: 'SYSTEM', roles: ['DASHBOARD'] }))
      .rejects.toThrow(/already exists/);
    await expect(store.createConsumer({ id: 'no-subject', name: 'Who?', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'] }))
      .rejects.toThrow(/give the USCC it acts as/);
    const consumers = await store.listConsumers();
    expect(consumers.find((c) => c.id === 'dashboard')?.grants).toEqual([{ purpose: 'STATISTICS', scope: 'CreditRecord.disclosure' }]);
  });

  it.each([
    ['CONDITIONAL', /^scope CONDITIONAL opens every conditional field for STATISTICS; only the credit office \(CREDIT_OFFICE_ADMIN\) may hold such a wildcard\. Grant STATISTICS the fields it needs instead, one grant per scope, from: CreditRecord\.disclosure /],
    ['*.*', /^scope \*\.\* is not among the fields purpose STATISTICS allows: CreditRecord\.disclosure /],
    ['*.disclosure', /^scope \*\.disclosure is not among the fields/],
    ['Enterprise.*', /^scope Enterprise\.\* is not among the fields/],
  ])('refuses the grant of %s to a consumer other than the credit office, naming the fields to grant', async (scope, message) => {
    await expect(store.grant('dashboard', { purpose: 'STATISTICS', scope })).rejects.toThrow(message);
  });

  it('lets a purpose’s field scope be granted whole or one field of it, and the credit office its wildcard', async () => {
    await store.createConsumer({ id: 'personnel', name: 'Personnel office', kind: 'DEPARTMENT', roles: ['PERSONNEL_OFFICE'], grants: [
      { purpose: 'CADRE_SELECTION', scope: 'CivilServant.*' }, { purpose: 'AWARD_EVALUATION', scope: 'CivilServant.idNumber' },
    ] });
    await store.createConsumer({ id: 'office', name: 'Credit office', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], grants: [
      { purpose: 'SUPERVISION', scope: 'RESTRICTED' }, { purpose: 'STATISTICS', scope: 'CONDITIONAL' }, { purpose: 'AUDIT', scope: '*.*' },
    ] });
    const consumers = await store.listConsumers();
    expect(consumers.find((c) => c.id === 'personnel')?.grants).toEqual([
      { purpose: 'AWARD_EVALUATION', scope: 'CivilServant.idNumber' }, { purpose: 'CADRE_SELECTION', scope: 'CivilServant.*' },
    ]);
    expect(consumers.find((c) => c.id === 'office')?.grants).toHaveLength(3);
  });

  it('accepts a trusted document by the SHA-256 of its exact text, for its own consumer only', async () => {
    const document = 'query Subject($uscc: USCC!) { enterprise(uscc: $uscc) { name } }';
    const hash = await store.registerTrustedDocument('bidding-system', document, 'Subject');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.registerTrustedDocument('bidding-system', document, 'Subject')).toBe(hash);
    expect(await store.isTrustedDocument('bidding-system', hash)).toBe(true);
    expect(await store.isTrustedDocument('dashboard', hash)).toBe(false);
    expect(await store.isTrustedDocument('bidding-system', '0'.repeat(64))).toBe(false);
  });
});
