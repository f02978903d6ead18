import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import type { CreditRecordFilter, LatestRecordsQuery, LatestRecordsQueryVariables } from '../__generated__/operations.js';
import { readOperation } from '../support/operations.js';
import { grantsForPurpose, KnexConsumerStore } from '../../src/governance/index.js';
import { asConsumer } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const RECORDS = `query ($first: Int, $after: String, $filter: CreditRecordFilter) {
  creditRecords(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id kind decisionDate severity status governanceField subject { uscc name } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface RecordsData {
  creditRecords: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; kind: string; decisionDate: string; severity: string | null; status: string; governanceField: string | null; subject: { uscc: string; name: string } | null } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

describe.each(TEST_DATABASES)('the credit graph over HTTP on $name', (database) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(database);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('answers the README query, and every returned USCC resolves through subject(uscc:)', async () => {
    const { status, body } = await hub.query<RecordsData>(
      '{ creditRecords(first: 5) { totalCount edges { node { id subject { uscc name } } } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const { totalCount, edges } = body.data!.creditRecords;
    expect(totalCount).toBeGreaterThan(1000);
    expect(edges).toHaveLength(5);
    for (const { node } of edges) {
      if (!node.subject) continue; // a civil servant's record
      const lookup = await hub.query<{ subject: { uscc: string; name: string } }>(
        'query ($u: USCC!) { subject(uscc: $u) { uscc name } }',
        { u: node.subject.uscc },
      );
      expect(lookup.body).toEqual({ data: { subject: node.subject } });
    }
  });

  it('pages through a filtered connection without gaps or repeats', async () => {
    const variables: LatestRecordsQueryVariables = {
      first: 25,
      after: null,
      filter: { kinds: ['ADMINISTRATIVE_PENALTY'], districts: ['440305'] } as CreditRecordFilter,
    };
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 200; page += 1) {
      const response: { body: { data?: LatestRecordsQuery | null; errors?: unknown[] } } = await hub.query<LatestRecordsQuery>(
        readOperation('creditRecords'),
        { ...variables, after },
      );
      expect(response.body.errors).toBeUndefined();
      const connection: LatestRecordsQuery['creditRecords'] = response.body.data!.creditRecords;
      total = connection.totalCount;
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const edge of connection.edges) {
        expect(edge.node.kind).toBe('ADMINISTRATIVE_PENALTY');
        seen.push(edge.node.id);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(25);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by severity, status, governance field and decision-date range', async () => {
    const filter = { severities: ['SERIOUS'], decidedFrom: '2023-01-01', decidedTo: '2024-12-31' };
    const { body } = await hub.query<RecordsData>(RECORDS, { first: 100, filter });
    const edges = body.data!.creditRecords.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect(node.severity).toBe('SERIOUS');
      expect(node.decisionDate >= '2023-01-01' && node.decisionDate <= '2024-12-31').toBe(true);
    }
    const byField = await hub.query<RecordsData>(RECORDS, { first: 100, filter: { governanceFields: ['UNPAID_WAGES'] } });
    expect(byField.body.data!.creditRecords.totalCount).toBeGreaterThan(0);
    expect(byField.body.data!.creditRecords.edges.every((e) => e.node.governanceField === 'UNPAID_WAGES')).toBe(true);
  });

  it('answers subjects(usccs:) with one entry per input, in order, null for unknown codes', async () => {
    const { body } = await hub.query<RecordsData>(RECORDS, { first: 3 });
    const known = body.data!.creditRecords.edges.flatMap((e) => (e.node.subject ? [e.node.subject.uscc] : []));
    const unknown = '914403001922038216'; // valid check characters, not in the sample data
    const usccs = [known[0], unknown, ...known.slice(1)].filter(Boolean);
    const result = await hub.query<{ subjects: ({ uscc: string } | null)[] }>(
      'query ($u: [USCC!]!) { subjects(usccs: $u) { uscc } }',
      { u: usccs },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.subjects).toEqual(usccs.map((u) => (u === unknown ? null : { uscc: u })));
  });

  it('serves each request fresh data: loaders are never shared between requests', async () => {
    const { body } = await hub.query<RecordsData>(RECORDS, { first: 1, filter: { kinds: ['ADMINISTRATIVE_PENALTY'] } });
    const { uscc, name } = body.data!.creditRecords.edges[0]!.node.subject!;
    const lookup = 'query ($u: USCC!) { subject(uscc: $u) { name } }';
    expect((await hub.query(lookup, { u: uscc })).body).toEqual({ data: { subject: { name } } });
    await hub.hub.knex('organisations').where({ uscc }).update({ name: `${name}（更名）` });
    try {
      expect((await hub.query(lookup, { u: uscc })).body).toEqual({ data: { subject: { name: `${name}（更名）` } } });
    } finally {
      await hub.hub.knex('organisations').where({ uscc }).update({ name });
    }
  });

  it('answers the typed batch entry points with null where the code is of another kind', async () => {
    const body = '11440305003219403F'; // 深圳市南山区人民政府 in the sample data
    const enterprise = '91440300MA5E9NHA04';
    const unknown = '914403001922038216';
    const { body: result } = await hub.query(
      'query ($u: [USCC!]!) { enterprisesByUscc(usccs: $u) { uscc kind } governmentBodiesByUscc(usccs: $u) { uscc departments { uscc } } }',
      { u: [enterprise, body, unknown] },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      enterprisesByUscc: ({ uscc: string; kind: string } | null)[];
      governmentBodiesByUscc: ({ uscc: string; departments: unknown[] } | null)[];
    };
    expect(data.enterprisesByUscc).toEqual([{ uscc: enterprise, kind: 'ENTERPRISE' }, null, null]);
    expect(data.governmentBodiesByUscc[0]).toBeNull();
    expect(data.governmentBodiesByUscc[1]!.uscc).toBe(body);
    expect(data.governmentBodiesByUscc[1]!.departments.length).toBeGreaterThan(0);
    expect(data.governmentBodiesByUscc[2]).toBeNull();
  });

  it('gives null, not an error, for a valid USCC nobody has', async () => {
    const { body } = await hub.query('{ subject(uscc: "914403001922038216") { uscc } }');
    expect(body).toEqual({ data: { subject: null } });
  });

  it.each([
    ['a wrong check character', '{ subject(uscc: "914403001922038217") { uscc } }', 'uscc', /check character should be 6, got 7/],
    ['a short code', '{ subject(uscc: "91440300192203821") { uscc } }', 'uscc', /must be 18 characters, got 17/],
    ['a page larger than the maximum', '{ creditRecords(first: 101) { totalCount } }', 'first', /between 0 and 100, got 101/],
    ['a forged cursor', '{ creditRecords(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'after', /is not a cursor of this connection/],
    ['an unknown district', '{ creditRecords(filter: { districts: ["440305", "440399"] }) { totalCount } }', 'filter.districts[1]', /"440399" is not a Shenzhen area code/],
    ['a reversed date range', '{ creditRecords(filter: { decidedFrom: "2025-01-01", decidedTo: "2024-01-01" }) { totalCount } }', 'filter', /decidedFrom \(2025-01-01\) is after decidedTo \(2024-01-01\)/],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, query, argumentName, message) => {
    const { body } = await hub.query(query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(body.errors![0]!.message).toMatch(message);
    expect(body.errors![0]!.message).toContain(`"${argumentName}"`);
  });

  it('refuses a malformed USCC sent as a variable with BAD_USER_INPUT', async () => {
    const { status, body } = await hub.query('query ($u: USCC!) { subject(uscc: $u) { uscc } }', { u: '91350100M000100Y4Z' });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toContain('check character should be 3, got Z');
  });

  it('normalises full-width and lower-case input codes', async () => {
    const { body } = await hub.query<RecordsData>(RECORDS, { first: 1, filter: { kinds: ['ADMINISTRATIVE_PENALTY'] } });
    const uscc = body.data!.creditRecords.edges[0]!.node.subject!.uscc;
    const fullWidth = [...uscc.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const result = await hub.query<{ subject: { uscc: string } }>('query ($u: USCC!) { subject(uscc: $u) { uscc } }', { u: ` ${fullWidth} ` });
    expect(result.body).toEqual({ data: { subject: { uscc } } });
  });

  it('shows a civil servant (to a consumer with a purpose) with the ID number masked, and the records of their archive it may see', async () => {
    // A third-party evaluator for an award evaluation: its grant names civil servants, its role unmasks nobody.
    const { apiKey } = await KnexConsumerStore.create(hub.hub.knex).createConsumer({
      id: 'award-evaluator', name: '评优评先第三方机构', kind: 'THIRD_PARTY', roles: ['THIRD_PARTY_EVALUATOR'],
      grants: grantsForPurpose(['THIRD_PARTY_EVALUATOR'], 'AWARD_EVALUATION'),
    });
    const headers = asConsumer(apiKey, 'AWARD_EVALUATION');
    // Accountability is a conditional catalogue item: the evaluator sees it for its purpose.
    const { body } = await hub.query<{ creditRecords: { edges: { node: { civilServant: { id: string } | null } }[] } }>(
      '{ creditRecords(first: 100, filter: { kinds: [ACCOUNTABILITY] }) { edges { node { civilServant { id } } } } }', undefined, headers,
    );
    const id = body.data!.creditRecords.edges.find((e) => e.node.civilServant)!.node.civilServant!.id;
    const servant = await hub.query<{ civilServant: { idNumberMasked: string; employer: { kind: string }; creditRecords: { totalCount: number } } }>(
      'query ($id: ID!) { civilServant(id: $id) { idNumberMasked employer { kind } creditRecords { totalCount } } }',
      { id }, headers,
    );
    const cs = servant.body.data!.civilServant;
    expect(cs.idNumberMasked).toMatch(/^\d{10}\*{4}\d{3}[\dX]$/);
    expect(cs.employer.kind).toBe('GOVERNMENT_BODY');
    expect(cs.creditRecords.totalCount).toBeGreaterThan(0);
  });

  it('lists the catalogue with source units and reporting cycles', async () => {
    const { body } = await hub.query<{ catalog: { code: string; reportingCycle: string; sourceUnit: { kind: string } }[] }>(
      '{ catalog { code reportingCycle sourceUnit { kind } } }',
    );
    expect(body.data!.catalog.length).toBeGreaterThan(10);
    for (const item of body.data!.catalog) expect(item.sourceUnit.kind).toBe('GOVERNMENT_BODY');
  });

  it('sends a browser that opens /graphql to the explorer', async () => {
    const response = await fetch(`${hub.hub.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([302, '/explorer']);
    const page = await fetch(`${hub.hub.url}/explorer`);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('reports liveness and readiness', async () => {
    const health = await fetch(`${hub.hub.url}/healthz`);
    const ready = await fetch(`${hub.hub.url}/readyz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });
});
