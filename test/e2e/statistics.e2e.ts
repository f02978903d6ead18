import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const STATS = `query ($groupBy: [StatisticsDimension!]!, $filter: CreditRecordFilter) {
  creditStatistics(groupBy: $groupBy, filter: $filter) { totalCount rows { keys { recordKind district } count } }
}`;
const PAGE = `query ($filter: CreditRecordFilter, $after: String) {
  creditRecords(filter: $filter, first: 100, after: $after) { edges { node { kind } } pageInfo { hasNextPage endCursor } }
}`;
const BODIES = `query ($after: String) {
  governmentBodies(first: 100, after: $after) { totalCount edges { node { uscc name } } pageInfo { hasNextPage endCursor } }
}`;

type Stats = { creditStatistics: { totalCount: number; rows: { keys: { recordKind: string | null; district: string | null }; count: number }[] } };
type Bodies = { governmentBodies: { totalCount: number; edges: { node: { uscc: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
type Page = { creditRecords: { edges: { node: { kind: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe.each(TEST_DATABASES)('dashboards over HTTP on $name', (database) => {
  let hub: TestHub;
  let office: Record<string, string>;
  let dashboard: Record<string, string>;

  beforeAll(async () => {
    hub = await startTestHub(database);
    const keys = await createTestConsumers(hub.hub.knex);
    office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕21号');
    dashboard = asConsumer(keys.dashboard, 'STATISTICS', '深信办〔2026〕22号');
  });
  afterAll(async () => hub?.close());

  /** Counts by kind made by paging creditRecords with the filter, as the caller with these headers. */
  async function countByPaging(filter: object, headers: Record<string, string>) {
    const counts: Record<string, number> = {};
    let after: string | null = null;
    for (;;) {
      const { body }: { body: { data?: Page | null; errors?: unknown } } = await hub.query<Page>(PAGE, { filter, after }, headers);
      expect(body.errors).toBeUndefined();
      for (const { node } of body.data!.creditRecords.edges) counts[node.kind] = (counts[node.kind] ?? 0) + 1;
      if (!body.data!.creditRecords.pageInfo.hasNextPage) return counts;
      after = body.data!.creditRecords.pageInfo.endCursor;
    }
  }

  it.each([
    ['the public', () => ({})],
    ['the credit office', () => office],
  ])('gives %s the same counts as paging creditRecords', async (_who, headers) => {
    const filter = { districts: ['440310', '440305'], decidedIn: '2025' };
    const { body } = await hub.query<Stats>(STATS, { groupBy: ['RECORD_KIND'], filter }, headers());
    expect(body.errors).toBeUndefined();
    const counted = Object.fromEntries(body.data!.creditStatistics.rows.map((row) => [row.keys.recordKind, row.count]));
    expect(counted).toEqual(await countByPaging(filter, headers()));
    expect(body.data!.creditStatistics.totalCount).toBeGreaterThan(0);
  });

  it('answers the district × kind matrix in one request, for the public and the dashboard role', async () => {
    const [open, board] = await Promise.all([
      hub.query<Stats>(STATS, { groupBy: ['DISTRICT', 'RECORD_KIND'] }),
      hub.query<Stats>(STATS, { groupBy: ['DISTRICT', 'RECORD_KIND'] }, dashboard),
    ]);
    expect(open.body.errors).toBeUndefined();
    expect(board.body.errors).toBeUndefined();
    expect(new Set(open.body.data!.creditStatistics.rows.map((r) => r.keys.district)).size).toBeGreaterThanOrEqual(10);
    // The dashboard also reads conditional catalogue items for its purpose: never fewer records.
    expect(board.body.data!.creditStatistics.totalCount).toBeGreaterThanOrEqual(open.body.data!.creditStatistics.totalCount);
  });

  it('takes a repaired or withdrawn record out of the public counts at once', async () => {
    const knex = hub.hub.knex;
    const subject = (await knex('organisations').where({ kind: 'ENTERPRISE', district_code: '440311' }).orderBy('uscc').first('uscc')).uscc as string;
    const filter = { districts: ['440311'], kinds: ['ADMINISTRATIVE_PENALTY'] };
    const count = async () => (await hub.query<Stats>(STATS, { groupBy: [], filter })).body.data!.creditStatistics.totalCount;
    const before = await count();
    const today = new Date().toISOString().slice(0, 10);
    const ids = [
      await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: subject, decisionDate: today, severity: 'GENERAL' }),
      await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: subject, decisionDate: today, severity: 'SERIOUS' }),
    ];
    expect(await count()).toBe(before + 2);
    await knex('credit_records').where({ id: ids[0] }).update({ status: 'REPAIRED' });
    expect(await count()).toBe(before + 1);
    await knex('credit_records').where({ id: ids[1] }).update({ status: 'WITHDRAWN' });
    expect(await count()).toBe(before);
  });

  it('lists every government body exactly once, 深圳市坪山区人民法院 included', async () => {
    const names: string[] = [];
    const usccs = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const response: { body: { data?: Bodies | null } } = await hub.query<Bodies>(BODIES, { after });
      const connection: Bodies['governmentBodies'] = response.body.data!.governmentBodies;
      total = connection.totalCount;
      for (const { node } of connection.edges) {
        names.push(node.name);
        usccs.add(node.uscc);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const [{ n }] = (await hub.hub.knex('organisations').where({ kind: 'GOVERNMENT_BODY' }).count({ n: '*' })) as [{ n: string }];
    expect({ total, listed: names.length, distinct: usccs.size }).toEqual({ total: Number(n), listed: Number(n), distinct: Number(n) });
    expect(names).toContain('深圳市坪山区人民法院');
  });

  it.each([
    ['creditStatistics', '{ creditStatistics(groupBy: [DISTRICT], filter: { districts: ["999999"] }) { totalCount } }', 'filter.districts[0]'],
    ['creditRecords', '{ creditRecords(filter: { districts: ["999999"] }) { totalCount } }', 'filter.districts[0]'],
    ['governmentBodies', '{ governmentBodies(filter: { districts: ["999999"] }) { totalCount } }', 'filter.districts[0]'],
    ['organisations', '{ organisations(filter: { districts: ["999999"] }) { totalCount } }', 'filter.districts[0]'],
    ['enforcementIndicator', '{ enforcementIndicator(from: "2026-01", to: "2026-03", districtCode: "999999") { month } }', 'districtCode'],
    ['overdueCommitments', '{ overdueCommitments(districtCode: "999999") { bodyUscc } }', 'districtCode'],
    ['a period in creditStatistics', '{ creditStatistics(groupBy: [QUARTER], filter: { decidedIn: "2026-Q5" }) { totalCount } }', 'filter.decidedIn'],
    ['a month in enforcementIndicator', '{ enforcementIndicator(from: "2026-13", to: "2026-12") { month } }', 'from'],
    ['a month in governanceFieldProgress', '{ governanceFieldProgress(from: "2026-01", to: "2026-13") { months { month } } }', 'to'],
    ['a group-by combination', '{ creditStatistics(groupBy: [MONTH, QUARTER]) { totalCount } }', 'groupBy[1]'],
  ])('refuses bad input in %s with BAD_USER_INPUT naming the argument', async (_field, query, argumentName) => {
    const { body } = await hub.query(query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(body.errors![0]!.message).toContain(argumentName);
  });
});
