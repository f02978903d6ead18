import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/credit/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 13 items 3 and 4: an investment-promotion analyst (招商引资) reads in one query what the hub knows of an
// enterprise — its credit records, its bids page by page, the projects it builds, its service cases — and the
// promises government bodies owe it, each with the owing body's name and, when overdue, the days (and for an SME
// payment the overdue interest); the register of commitments lists them across bodies.
const ENTERPRISE = '91440300MA5E9NHA04';
const NANSHAN = '11440305003219403F';
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const TITLE = '南山区智慧园区设备采购款（测试）';

const ANALYST_QUERY = `query ($uscc: USCC!, $after: String) {
  subject(uscc: $uscc) {
    name
    creditRecords(first: 3) { totalCount }
    ... on Enterprise {
      bids(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { tenderCode } } }
      constructionProjects { totalCount edges { node { code } } }
      serviceCases(first: 2) { totalCount edges { node { caseNumber } } }
      commitmentsOwed(status: PENDING, first: 100) {
        totalCount
        edges { node { title kind amount dueOn overdue daysOverdue overdueInterest body { uscc name } counterparty { name } } }
      }
    }
  }
}`;

type Connection<T> = { totalCount: number; pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string }; edges: { node: T }[] };
interface Owed { title: string; kind: string; amount: string; dueOn: string; overdue: boolean; daysOverdue: number; overdueInterest: string | null; body: { uscc: string; name: string }; counterparty: { name: string } }
interface AnalystView {
  subject: {
    name: string;
    creditRecords: { totalCount: number };
    bids: Connection<{ tenderCode: string }>;
    constructionProjects: Connection<{ code: string }>;
    serviceCases: Connection<{ caseNumber: string }>;
    commitmentsOwed: Connection<Owed>;
  };
}

