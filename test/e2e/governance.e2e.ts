import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonName } from '../../src/codes/index.js';
import { todayInShanghai } from '../../src/credit/index.js';
import { KnexConsumerStore } from '../../src/governance/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers, NANSHAN_GOVERNMENT, TEST_CONSUMERS } from '../support/createTestConsumers.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const ENTERPRISE = '91440300MA5E9NHA04';
const CASES = `{ subject(uscc: "${ENTERPRISE}") { name ... on Enterprise { bids { totalCount } serviceCases(first: 3) { edges { node { caseNumber } } } } } }`;

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
      const subject = (body.data as { subject: { name: string; bids: { totalCount: number }; serviceCases: unknown } }).subject;
      expect(subject.bids.totalCount).toBeGreaterThan(0);
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

    it('cannot reach a conditional type through an open field that returns it, and reads the person masked in the title', async () => {
      // Commendations are a public catalogue item; some are about civil servants (嘉奖, 记三等功…).
      const { body } = await hub.query('{ creditRecords(first: 100, filter: { kinds: [COMMENDATION] }) { edges { node { id title civilServant { name } } } } }');
      const edges = (body.data as { creditRecords: { edges: { node: { id: string; title: string; civilServant: unknown } }[] } }).creditRecords.edges;
      const stored = new Map(((await hub.hub.knex('credit_records as r').join('civil_servants as c', 'c.id', 'r.civil_servant_id')
        .select('r.id', 'r.title', 'c.name').where('r.kind', 'COMMENDATION')) as { id: string | number; title: string; name: string }[])
        .map((r) => [String(r.id), r]));
      const aboutPersons = edges.filter((e) => stored.has(e.node.id));
      expect(aboutPersons.length).toBeGreaterThan(0);
      expect(aboutPersons.map((e) => e.node)).toEqual(aboutPersons.map((e) => {
        const { title, name } = stored.get(e.node.id)!;
        return { id: e.node.id, title: title.split(name).join(maskPersonName(name)), civilServant: null };
      }));
      expect(aboutPersons.every((e) => !e.node.title.includes(stored.get(e.node.id)!.name))).toBe(true);
      // The gate refuses on every record, whether or not it is about a person.
      expect(body.errors!.length).toBe(edges.length);
      expect(body.errors!.every((e) => e.extensions!.code === 'FORBIDDEN' && e.extensions!.field === 'CreditRecord.civilServant' && e.path![4] === 'civilServant')).toBe(true);
    });

    it('sees no record of a kind whose catalogue items are not public: no sanction titles at all', async () => {
      const catalog = ((await hub.query('{ catalog { recordKind disclosure } }')).body.data as { catalog: { recordKind: string; disclosure: string }[] }).catalog;
      const hidden = [...new Set(catalog.map((i) => i.recordKind))].filter((kind) => catalog.every((i) => i.recordKind !== kind || i.disclosure !== 'PUBLIC'));
      expect(hidden).toContain('GOVERNMENT_SANCTION');
      const { body } = await hub.query('query ($k: [CreditRecordKind!]) { creditRecords(first: 100, filter: { kinds: $k }) { totalCount edges { node { title } } } }', { k: hidden });
      expect(body).toEqual({ data: { creditRecords: { totalCount: 0, edges: [] } } });
    });

    it('leaves no ledger entry when it only reads open data, whatever key fields the hub fetched behind the scenes', async () => {
      const before = await ledgerSize();
      const { body } = await hub.query(`{ subject(uscc: "${ENTERPRISE}") { ... on Enterprise { bids { edges { node { tenderCode } } } constructionProjects { totalCount edges { node { code } } } } } }`);
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
      expect((body.data as { subject: { serviceCases: { edges: unknown[] } } }).subject.serviceCases.edges.length).toBeGreaterThan(0);
      expect(await lastEntry()).toMatchObject({
        consumer_id: 'bidding-system', purpose: 'BIDDING', case_reference: '深南招〔2026〕0123号',
        fields_read: ['Enterprise.serviceCases'], subject_usccs: [ENTERPRISE], outcome: 'OK',
      });
    });

    it('is refused for a purpose it holds no grant for, the error naming the purpose', async () => {
      const { body } = await hub.query(CASES, undefined, asConsumer(keys.bidding, 'INVESTMENT_PROMOTION'));
      expect(body.errors![0]!.message).toBe('Access to Enterprise.serviceCases refused: Enterprise.serviceCases is conditional (有条件共享); consumer bidding-system holds no grant for purpose INVESTMENT_PROMOTION covering it');
    });

    it('reads no civil servant for bidding: its grants name the fields bidding needs, not every conditional field', async () => {
      const { body } = await hub.query(`{ civilServant(id: "${civilServantId}") { name idNumber } }`, undefined, asConsumer(keys.bidding, 'BIDDING'));
      expect(body).toEqual({
        data: { civilServant: null },
        errors: [expect.objectContaining({
          message: 'Access to Query.civilServant refused: Query.civilServant is conditional (有条件共享); consumer bidding-system holds no grant for purpose BIDDING covering it',
          path: ['civilServant'], extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'Query.civilServant' }),
        })],
      });
    });
  });

  describe('grants name their fields (the CONDITIONAL wildcard is the credit office’s only)', () => {
    it('refuses a wildcard grant to anyone but the credit office, naming the fields to grant instead', async () => {
      const store = KnexConsumerStore.create(hub.hub.knex);
      await expect(store.createConsumer({ id: 'wide-bidding', name: '宽授权招标系统', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], grants: [{ purpose: 'BIDDING', scope: 'CONDITIONAL' }] }))
        .rejects.toThrow('scope CONDITIONAL opens every conditional field for BIDDING; only the credit office (CREDIT_OFFICE_ADMIN) may hold such a wildcard. '
          + 'Grant BIDDING the fields it needs instead, one grant per scope, from: CreditRecord.disclosure, Enterprise.serviceCases, Mutation.runCreditCheck, Query.creditCheck, Query.creditChecks, Mutation.recordCheckFeedback, Mutation.runEligibilityCheck, Query.eligibilityCheck, Mutation.recordEligibilityFeedback (src/governance/rules/purposes.json fieldScopes)');
      await expect(store.createConsumer({ id: 'wide-bidding', name: '宽授权招标系统', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], grants: [{ purpose: 'BIDDING', scope: 'CivilServant.*' }] }))
        .rejects.toThrow(/^scope CivilServant\.\* is not among the fields purpose BIDDING allows: /);
      expect((await store.listConsumers()).some((c) => c.id === 'wide-bidding')).toBe(false);
    });

    it('gives a consumer for one purpose only the fields granted for it: service cases, not civil servants', async () => {
      const store = KnexConsumerStore.create(hub.hub.knex);
      const { apiKey } = await store.createConsumer({
        id: 'cases-only', name: '只读办件的招商系统', kind: 'DEPARTMENT', roles: ['INVESTMENT_PROMOTION'],
        grants: [{ purpose: 'INVESTMENT_PROMOTION', scope: 'Enterprise.serviceCases' }],
      });
      const { body } = await hub.query(`{ subject(uscc: "${ENTERPRISE}") { ... on Enterprise { serviceCases(first: 1) { edges { node { caseNumber } } } } } civilServant(id: "${civilServantId}") { post } }`, undefined, asConsumer(apiKey, 'INVESTMENT_PROMOTION'));
      expect((body.data as { subject: { serviceCases: { edges: unknown[] } } }).subject.serviceCases.edges).toHaveLength(1);
      expect(body.errors!.map((e) => [e.path, e.extensions!.code, e.extensions!.field])).toEqual([[['civilServant'], 'FORBIDDEN', 'Query.civilServant']]);
    });

    it('keeps the credit office’s wildcard: it reads a civil servant for supervision', async () => {
      expect(TEST_CONSUMERS.admin.grants).toEqual([{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }]);
      const { body } = await hub.query(`{ civilServant(id: "${civilServantId}") { id } }`, undefined, asConsumer(keys.admin, 'SUPERVISION'));
      expect(body).toEqual({ data: { civilServant: { id: civilServantId } } });
    });
  });

  describe('a personnel office checking civil servants for cadre selection', () => {
    const PEOPLE = `query ($own: ID!, $other: ID!) {
      own: civilServant(id: $own) { name idNumber idNumberMasked employer { name } creditRecords(first: 5) { edges { node { title } } } }
      other: civilServant(id: $other) { name idNumber idNumberMasked employer { name } creditRecords(first: 5) { edges { node { title } } } }
    }`;
    type Person = { id: string; name: string; id_number_masked: string; employer: string; title: string };
    // A civil servant of a body under 南山区人民政府 (its subject) and one of a body that is not (e.g. the
    // Nanshan court, under the city court), each with no record of the sample and one of the test's own, in view
    // (a personnel office for cadre selection sees every disclosure class), naming the person in its title.
    const people = new Map<boolean, Promise<Person>>();
    const personOf = (under: boolean): Promise<Person> => {
      if (!people.has(under)) people.set(under, (async () => {
        const knex = hub.hub.knex;
        const bodies = knex('organisations').select('uscc').where('parent_uscc', NANSHAN_GOVERNMENT);
        const person = (await knex('civil_servants as c').join('organisations as o', 'o.uscc', 'c.employer_uscc')
          .where(under ? (w) => w.whereIn('c.employer_uscc', bodies) : (w) => w.whereNotIn('c.employer_uscc', bodies).whereNot('c.employer_uscc', NANSHAN_GOVERNMENT))
          .whereNotExists(knex('credit_records as x').whereRaw('x.civil_servant_id = c.id'))
          .orderBy('c.id').first('c.id', 'c.name', 'c.id_number_masked', 'o.name as employer')) as Omit<Person, 'title'> | undefined;
        if (!person) throw new Error(`the sample has no civil servant without records ${under ? 'under' : 'outside'} 南山区人民政府`);
        const title = `关于授予${person.name}同志优秀公务员称号的决定`;
        await insertTestRecord(knex, { kind: 'COMMENDATION', civilServantId: person.id, decisionDate: todayInShanghai(), title });
        return { ...person, title };
      })());
      return people.get(under)!;
    };

    it('sees its own staff in full (ID number, name, names in record text) and everyone else’s masked, and the ledger names both', async () => {
      const own = await personOf(true);
      const other = await personOf(false);
      const variables = { own: own.id, other: other.id };
      // The credit office sees everyone in full: the ID numbers as reported.
      const full = (await hub.query<Record<'own' | 'other', { idNumber: string }>>(PEOPLE, variables, asConsumer(keys.admin, 'SUPERVISION'))).body.data!;
      expect(full.other.idNumber).toMatch(/^\d{17}[\dX]$/);
      const { body } = await hub.query(PEOPLE, variables, asConsumer(keys.personnel, 'CADRE_SELECTION'));
      expect(body).toEqual({
        data: {
          own: { name: own.name, idNumber: full.own.idNumber, idNumberMasked: own.id_number_masked, employer: { name: own.employer }, creditRecords: { edges: [{ node: { title: own.title } }] } },
          other: {
            name: maskPersonName(other.name), idNumber: other.id_number_masked, idNumberMasked: other.id_number_masked, employer: { name: other.employer },
            creditRecords: { edges: [{ node: { title: other.title.split(other.name).join(maskPersonName(other.name)) } }] },
          },
        },
      });
      expect(own.title).toContain(own.name);
      expect(other.title).toContain(other.name);
      const entry = await lastEntry();
      expect(entry).toMatchObject({ consumer_id: 'nanshan-personnel', purpose: 'CADRE_SELECTION' });
      expect([...entry!.civil_servant_ids].sort()).toEqual([own.id, other.id].sort());
    });

    it('reads no civil servant, its own staff included, without a purpose', async () => {
      const own = await personOf(true);
      const { body } = await hub.query('query ($id: ID!) { civilServant(id: $id) { name } }', { id: own.id }, asConsumer(keys.personnel));
      expect(body.data).toEqual({ civilServant: null });
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

  describe('disclosure by catalogue item (公开属性)', () => {
    const SANCTIONS = '{ creditRecords(first: 100, filter: { kinds: [GOVERNMENT_SANCTION] }) { totalCount edges { node { id title } } } }';
    type Sanctions = { creditRecords: { totalCount: number; edges: { node: { id: string; title: string } }[] } };
    let notPublic: { id: string; title: string; name: string; code: string }[];

    beforeAll(async () => {
      // The test's own record of a not-public item (政务处分, SZ-ZWCF-JC-001), in view, about a civil servant
      // outside the personnel office's bodies.
      const bodies = hub.hub.knex('organisations').select('uscc').where('parent_uscc', NANSHAN_GOVERNMENT);
      const person = (await hub.hub.knex('civil_servants').whereNotIn('employer_uscc', bodies).whereNot('employer_uscc', NANSHAN_GOVERNMENT)
        .orderBy('id', 'desc').first('id', 'name')) as { id: string; name: string };
      await insertTestRecord(hub.hub.knex, {
        kind: 'GOVERNMENT_SANCTION', civilServantId: person.id, disclosure: 'NOT_PUBLIC', decisionDate: todayInShanghai(),
        title: `关于给予${person.name}警告处分的决定`, publicity: { sanction: 'WARNING' },
      });
      // Records of a not-public item inside their window and in view: the test's own and any of the sample.
      const rows = (await hub.hub.knex('credit_records as r').join('civil_servants as c', 'c.id', 'r.civil_servant_id')
        .join('catalog_items as i', 'i.code', 'r.catalog_item_code')
        .select('r.id', 'r.title', 'c.name', 'i.code').where({ 'r.kind': 'GOVERNMENT_SANCTION', 'i.disclosure': 'NOT_PUBLIC' })
        .whereNotIn('r.status', ['REPAIRED', 'WITHDRAWN', 'EXPIRED'])
        .where((w) => w.whereNull('r.publicity_end').orWhere('r.publicity_end', '>=', todayInShanghai()))) as { id: string | number; title: string; name: string; code: string }[];
      notPublic = rows.map((r) => ({ ...r, id: String(r.id) }));
      expect(notPublic.length).toBeGreaterThan(0);
    });

    it('hides a not-public item’s records from the public and from the bidding system, even for its purpose', async () => {
      const empty = { data: { creditRecords: { totalCount: 0, edges: [] } } };
      expect((await hub.query(SANCTIONS)).body).toEqual(empty);
      expect((await hub.query(SANCTIONS, undefined, asConsumer(keys.bidding, 'BIDDING'))).body).toEqual(empty);
    });

    it('shows them to the credit office, with the names in full', async () => {
      const { body } = await hub.query(SANCTIONS, undefined, asConsumer(keys.admin, 'SUPERVISION'));
      const shown = (body.data as Sanctions).creditRecords.edges.map((e) => e.node);
      expect(shown).toEqual(expect.arrayContaining(notPublic.map(({ id, title }) => ({ id, title }))));
    });

    it('shows them to a personnel office for cadre selection, names unmasked only for its own staff, and to no other purpose of it', async () => {
      const { body } = await hub.query(SANCTIONS, undefined, asConsumer(keys.personnel, 'CADRE_SELECTION'));
      expect(body.errors).toBeUndefined();
      const shown = (body.data as Sanctions).creditRecords;
      const ownStaff = new Set((await hub.hub.knex('civil_servants as c').join('credit_records as r', 'r.civil_servant_id', 'c.id')
        .join('organisations as o', 'o.uscc', 'c.employer_uscc')
        .where((w) => w.where('o.uscc', NANSHAN_GOVERNMENT).orWhere('o.parent_uscc', NANSHAN_GOVERNMENT)).pluck('r.id')).map(String));
      // Its own staff's records read in full are shown in the test of civilServant above.
      expect(notPublic.some((r) => !ownStaff.has(r.id))).toBe(true);
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(shown.edges.map((e) => e.node).sort(byId)).toEqual(notPublic.map(({ id, title, name }) => ({
        id, title: ownStaff.has(id) ? title : title.split(name).join(maskPersonName(name)),
      })).sort(byId));
      expect(shown.totalCount).toBe(notPublic.length);
      const withoutPurpose = await hub.query(SANCTIONS, undefined, asConsumer(keys.personnel));
      expect(withoutPurpose.body).toEqual({ data: { creditRecords: { totalCount: 0, edges: [] } } });
    });

    it('shows the bidding system a conditional item’s records for its purpose, names masked', async () => {
      const query = '{ creditRecords(first: 100, filter: { kinds: [ACCOUNTABILITY] }) { totalCount edges { node { id title } } } }';
      const publicView = await hub.query(query);
      expect(publicView.body).toEqual({ data: { creditRecords: { totalCount: 0, edges: [] } } });
      const { body } = await hub.query(query, undefined, asConsumer(keys.bidding, 'BIDDING'));
      expect(body.errors).toBeUndefined();
      const edges = (body.data as { creditRecords: { totalCount: number; edges: { node: { id: string; title: string } }[] } }).creditRecords.edges;
      const names = new Map(((await hub.hub.knex('credit_records as r').join('civil_servants as c', 'c.id', 'r.civil_servant_id')
        .select('r.id', 'c.name')) as { id: string | number; name: string }[]).map((r) => [String(r.id), r.name]));
      const aboutPersons = edges.filter((e) => names.has(e.node.id));
      expect(aboutPersons.length).toBeGreaterThan(0);
      for (const { node } of aboutPersons) {
        const name = names.get(node.id)!;
        expect(node.title).not.toContain(name);
        expect(node.title).toContain(maskPersonName(name));
      }
    });

    it('follows the catalogue: an item made public is seen by the public at once, names masked', async () => {
      const { code } = notPublic[0]!;
      await hub.hub.knex('catalog_items').where({ code }).update({ disclosure: 'PUBLIC' });
      try {
        const { body } = await hub.query(SANCTIONS);
        const shown = (body.data as Sanctions).creditRecords;
        expect(shown.totalCount).toBe(notPublic.length);
        expect(shown.edges.map((e) => e.node.title).sort())
          .toEqual(notPublic.map((r) => r.title.split(r.name).join(maskPersonName(r.name))).sort());
      } finally {
        await hub.hub.knex('catalog_items').where({ code }).update({ disclosure: 'NOT_PUBLIC' });
      }
      expect((await hub.query(SANCTIONS)).body).toEqual({ data: { creditRecords: { totalCount: 0, edges: [] } } });
    });
  });

  it('keeps a sound ledger after all of the above', async () => {
    const { body } = await hub.query('{ auditLedgerVerification { ok } }', undefined, asConsumer(keys.admin, 'SUPERVISION'));
    expect(body.data).toEqual({ auditLedgerVerification: { ok: true } });
  });
});
