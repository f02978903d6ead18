import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnexConsumerStore } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers, TEST_CONSUMERS } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const ENTERPRISE = '91440300MA5E9NHA04';
const CASES = `{ subject(uscc: "${ENTERPRISE}") { name ... on Enterprise { bids { tenderCode } serviceCases(first: 3) { caseNumber } } } }`;

interface LedgerRow {
  seq: string | number;
  consumer_id: string | null;
  purpose: string | null;
  case_reference: string | null;
  fields_read: string[];
  subject_usccs: string[];
  civil_servant_ids: string[];
  outcome: string;
  details: Record<string, unknown>;
}

describe.each(TEST_DATABASES)('governance over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let civilServantId: string;
  const lastEntry = async (): Promise<LedgerRow | undefined> => hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first();
  const ledgerSize = async (): Promise<number> => Number(((await hub.hub.knex('audit_ledger').count({ n: '*' })) as [{ n: string }])[0].n);

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    civilServantId = (await hub.hub.knex('civil_servants').orderBy('id').first('id')).id;
  });
  afterAll(async () => hub?.close());

  describe('the public (no key)', () => {
    it('reads open data, and a conditional field is null with FORBIDDEN naming it while the rest stands', async () => {
      const { status, body } = await hub.query(CASES);
      expect(status).toBe(200);
      const subject = (body.data as { subject: { name: string; bids: unknown[]; serviceCases: unknown } }).subject;
      expect(subject.bids.length).toBeGreaterThan(0);
      expect(subject.serviceCases).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ path: ['subject', 'serviceCases'], extensions: { code: 'FORBIDDEN', field: 'Enterprise.serviceCases', shareLevel: 'CONDITIONAL' } });
      expect(body.errors![0]!.message).toBe('Access to Enterprise.serviceCases refused: Enterprise.serviceCases is conditional (有条件共享); the public has no role that may read it');
    });

    it('does not see restricted fields at all, introspection included', async () => {
      const { body } = await hub.query('{ __type(name: "Query") { fields { name } } }');
      const names = (body.data as { __type: { fields: { name: string }[] } }).__type.fields.map((f) => f.name);
      expect(names).toContain('subject');
      expect(names).not.toContain('auditLedgerVerification');
      const direct = await hub.query('{ auditLedgerVerification { ok } }');
      expect(direct.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('repeating a forbidden field through aliases and fragments is refused every time, and audited once', async () => {
      const before = await ledgerSize();
      const { body } = await hub.query(`
        query Probe { a: civilServant(id: "${civilServantId}") { name } b: civilServant(id: "${civilServantId}") { ...N } ...Q districts { code } }
        fragment N on CivilServant { name }
        fragment Q on Query { c: civilServant(id: "${civilServantId}") { ... on CivilServant { name } } }`);
      expect(body.data).toMatchObject({ a: null, b: null, c: null });
      expect((body.data as { districts: unknown[] }).districts.length).toBeGreaterThan(0);
      expect(body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['a'], 'FORBIDDEN'], [['b'], 'FORBIDDEN'], [['c'], 'FORBIDDEN']]);
      expect(await ledgerSize()).toBe(before + 1);
      expect(await lastEntry()).toMatchObject({ consumer_id: null, outcome: 'FORBIDDEN', fields_read: [], details: { forbidden: ['Query.civilServant'] } });
    });

    it('cannot reach a conditional type through an open field that returns it', async () => {
      const { body } = await hub.query('{ creditRecords(first: 100, filter: { kinds: [GOVERNMENT_SANCTION] }) { edges { node { title civilServant { name } } } } }');
      const edges = (body.data as { creditRecords: { edges: { node: { title: string; civilServant: unknown } }[] } }).creditRecords.edges;
      const withPerson = edges.filter((e) => e.node.civilServant !== undefined);
      expect(withPerson.length).toBeGreaterThan(0);
      expect(edges.every((e) => e.node.civilServant === null && e.node.title)).toBe(true);
      expect(body.errors!.length).toBeGreaterThan(0);
      expect(body.errors!.every((e) => e.extensions!.code === 'FORBIDDEN' && e.extensions!.field === 'CreditRecord.civilServant' && e.path![4] === 'civilServant')).toBe(true);
    });

    it('leaves no ledger entry when it only reads open data, whatever key fields the hub fetched behind the scenes', async () => {
      const before = await ledgerSize();
      const { body } = await hub.query(`{ subject(uscc: "${ENTERPRISE}") { ... on Enterprise { bids { tenderCode } constructionProjects { code } } } }`);
      expect(body.errors).toBeUndefined();
      expect(await ledgerSize()).toBe(before);
    });
  });

  describe('the bidding system', () => {
    it('is refused conditional data without a purpose, and told to declare one', async () => {
      const { body } = await hub.query(CASES, undefined, asConsumer(keys.bidding));
      expect(body.errors![0]!.message).toMatch(/declare a purpose of use \(X-Purpose\)/);
    });

    it('reads conditional data for its granted purpose, and the read is in the ledger with purpose, case and subject', async () => {
      const { body } = await hub.query(CASES, undefined, asConsumer(keys.bidding, 'BIDDING', '深南招〔2026〕0123号'));
      expect(body.errors).toBeUndefined();
      expect((body.data as { subject: { serviceCases: unknown[] } }).subject.serviceCases.length).toBeGreaterThan(0);
      expect(await lastEntry()).toMatchObject({
        consumer_id: 'bidding-system', purpose: 'BIDDING', case_reference: '深南招〔2026〕0123号',
        fields_read: ['Enterprise.serviceCases'], subject_usccs: [ENTERPRISE], outcome: 'OK',
      });
    });

    it('is refused for a purpose it holds no grant for, the error naming the purpose', async () => {
      const { body } = await hub.query(CASES, undefined, asConsumer(keys.bidding, 'INVESTMENT_PROMOTION'));
      expect(body.errors![0]!.message).toBe('Access to Enterprise.serviceCases refused: Enterprise.serviceCases is conditional (有条件共享); consumer bidding-system holds no grant for purpose INVESTMENT_PROMOTION covering it');
    });

    it('sees civil servants’ ID numbers and names masked', async () => {
      const { body } = await hub.query(`{ civilServant(id: "${civilServantId}") { name idNumber idNumberMasked } }`, undefined, asConsumer(keys.bidding, 'BIDDING'));
      expect(body.errors).toBeUndefined();
      const person = (body.data as { civilServant: { name: string; idNumber: string; idNumberMasked: string } }).civilServant;
      expect(person.idNumber).toMatch(/^\d{10}\*{4}\d{3}[\dX]$/);
      expect(person.name).toMatch(/^\p{Script=Han}\*+$/u);
    });
  });

  describe('a personnel office checking a civil servant for cadre selection', () => {
    it('sees the ID number and name in full, and the ledger names the civil servant', async () => {
      const { body } = await hub.query(`{ civilServant(id: "${civilServantId}") { name idNumber } }`, undefined, asConsumer(keys.personnel, 'CADRE_SELECTION'));
      expect(body.errors).toBeUndefined();
      const person = (body.data as { civilServant: { name: string; idNumber: string } }).civilServant;
      expect(person.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(person.name).not.toContain('*');
      const entry = await lastEntry();
      expect(entry).toMatchObject({ consumer_id: 'nanshan-personnel', purpose: 'CADRE_SELECTION', civil_servant_ids: [civilServantId] });
      expect(entry!.fields_read).toEqual(expect.arrayContaining(['CivilServant.idNumber', 'Query.civilServant']));
    });
  });

  describe('disclosure windows', () => {
    it('the public sees only disclosed records; the credit office sees every record, and that read is audited', async () => {
      const query = '{ creditRecords(first: 1) { totalCount } }';
      const open = (await hub.query(query)).body.data as { creditRecords: { totalCount: number } };
      const admin = await hub.query(query, undefined, asConsumer(keys.admin, 'SUPERVISION'));
      expect(admin.body.errors).toBeUndefined();
      const all = (admin.body.data as { creditRecords: { totalCount: number } }).creditRecords.totalCount;
      expect(all).toBeGreaterThan(open.creditRecords.totalCount);
      const undisclosed = Number(((await hub.hub.knex('credit_records').whereIn('status', ['REPAIRED', 'WITHDRAWN', 'EXPIRED']).count({ n: '*' })) as [{ n: string }])[0].n);
      expect(undisclosed).toBeGreaterThan(0);
      expect(await lastEntry()).toMatchObject({ consumer_id: 'credit-office', fields_read: ['Query.creditRecords'] });
    });
  });

  describe('an enterprise calling as itself', () => {
    it('lists who read its data, when and for what purpose', async () => {
      const { body } = await hub.query(`{ accessLog(uscc: "${ENTERPRISE}") { entries { consumerId consumerName purpose caseReference fieldsRead outcome } } }`, undefined, asConsumer(keys.self, 'SELF_INQUIRY'));
      expect(body.errors).toBeUndefined();
      const entries = (body.data as { accessLog: { entries: { consumerId: string | null; purpose: string | null; caseReference: string | null }[] } }).accessLog.entries;
      expect(entries).toContainEqual(expect.objectContaining({ consumerId: 'bidding-system', consumerName: TEST_CONSUMERS.bidding.name, purpose: 'BIDDING', caseReference: '深南招〔2026〕0123号' }));
    });

    it('may not read another subject’s access log', async () => {
      const { body } = await hub.query('{ accessLog(uscc: "11440305003219403F") { entries { seq } } }', undefined, asConsumer(keys.self, 'SELF_INQUIRY'));
      expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('administrators and auditors', () => {
    it('see restricted fields and verify the ledger', async () => {
      const { body } = await hub.query('{ auditLedgerVerification { ok entries brokenAtSeq retentionYears } }', undefined, asConsumer(keys.auditor, 'AUDIT'));
      expect(body.errors).toBeUndefined();
      const result = (body.data as { auditLedgerVerification: { ok: boolean; entries: number; brokenAtSeq: number | null; retentionYears: number } }).auditLedgerVerification;
      expect(result).toMatchObject({ ok: true, brokenAtSeq: null, retentionYears: 5 });
      expect(result.entries).toBeGreaterThan(3);
    });
  });

  describe('refused before execution', () => {
    it.each([
      [{ authorization: 'Bearer cxk_0000000000000000_notarealsecretnotarealsecretnotarealsecr' }, 401, 'UNAUTHENTICATED', /^Authorization: unknown or revoked API key/],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 401, 'UNAUTHENTICATED', /^Authorization: expected "Bearer <API key>"/],
      [{ 'x-purpose': 'CURIOSITY', 'x-case-reference': 'A-1' }, 400, 'BAD_USER_INPUT', /^X-Purpose: unknown purpose "CURIOSITY"; use one of BIDDING, /],
      [{ 'x-purpose': 'BIDDING' }, 400, 'BAD_USER_INPUT', /^X-Case-Reference: required with X-Purpose/],
    ])('%j → %i %s', async (headers, status, code, message) => {
      const before = await ledgerSize();
      const response = await hub.query('{ districts { code } }', undefined, headers);
      expect(response.status).toBe(status);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors![0]!.extensions!.code).toBe(code);
      expect(response.body.errors![0]!.message).toMatch(message);
      expect(await ledgerSize()).toBe(before);
    });

    it('a revoked consumer is UNAUTHENTICATED', async () => {
      const store = KnexConsumerStore.create(hub.hub.knex);
      const { apiKey } = await store.createConsumer({ id: 'old-evaluator', name: '旧评估机构', kind: 'THIRD_PARTY', roles: ['THIRD_PARTY_EVALUATOR'] });
      expect((await hub.query('{ districts { code } }', undefined, asConsumer(apiKey))).status).toBe(200);
      await store.revokeConsumer('old-evaluator');
      const response = await hub.query('{ districts { code } }', undefined, asConsumer(apiKey));
      expect(response.status).toBe(401);
      expect(response.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    });

    it('a consumer over its rate limit gets 429 with Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await hub.query('{ districts { code } }', undefined, asConsumer(keys.dashboard))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('a trusted-documents-only consumer runs registered operations only', async () => {
      const registered = `query CheckBidder { subject(uscc: "${ENTERPRISE}") { name } }`;
      await KnexConsumerStore.create(hub.hub.knex).registerTrustedDocument('trusted-bidding', registered, 'CheckBidder');
      const ok = await hub.query(registered, undefined, asConsumer(keys.trusted, 'GOVERNMENT_PROCUREMENT'));
      expect(ok.body.errors).toBeUndefined();
      const other = await hub.query(`${registered} `, undefined, asConsumer(keys.trusted, 'GOVERNMENT_PROCUREMENT'));
      expect(other.status).toBe(403);
      expect(other.body.errors![0]!.message).toMatch(/^operation sha256:[0-9a-f]{64} is not in consumer trusted-bidding's registered manifest/);
    });
  });

  it('keeps a sound ledger after all of the above', async () => {
    const { body } = await hub.query('{ auditLedgerVerification { ok } }', undefined, asConsumer(keys.admin, 'SUPERVISION'));
    expect(body.data).toEqual({ auditLedgerVerification: { ok: true } });
  });
});