describe.each(TEST_DATABASES)('promises owed to an enterprise, read by an investment-promotion analyst, on $name', (database) => {
  let hub: TestHub;
  let analyst: Record<string, string>;
  let bidding: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(database);
    const keys = await createTestConsumers(hub.hub.knex);
    analyst = asConsumer(keys.investment, 'INVESTMENT_PROMOTION', '深投推〔2026〕0088号');
    bidding = asConsumer(keys.bidding, 'BIDDING');
    // The credit office records a payment to the enterprise (an SME): delivered 2026-09-01, due 30 days later, unpaid.
    const recorded = await hub.query('mutation ($input: CommitmentInput!) { recordCommitment(input: $input) { id } }', {
      input: { bodyUscc: NANSHAN, counterpartyUscc: ENTERPRISE, counterpartySme: true, kind: 'PAYMENT', title: TITLE, amount: '200', promisedOn: '2026-06-01', deliveredOn: '2026-09-01' },
    }, asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕17号'));
    expect(recorded.body.errors).toBeUndefined();
  });
  afterAll(async () => hub?.close());

  it('reads records, bids page by page, projects, service cases and the commitments owed with the owing body\'s name, in one query', async () => {
    const { body } = await hub.query<AnalystView>(ANALYST_QUERY, { uscc: ENTERPRISE }, analyst);
    expect(body.errors).toBeUndefined();
    const subject = body.data!.subject;
    const pending: { n: string | number }[] = await hub.hub.knex('government_commitments').where({ counterparty_uscc: ENTERPRISE, status: 'PENDING' }).count({ n: '*' });
    const overdueDays = days('2026-10-01', todayInShanghai());
    expect({ ...subject, creditRecords: subject.creditRecords.totalCount > 0, bids: { ...subject.bids, pageInfo: { ...subject.bids.pageInfo, endCursor: null } }, commitmentsOwed: null }).toEqual({
      name: '深圳市维晶科技有限公司',
      creditRecords: true,
      bids: { totalCount: 30, pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: null }, edges: [expect.anything(), expect.anything()] },
      constructionProjects: { totalCount: 3, edges: [{ node: { code: '2609-440304-05-02-029950' } }, { node: { code: '2608-440304-11-03-011476' } }, { node: { code: '2104-440304-04-03-685863' } }] },
      serviceCases: { totalCount: 5, edges: [{ node: { caseNumber: '440304202606160000618' } }, { node: { caseNumber: '440300202603230000617' } }] },
      commitmentsOwed: null,
    });
    expect(subject.commitmentsOwed.totalCount).toBe(Number(pending[0]!.n));
    expect(subject.commitmentsOwed.edges.map((e) => e.node).filter((c) => c.title === TITLE)).toEqual([{
      title: TITLE, kind: 'PAYMENT', amount: '200', dueOn: '2026-10-01', overdue: true, daysOverdue: overdueDays,
      // 200 万元 × 0.05 % a day (the statutory rate) × the days overdue.
      overdueInterest: String(overdueDays / 10),
      body: { uscc: NANSHAN, name: '深圳市南山区人民政府' }, counterparty: { name: '深圳市维晶科技有限公司' },
    }]);
    // Every promise owed to it names the enterprise as the counterparty and its owing body by name.
    expect(subject.commitmentsOwed.edges.every((e) => e.node.counterparty.name === '深圳市维晶科技有限公司' && e.node.body.name.length > 0)).toBe(true);

    // The next page of bids follows the first, with the same count.
    const next = await hub.query<AnalystView>(ANALYST_QUERY, { uscc: ENTERPRISE, after: subject.bids.pageInfo!.endCursor }, analyst);
    const page2 = next.body.data!.subject.bids;
    expect(page2.totalCount).toBe(30);
    expect(page2.pageInfo!.hasPreviousPage).toBe(true);
    const codes = [...subject.bids.edges, ...page2.edges].map((e) => e.node.tenderCode);
    expect(new Set(codes).size).toBe(4);
    // The read is in the audit ledger under the analyst's purpose and case.
    const entry = await hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first();
    expect(entry).toMatchObject({ consumer_id: 'investment-promotion', purpose: 'INVESTMENT_PROMOTION', case_reference: '深投推〔2026〕0088号' });
    expect(entry.fields_read).toEqual(expect.arrayContaining(['Enterprise.commitmentsOwed', 'Enterprise.serviceCases']));
  });

  it('finds an enterprise owed an overdue payment by four characters of its name, district and industry, and reads all of it in one query', async () => {
    // From the sample data (not the payment this suite records): enterprises owed an overdue payment, then the
    // one with the most bids that also has records, projects and service cases.
    const today = todayInShanghai();
    const owed = await hub.hub.knex('government_commitments as c').join('organisations as o', 'o.uscc', 'c.counterparty_uscc')
      .where({ 'c.kind': 'PAYMENT', 'c.status': 'PENDING', 'o.kind': 'ENTERPRISE' }).whereNot('c.title', TITLE).where('c.due_on', '<', today)
      .distinct('o.uscc') as { uscc: string }[];
    expect(owed.length).toBeGreaterThan(0);
    const COUNTS = `query ($usccs: [USCC!]!) { enterprisesByUscc(usccs: $usccs) { uscc name district { code } industry { section }
      creditRecords(first: 0) { totalCount } bids(first: 0) { totalCount } constructionProjects(first: 0) { totalCount } serviceCases(first: 0) { totalCount } } }`;
    type Counts = { uscc: string; name: string; district: { code: string }; industry: { section: string }; creditRecords: { totalCount: number };
      bids: { totalCount: number }; constructionProjects: { totalCount: number }; serviceCases: { totalCount: number } };
    const counted = await hub.query<{ enterprisesByUscc: Counts[] }>(COUNTS, { usccs: owed.map((o) => o.uscc) }, analyst);
    expect(counted.body.errors).toBeUndefined();
    // Four characters of the trade name (字号 and what follows), after the place name: never a generic word alone.
    const fragmentOf = (name: string) => name.replace(/^深圳市?/, '').slice(0, 4);
    const distinctive = (fragment: string) => /^\p{Script=Han}{4}$/u.test(fragment) && !/科技|有限|公司|深圳/.test(fragment.slice(0, 2));
    // The small sample data has such enterprises: one owed an overdue payment with every kind of data to show.
    const target = counted.body.data!.enterprisesByUscc
      .filter((c) => c.bids.totalCount > 2 && c.creditRecords.totalCount > 0 && c.constructionProjects.totalCount > 0 && c.serviceCases.totalCount > 0)
      .filter((c) => distinctive(fragmentOf(c.name)))
      .sort((a, b) => b.bids.totalCount - a.bids.totalCount || a.uscc.localeCompare(b.uscc))[0]!;
    expect(target).toBeDefined();
    const fragment = fragmentOf(target.name);

    const FIND = `query ($query: String!, $filter: SubjectSearchFilter, $after: String) {
      searchSubjects(query: $query, filter: $filter, first: 20) {
        totalCount
        edges { node { uscc name district { code } industry { section }
          ... on Enterprise {
            creditRecords(first: 3) { totalCount edges { node { id } } }
            bids(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { tenderCode } } }
            constructionProjects(first: 5) { totalCount edges { node { code } } }
            serviceCases(first: 5) { totalCount edges { node { caseNumber } } }
            commitmentsOwed(status: PENDING, first: 100) {
              totalCount edges { node { id kind title dueOn overdue daysOverdue bodyUscc body { uscc name } counterparty { uscc name } } }
            }
          } } }
      }
    }`;
    type Hit = { uscc: string; name: string; district: { code: string }; industry: { section: string };
      creditRecords: Connection<{ id: string }>; bids: Connection<{ tenderCode: string }>; constructionProjects: Connection<{ code: string }>;
      serviceCases: Connection<{ caseNumber: string }>;
      commitmentsOwed: Connection<{ id: string; kind: string; title: string; dueOn: string; overdue: boolean; daysOverdue: number; bodyUscc: string; body: { uscc: string; name: string }; counterparty: { uscc: string; name: string } }> };
    const filter = { districts: [target.district.code], industries: [target.industry.section] };
    const find = (after: string | null) => hub.query<{ searchSubjects: Connection<Hit> }>(FIND, { query: fragment, filter, after }, analyst);
    const { body } = await find(null);
    expect(body.errors).toBeUndefined();
    const hits = body.data!.searchSubjects.edges.map((e) => e.node);
    // Every hit is in the district and industry asked and bears the fragment; the enterprise is among them.
    expect(hits.every((h) => h.district.code === target.district.code && h.industry.section === target.industry.section && h.name.includes(fragment))).toBe(true);
    const hit = hits.find((h) => h.uscc === target.uscc)!;
    expect(hit).toBeDefined();

    // Its records, projects and service cases, as many as the platforms and the store hold for it.
    expect({ ...hit, bids: null, commitmentsOwed: null, creditRecords: hit.creditRecords.totalCount, constructionProjects: hit.constructionProjects.totalCount,
      serviceCases: hit.serviceCases.totalCount }).toEqual({
      uscc: target.uscc, name: target.name, district: target.district, industry: target.industry, bids: null, commitmentsOwed: null,
      creditRecords: target.creditRecords.totalCount, constructionProjects: target.constructionProjects.totalCount, serviceCases: target.serviceCases.totalCount,
    });
    expect(hit.creditRecords.edges).toHaveLength(Math.min(3, target.creditRecords.totalCount));
    expect(hit.constructionProjects.edges).toHaveLength(Math.min(5, target.constructionProjects.totalCount));
    expect(hit.serviceCases.edges).toHaveLength(Math.min(5, target.serviceCases.totalCount));

    // Bids page by page: two on the first page, the next page read with `after` follows without overlap.
    expect({ ...hit.bids, edges: hit.bids.edges.length, pageInfo: { ...hit.bids.pageInfo, endCursor: typeof hit.bids.pageInfo!.endCursor } }).toEqual({
      totalCount: target.bids.totalCount, edges: 2, pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: 'string' },
    });
    const next = await find(hit.bids.pageInfo!.endCursor);
    expect(next.body.errors).toBeUndefined();
    const page2 = next.body.data!.searchSubjects.edges.map((e) => e.node).find((h) => h.uscc === target.uscc)!.bids;
    expect({ totalCount: page2.totalCount, hasPreviousPage: page2.pageInfo!.hasPreviousPage, hasNextPage: page2.pageInfo!.hasNextPage, edges: page2.edges.length })
      .toEqual({ totalCount: target.bids.totalCount, hasPreviousPage: true, hasNextPage: target.bids.totalCount > 4, edges: Math.min(2, target.bids.totalCount - 2) });
    const codes = [...hit.bids.edges, ...page2.edges].map((e) => e.node.tenderCode);
    expect(new Set(codes).size).toBe(codes.length);

    // The commitments owed to it: as the store has them, each naming the owing body by the name the store has for
    // its USCC; an overdue one counts the days from its due date to today.
    const stored = await hub.hub.knex('government_commitments as c').join('organisations as b', 'b.uscc', 'c.body_uscc')
      .where({ 'c.counterparty_uscc': target.uscc, 'c.status': 'PENDING' }).select('c.id', 'c.body_uscc', 'b.name') as { id: string | number; body_uscc: string; name: string }[];
    const owedNodes = hit.commitmentsOwed.edges.map((e) => e.node);
    expect(hit.commitmentsOwed.totalCount).toBe(stored.length);
    expect(owedNodes.map((c) => ({ id: c.id, body: c.body, counterparty: c.counterparty })).sort((a, b) => a.id.localeCompare(b.id)))
      .toEqual(stored.map((s) => ({ id: String(s.id), body: { uscc: s.body_uscc, name: s.name }, counterparty: { uscc: target.uscc, name: target.name } })).sort((a, b) => a.id.localeCompare(b.id)));
    const overduePayments = owedNodes.filter((c) => c.kind === 'PAYMENT' && c.dueOn < today);
    expect(overduePayments.length).toBeGreaterThan(0);
    expect(overduePayments.map((c) => ({ overdue: c.overdue, daysOverdue: c.daysOverdue })))
      .toEqual(overduePayments.map((c) => ({ overdue: true, daysOverdue: days(c.dueOn, today) })));
    expect(overduePayments.every((c) => c.daysOverdue > 0)).toBe(true);
  });

  it('lists the register of commitments by area, kind and lateness, page by page, for the purpose only', async () => {
    const REGISTER = `query ($filter: CommitmentFilter, $after: String) { commitments(filter: $filter, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { title bodyUscc kind status overdue daysOverdue body { name } counterparty { uscc name } } } } }`;
    const filter = { districts: ['440305'], kinds: ['PAYMENT'], overdue: true };
    type Register = { commitments: Connection<{ title: string; bodyUscc: string; kind: string; status: string; overdue: boolean; daysOverdue: number; body: { name: string }; counterparty: { uscc: string; name: string } | null }> };
    const seen: Register['commitments']['edges'][number]['node'][] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { body }: { body: { data?: Register | null; errors?: unknown[] } } = await hub.query<Register>(REGISTER, { filter, after }, analyst);
      expect(body.errors).toBeUndefined();
      totalCount = body.data!.commitments.totalCount;
      seen.push(...body.data!.commitments.edges.map((e) => e.node));
      after = body.data!.commitments.pageInfo!.hasNextPage ? body.data!.commitments.pageInfo!.endCursor : null;
    } while (after && seen.length < 200);
    // Derived from the records: pending payments of Nanshan bodies past their due date.
    const expected: { n: string | number }[] = await hub.hub.knex('government_commitments as c').join('organisations as o', 'o.uscc', 'c.body_uscc')
      .where({ 'o.district_code': '440305', 'c.kind': 'PAYMENT', 'c.status': 'PENDING' }).where('c.due_on', '<', todayInShanghai()).count({ n: '*' });
    expect(totalCount).toBe(Number(expected[0]!.n));
    expect(seen).toHaveLength(totalCount);
    expect(seen.every((c) => c.kind === 'PAYMENT' && c.status === 'PENDING' && c.overdue && c.daysOverdue > 0 && c.body.name)).toBe(true);
    expect(seen.filter((c) => c.title === TITLE)).toEqual([{
      title: TITLE, bodyUscc: NANSHAN, kind: 'PAYMENT', status: 'PENDING', overdue: true, daysOverdue: days('2026-10-01', todayInShanghai()),
      body: { name: '深圳市南山区人民政府' }, counterparty: { uscc: ENTERPRISE, name: '深圳市维晶科技有限公司' },
    }]);

    // Conditional data: the public and a consumer without a grant for the purpose are refused.
    const publicly = await hub.query(REGISTER, { filter });
    expect(publicly.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.commitments' });
    const other = await hub.query(REGISTER, { filter }, bidding);
    expect(other.body.errors![0]!.message).toBe('Access to Query.commitments refused: Query.commitments is conditional (有条件共享); consumer bidding-system holds no grant for purpose BIDDING covering it');
  });

  it.each([
    ['an unknown area', { districts: ['440305', '440399'] }, 'filter.districts[1]'],
    ['an empty list of kinds', { kinds: [] }, 'filter.kinds'],
  ])('refuses %s in the filter as bad input naming the argument', async (_what, filter, argumentName) => {
    const { body } = await hub.query('query ($filter: CommitmentFilter) { commitments(filter: $filter) { totalCount } }', { filter }, analyst);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(body.errors![0]!.message.startsWith(`${argumentName}: `)).toBe(true);
  });
});
