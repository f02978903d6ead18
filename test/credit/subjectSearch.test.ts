import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { buildCreditSchema, KnexCreditStore } from '../../src/credit/index.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';

interface Result { data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }

const SEARCH = `query ($query: String!, $filter: SubjectSearchFilter, $first: Int, $after: String) {
  searchSubjects(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { matchedOn node { uscc name kind district { code } industry { section division name } registrationStatus registeredCapital
      establishedOn formerNames { name until } registrationAuthority { name } } }
    pageInfo { hasNextPage hasPreviousPage }
  }
}`;
const NAMES = `query ($query: String!, $filter: SubjectSearchFilter, $first: Int, $after: String) {
  searchSubjects(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount edges { matchedOn node { uscc name } } pageInfo { hasNextPage endCursor }
  }
}`;

// The suite's own organisations: their trade name 琨瑜璟 uses characters the sample data never draws.
const uscc = (area: string, n: number) => makeUscc('91', area, `QQ70000${n}`);
const A = { uscc: uscc('440305', 1), name: '深圳市琨瑜璟网络科技有限公司', district_code: '440305', industry_code: '64', registered_capital: '500', established_on: '2015-03-02' };
const B = { uscc: uscc('440305', 2), name: '深圳市琨瑜璟网络设备有限公司', district_code: '440305', industry_code: '39', registered_capital: '1000', established_on: '2016-05-10' };
const C = { uscc: uscc('440304', 3), name: '深圳琨瑜璟网络科技有限公司', district_code: '440304', industry_code: '64', registered_capital: '100', established_on: '2018-07-01' };
const D = { uscc: uscc('440305', 4), name: '深圳市南琨瑜璟网络服务有限公司', district_code: '440305', industry_code: '65', registered_capital: '1234.5678', established_on: '2019-01-15' };
const F = {
  uscc: uscc('440305', 5), name: '深圳市岚曦物流有限公司', district_code: '440305', industry_code: '58', registered_capital: '50', established_on: '2012-04-20',
  former_names: JSON.stringify([{ name: '深圳市琨瑜璟网络物流有限公司', until: '2020-06-01' }]),
};
const NANSHAN_REGULATOR = '深圳市市场监督管理局南山监管局';

