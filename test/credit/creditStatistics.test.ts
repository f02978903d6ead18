import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditSchema, KnexCreditStore, type CreditRequestContext } from '../../src/credit/index.js';
import { sumDecimals } from '../../src/credit/sumDecimals.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';

const PUBLIC: CreditRequestContext = {};
const OFFICE: CreditRequestContext = { creditVisibility: { records: 'ALL' } };

interface Result<T> { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }
interface StatsRow { keys: Record<string, string | null>; count: number; fineTotal: string | null }
interface Stats { creditStatistics: { groupBy: string[]; rows: StatsRow[]; totalCount: number; fineTotal: string | null } }

const STATS = `query ($groupBy: [StatisticsDimension!]!, $filter: CreditRecordFilter) {
  creditStatistics(groupBy: $groupBy, filter: $filter) {
    groupBy totalCount fineTotal
    rows { keys { district districtName subjectKind recordKind severity status governanceField sourceUnit catalogItem period } count fineTotal }
  }
}`;
const PAGE = `query ($filter: CreditRecordFilter, $after: String) {
  creditRecords(filter: $filter, first: 100, after: $after) {
    totalCount edges { node { kind decisionDate fineAmount subject { kind } } } pageInfo { hasNextPage endCursor }
  }
}`;

describe.each(TEST_DATABASES)('credit statistics on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;

  async function run<T>(source: string, variables: Record<string, unknown> = {}, context: object = {}): Promise<Result<T>> {
    // A fresh context object per request, as a server gives.
    return (await graphql({ schema, source, variableValues: variables, contextValue: { ...context } })) as Result<T>;
  }

  async function statistics(groupBy: string[], filter: object, context: object) {
    const result = await run<Stats>(STATS, { groupBy, filter }, context);
    expect(result.errors).toBeUndefined();
    return result.data!.creditStatistics;
  }

  /** Every record `creditRecords` lists with the filter, paged 100 at a time. */
  async function pageAll(filter: object, context: object) {
    const nodes: { kind: string; decisionDate: string; fineAmount: string | null; subject: { kind: string } | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const result: Result<{ creditRecords: { edges: { node: (typeof nodes)[number] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> =
        await run(PAGE, { filter, after }, context);
      expect(result.errors).toBeUndefined();
      const connection = result.data!.creditRecords;
      nodes.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) return nodes;
      after = connection.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = await buildCreditSchema(KnexCreditStore.create(knex));
  });
  afterAll(async () => close?.());

  it.each([
    ['the public', PUBLIC],
    ['the credit office', OFFICE],
  ])('counts what paging creditRecords finds, by kind and month, for %s', async (_who, context) => {
    const filter = { decidedIn: '2025', subjectKinds: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS'] };
    const stats = await statistics(['RECORD_KIND', 'MONTH'], filter, context);
    const nodes = await pageAll(filter, context);
    expect(nodes.length).toBeGreaterThan(0);
    expect(new Set(nodes.map((n) => n.subject?.kind))).toEqual(new Set(['ENTERPRISE', 'INDIVIDUAL_BUSINESS'].filter((k) => nodes.some((n) => n.subject?.kind === k))));
    const expected = new Map<string, { count: number; fines: (string | null)[] }>();
    for (const node of nodes) {
      const key = `${node.kind}|${node.decisionDate.slice(0, 7)}`;
      const entry = expected.get(key) ?? { count: 0, fines: [] };
      entry.count += 1;
      entry.fines.push(node.fineAmount);
      expected.set(key, entry);
    }
    const keyOf = (row: StatsRow) => `${row.keys.recordKind}|${row.keys.period}`;
    expect(Object.fromEntries(stats.rows.map((row) => [keyOf(row), { count: row.count, fineTotal: row.fineTotal }])))
      .toEqual(Object.fromEntries([...expected].map(([key, e]) => [key, { count: e.count, fineTotal: sumDecimals(e.fines) }])));
    expect(stats.totalCount).toBe(nodes.length);
    expect(stats.fineTotal).toBe(sumDecimals(nodes.map((n) => n.fineAmount)));
    expect(stats.rows.every((row) => row.keys.district === null && row.keys.severity === null)).toBe(true);
  });

  it.each([
    ['the public', PUBLIC],
    ['the credit office', OFFICE],
  ])('gives the district × kind matrix in one call, each cell equal to creditRecords totalCount, for %s', async (_who, context) => {
    const stats = await statistics(['DISTRICT', 'RECORD_KIND'], {}, context);
    const cells = stats.rows.slice(0, 12);
    const aliases = cells.map((row, i) => `c${i}: creditRecords(filter: { districts: ["${row.keys.district}"], kinds: [${row.keys.recordKind}] }) { totalCount }`);
    const totals = await run<Record<string, { totalCount: number }>>(`{ ${aliases.join(' ')} all: creditRecords { totalCount } }`, {}, context);
    expect(cells.map((_row, i) => totals.data![`c${i}`]!.totalCount)).toEqual(cells.map((row) => row.count));
    expect(stats.totalCount).toBe(totals.data!.all!.totalCount);
    expect(stats.rows.find((row) => row.keys.district === '440305')?.keys.districtName).toBe('南山区');
  });

  it('counts records against government bodies per month, and civil servants only for those who may read their records', async () => {
    const [{ n }] = (await knex('credit_records').where({ subject_kind: 'CIVIL_SERVANT' }).count({ n: '*' })) as [{ n: string }];
    const publicServants = await statistics([], { subjectKinds: ['CIVIL_SERVANT'] }, PUBLIC);
    const officeServants = await statistics([], { subjectKinds: ['CIVIL_SERVANT'] }, OFFICE);
    const visiblePublicly = await pageAll({ subjectKinds: ['CIVIL_SERVANT'] }, PUBLIC);
    expect(publicServants.totalCount).toBe(visiblePublicly.length);
    expect(officeServants.totalCount).toBe(Number(n));
    const bodies = await statistics(['MONTH'], { subjectKinds: ['GOVERNMENT_BODY'], decidedIn: '2025' }, OFFICE);
    const [{ m }] = (await knex('credit_records').whereLike('subject_uscc', '11%')
      .whereBetween('decision_date', ['2025-01-01', '2025-12-31']).count({ m: '*' })) as [{ m: string }];
    expect(bodies.totalCount).toBe(Number(m));
    expect(bodies.rows.every((row) => /^2025-\d{2}$/.test(row.keys.period!))).toBe(true);
  });

  it('takes a repaired or withdrawn record out of the public counts at once, not out of the office counts', async () => {
    const subject = (await knex('organisations').where({ kind: 'ENTERPRISE', district_code: '440310' }).orderBy('uscc').first('uscc')).uscc as string;
    const filter = { districts: ['440310'], kinds: ['ADMINISTRATIVE_PENALTY'] };
    const count = async (context: object) => (await statistics(['DISTRICT'], filter, context)).totalCount;
    const before = { public: await count(PUBLIC), office: await count(OFFICE) };
    const today = new Date().toISOString().slice(0, 10);
    const repaired = await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: subject, decisionDate: today, severity: 'GENERAL', fineAmount: '1.5' });
    const withdrawn = await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: subject, decisionDate: today, severity: 'GENERAL' });
    expect({ public: await count(PUBLIC), office: await count(OFFICE) }).toEqual({ public: before.public + 2, office: before.office + 2 });
    await knex('credit_records').where({ id: repaired }).update({ status: 'REPAIRED' });
    expect({ public: await count(PUBLIC), office: await count(OFFICE) }).toEqual({ public: before.public + 1, office: before.office + 2 });
    await knex('credit_records').where({ id: withdrawn }).update({ status: 'WITHDRAWN' });
    expect({ public: await count(PUBLIC), office: await count(OFFICE) }).toEqual({ public: before.public, office: before.office + 2 });
  });

  it.each([
    ['an unknown district', { groupBy: ['DISTRICT'], filter: { districts: ['440305', '999999'] } }, 'filter.districts[1]', /"999999" is not a Shenzhen area code/],
    ['a fifth quarter', { groupBy: ['QUARTER'], filter: { decidedIn: '2026-Q5' } }, 'filter.decidedIn', /"2026-Q5" is not a period/],
    ['a thirteenth month', { groupBy: ['MONTH'], filter: { decidedIn: '2026-13' } }, 'filter.decidedIn', /"2026-13" is not a period/],
    ['two periods', { groupBy: ['DISTRICT', 'MONTH', 'YEAR'] }, 'groupBy[2]', /YEAR cannot be combined with MONTH/],
    ['a dimension twice', { groupBy: ['DISTRICT', 'DISTRICT'] }, 'groupBy[1]', /DISTRICT is already grouped by/],
    ['too many dimensions', { groupBy: ['DISTRICT', 'RECORD_KIND', 'STATUS', 'SEVERITY', 'MONTH'] }, 'groupBy', /at most 4 dimensions/],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, variables, argumentName, message) => {
    const result = await run(STATS, variables);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(result.errors![0]!.message).toMatch(message);
  });

  it('filters creditRecords by a period and by kind of subject the same way', async () => {
    const result = await run<{ q: { totalCount: number }; m: { totalCount: number } }>(`{
      q: creditRecords(filter: { decidedIn: "2025-Q3", subjectKinds: [GOVERNMENT_BODY] }) { totalCount }
      m: creditRecords(filter: { decidedFrom: "2025-07-01", decidedTo: "2025-09-30", subjectKinds: [GOVERNMENT_BODY] }) { totalCount }
    }`, {}, OFFICE);
    expect(result.errors).toBeUndefined();
    const [{ n }] = (await knex('credit_records').whereLike('subject_uscc', '11%').whereBetween('decision_date', ['2025-07-01', '2025-09-30']).count({ n: '*' })) as [{ n: string }];
    expect(result.data).toEqual({ q: { totalCount: Number(n) }, m: { totalCount: Number(n) } });
  });

  describe('governance-field progress', () => {
    const FIELD = 'JUDGMENT_NON_ENFORCEMENT';
    const NEGATIVE = ['ADMINISTRATIVE_PENALTY', 'JUDICIAL_JUDGMENT', 'JUDGMENT_DEFAULTER', 'SERIOUS_DISHONESTY', 'GOVERNMENT_SANCTION', 'DISCIPLINARY_SANCTION', 'PARTY_DISCIPLINE', 'ACCOUNTABILITY'];
    const PROGRESS = `query ($from: String!, $to: String!, $fields: [GovernanceField!]) {
      governanceFieldProgress(from: $from, to: $to, fields: $fields) {
        field { code nameZh } leadUnit { nameZh confirmed } months { month newRecords closedRecords openAtEnd }
        dishonestSubjects(first: 5) { totalCount edges { node { governanceField status } } }
      }
    }`;
    type Progress = { governanceFieldProgress: { field: { code: string }; leadUnit: { nameZh: string; confirmed: boolean }; months: { month: string; newRecords: number; closedRecords: number; openAtEnd: number }[]; dishonestSubjects: { totalCount: number; edges: { node: { governanceField: string; status: string } }[] } }[] };

    it('counts new records per month as creditStatistics does, and open = open before + new - closed', async () => {
      const result = await run<Progress>(PROGRESS, { from: '2025-01', to: '2025-12', fields: [FIELD] }, OFFICE);
      expect(result.errors).toBeUndefined();
      const [progress] = result.data!.governanceFieldProgress;
      expect(progress!.field.code).toBe(FIELD);
      expect(progress!.leadUnit).toEqual({ nameZh: '深圳市中级人民法院', confirmed: false });
      expect(progress!.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
      const perMonth = await statistics(['MONTH'], { governanceFields: [FIELD], kinds: NEGATIVE, decidedIn: '2025' }, OFFICE);
      expect(Object.fromEntries(progress!.months.filter((m) => m.newRecords > 0).map((m) => [m.month, m.newRecords])))
        .toEqual(Object.fromEntries(perMonth.rows.map((row) => [row.keys.period, row.count])));
      progress!.months.slice(1).forEach((month, i) => {
        const previous = progress!.months[i]!;
        expect(month.openAtEnd).toBe(previous.openAtEnd + month.newRecords - month.closedRecords);
      });
    });

    it("lists the field's disclosed records for the public, as creditRecords does", async () => {
      const result = await run<Progress>(PROGRESS, { from: '2026-01', to: '2026-03', fields: [FIELD] }, PUBLIC);
      expect(result.errors).toBeUndefined();
      const list = result.data!.governanceFieldProgress[0]!.dishonestSubjects;
      const records = await run<{ creditRecords: { totalCount: number } }>(
        `{ creditRecords(filter: { governanceFields: [${FIELD}], kinds: [${NEGATIVE.join(', ')}] }) { totalCount } }`, {}, PUBLIC);
      expect(list.totalCount).toBe(records.data!.creditRecords.totalCount);
      expect(list.edges.every((e) => e.node.governanceField === FIELD && !['REPAIRED', 'WITHDRAWN', 'EXPIRED'].includes(e.node.status))).toBe(true);
    });

    it.each([
      [{ from: '2026-13', to: '2026-12' }, 'from', /"2026-13" is not a month/],
      [{ from: '2026-01', to: '2026-Q1' }, 'to', /"2026-Q1" is not a month/],
      [{ from: '2026-05', to: '2026-01' }, 'to', /must be a month from `from`/],
    ])('refuses %j with BAD_USER_INPUT naming the argument', async (variables, argumentName, message) => {
      const result = await run(PROGRESS, variables);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(result.errors![0]!.message).toMatch(message);
    });
  });
});
