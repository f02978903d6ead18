import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnexConsumerStore } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 1: the hash a trusted-documents-only consumer is held to is the hash of the text Apollo
// executes, automatic persisted queries cannot smuggle another text in, and the ledger names the text run.

const ENTERPRISE = '91440300MA5E9NHA04';
const REGISTERED = `query CheckBidder { subject(uscc: "${ENTERPRISE}") { name ... on Enterprise { serviceCases(first: 1) { edges { node { caseNumber } } } } } }`;
const SMUGGLED = `query Smuggled { subject(uscc: "${ENTERPRISE}") { name ... on Enterprise { serviceCases(first: 3) { edges { node { caseNumber applicantName } } } bids { edges { node { tenderCode } } } } } }`;
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const apq = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

describe.each(TEST_DATABASES)('trusted documents over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  const trusted = () => ({ 'content-type': 'application/json', ...asConsumer(keys.trusted, 'GOVERNMENT_PROCUREMENT') });
  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${hub.hub.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
  const ledgerSize = async (): Promise<number> => Number(((await hub.hub.knex('audit_ledger').count({ n: '*' })) as [{ n: string }])[0].n);

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    await KnexConsumerStore.create(hub.hub.knex).registerTrustedDocument('trusted-bidding', REGISTERED, 'CheckBidder');
  });
  afterAll(async () => hub?.close());

  it('nobody can register an operation by automatic persisted query: the hub does not keep one', async () => {
    const registering = await post('/graphql', { query: SMUGGLED, extensions: apq(SMUGGLED) }, { 'content-type': 'application/json' });
    // Apollo answers this error with 200, as the persisted-query protocol has clients fall back on it.
    expect(registering).toEqual({
      status: 200,
      body: { errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] },
    });
    const byHash = await post('/graphql', { extensions: apq(SMUGGLED) }, { 'content-type': 'application/json' });
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('a registered text in the URL does not let a trusted-only consumer run another text from the body or a hash', async () => {
    const before = await ledgerSize();
    const url = `/graphql?query=${encodeURIComponent(REGISTERED)}`;
    const byHash = await post(url, { extensions: apq(SMUGGLED) }, trusted());
    expect(byHash.body).toEqual({ errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] });
    const inBody = await post(url, { query: SMUGGLED }, trusted());
    expect(inBody).toEqual({
      status: 403,
      body: {
        errors: [{
          message: `operation sha256:${sha256(SMUGGLED)} is not in consumer trusted-bidding's registered manifest; register it with \`npm run consumers -- trust trusted-bidding --file <operation.graphql>\``,
          extensions: { code: 'FORBIDDEN', documentHash: sha256(SMUGGLED) },
        }],
      },
    });
    // Nothing was read, so nothing is owed to the ledger.
    expect(await ledgerSize()).toBe(before);
  });

  it('an unregistered text is refused whole, even one that does not parse or validate', async () => {
    for (const text of ['{ subject(uscc: ', '{ noSuchField }']) {
      const { status, body } = await post('/graphql', { query: text }, trusted());
      expect({ status, codes: body.errors?.map((e) => e.extensions?.code) }).toEqual({ status: 403, codes: ['FORBIDDEN'] });
    }
  });

  it('runs the registered text, and its ledger entry carries the hash of exactly that text', async () => {
    const { status, body } = await post('/graphql', { query: REGISTERED }, trusted());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const entry = await hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first('consumer_id', 'operation_name', 'document_hash', 'fields_read');
    expect(entry).toEqual({ consumer_id: 'trusted-bidding', operation_name: 'CheckBidder', document_hash: sha256(REGISTERED), fields_read: ['Enterprise.serviceCases'] });
  });

  it('a GET carries its text in the URL, and that text is the one checked', async () => {
    const get = async (text: string) => {
      const response = await fetch(`${hub.hub.url}/graphql?query=${encodeURIComponent(text)}`, { headers: { ...trusted(), 'apollo-require-preflight': 'true' } });
      return { status: response.status, body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
    };
    expect((await get(REGISTERED)).status).toBe(200);
    const other = await get(SMUGGLED);
    expect({ status: other.status, code: other.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});