describe.each(TEST_DATABASES)('searchSubjects on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;

  const run = async (source: string, variables: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(await graphql({ schema, source, variableValues: variables, contextValue: {} }))) as Result;
  const node = (o: typeof A & { former_names?: string }, authority: string) => ({
    uscc: o.uscc, name: o.name, kind: 'ENTERPRISE', district: { code: o.district_code },
    industry: { '64': { section: 'I', division: '64', name: '互联网和相关服务' }, '65': { section: 'I', division: '65', name: '软件和信息技术服务业' },
      '58': { section: 'G', division: '58', name: '多式联运和运输代理业' } }[o.industry_code] ?? null,
    registrationStatus: 'EXISTING', registeredCapital: o.registered_capital, establishedOn: o.established_on,
    formerNames: o.former_names ? JSON.parse(o.former_names) : [], registrationAuthority: { name: authority },
  });

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = await buildCreditSchema(KnexCreditStore.create(knex));
    const regulators = await knex('organisations').where('name', 'like', '深圳市市场监督管理局%监管局').select('uscc', 'district_code') as { uscc: string; district_code: string }[];
    const regulatorOf = (district: string) => regulators.find((r) => r.district_code === district)!.uscc;
    await knex('organisations').insert([A, B, C, D, F].map((o) => ({
      ...o, registration_status: 'EXISTING', business_scope: '互联网信息服务', registration_authority_uscc: regulatorOf(o.district_code),
    })));
  });
  afterAll(async () => close?.());

  it('finds enterprises by a four-character fragment of the name, only in the district and industry asked', async () => {
    const result = await run(SEARCH, { query: '瑜璟网络', filter: { districts: ['440305'], industries: ['I'] } });
    expect(result).toEqual({
      data: {
        searchSubjects: {
          totalCount: 2,
          edges: [{ matchedOn: 'NAME', node: node(D, NANSHAN_REGULATOR) }, { matchedOn: 'NAME', node: node(A, NANSHAN_REGULATOR) }],
          pageInfo: { hasNextPage: false, hasPreviousPage: false },
        },
      },
    });
  });

  it('finds an enterprise by a former name', async () => {
    const result = await run(SEARCH, { query: '琨瑜璟网络物流' });
    expect(result).toEqual({
      data: { searchSubjects: { totalCount: 1, edges: [{ matchedOn: 'FORMER_NAME', node: node(F, NANSHAN_REGULATOR) }], pageInfo: { hasNextPage: false, hasPreviousPage: false } } },
    });
  });

  it('finds enterprises by the start of their USCC, in any letter case', async () => {
    const result = await run(NAMES, { query: `${A.uscc.slice(0, 14).toLowerCase()}` });
    expect(result.data?.searchSubjects).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
    expect(result).toEqual({
      data: {
        searchSubjects: {
          totalCount: 4,
          edges: [D, F, A, B].map((o) => ({ matchedOn: 'USCC', node: { uscc: o.uscc, name: o.name } })),
          pageInfo: { hasNextPage: false, endCursor: expect.any(String) as string },
        },
      },
    });
  });

  it('ranks names (and trade names after 深圳/深圳市) starting with the query first, then names containing it, then former names; by name within each, across pages', async () => {
    const expected = [A, B, C, D, F].map((o) => ({ matchedOn: o === F ? 'FORMER_NAME' : 'NAME', node: { uscc: o.uscc, name: o.name } }));
    const first = await run(NAMES, { query: '琨瑜璟网络', first: 3 });
    const endCursor = (first.data?.searchSubjects as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const second = await run(NAMES, { query: '琨瑜璟网络', first: 3, after: endCursor });
    expect([first, second]).toEqual([
      { data: { searchSubjects: { totalCount: 5, edges: expected.slice(0, 3), pageInfo: { hasNextPage: true, endCursor } } } },
      { data: { searchSubjects: { totalCount: 5, edges: expected.slice(3), pageInfo: { hasNextPage: false, endCursor: expect.any(String) as string } } } },
    ]);
    const exact = await run(NAMES, { query: ' 深圳市琨瑜璟网络设备有限公司 ', first: 2 });
    expect((exact.data?.searchSubjects as { edges: unknown[] }).edges[0]).toEqual({ matchedOn: 'NAME', node: { uscc: B.uscc, name: B.name } });
  });

  it('filters by status, capital and establishment date', async () => {
    const result = await run(NAMES, {
      query: '琨瑜璟', filter: { statuses: ['EXISTING'], capitalFrom: '100', capitalTo: '1000', establishedFrom: '2016-01-01', establishedTo: '2018-12-31' },
    });
    expect(result).toEqual({
      data: { searchSubjects: { totalCount: 2, edges: [B, C].map((o) => ({ matchedOn: 'NAME', node: { uscc: o.uscc, name: o.name } })), pageInfo: { hasNextPage: false, endCursor: expect.any(String) as string } } },
    });
  });

  it.each([
    [{ query: '琨' }, 'query', /at least two characters/],
    [{ query: ' 琨 ' }, 'query', /at least two characters/],
    [{ query: '' }, 'query', /at least two characters/],
    [{ query: '琨瑜', filter: { industries: ['I', 'Z9'] } }, 'filter.industries[1]', /"Z9" is not a GB\/T 4754-2017/],
    [{ query: '琨瑜', filter: { industries: ['C65'] } }, 'filter.industries[0]', /"C65"/],
    [{ query: '琨瑜', filter: { districts: ['440399'] } }, 'filter.districts[0]', /not a Shenzhen area code/],
    [{ query: '琨瑜', filter: { capitalFrom: '-1' } }, 'filter.capitalFrom', /must not be negative/],
    [{ query: '琨瑜', filter: { capitalFrom: '500', capitalTo: '100' } }, 'filter.capitalTo', /must not be below/],
    [{ query: '琨瑜', filter: { establishedFrom: '2020-01-01', establishedTo: '2019-01-01' } }, 'filter.establishedTo', /must not be before/],
    [{ query: '琨瑜', first: 101 }, 'first', /between 0 and 100/],
    [{ query: '琨瑜', after: 'bm90LWEtY3Vyc29y' }, 'after', /not a cursor of this search/],
  ])('refuses bad input with BAD_USER_INPUT naming the argument (%#)', async (variables, argumentName, message) => {
    const result = await run(NAMES, variables);
    expect(result).toEqual({
      data: null,
      errors: [{ message: expect.stringMatching(message) as string, locations: expect.any(Array) as unknown[], path: ['searchSubjects'], extensions: { code: 'BAD_USER_INPUT', argumentName } }],
    });
  });
});
