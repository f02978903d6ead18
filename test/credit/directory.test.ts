import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditSchema, KnexCreditStore } from '../../src/credit/index.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';

interface Result<T> { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }
interface Connection { totalCount: number; edges: { cursor: string; node: { uscc: string; name: string; kind: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

const BODIES = `query ($filter: GovernmentBodyFilter, $first: Int, $after: String) {
  governmentBodies(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { uscc name kind } } pageInfo { hasNextPage endCursor } }
}`;
const ORGANISATIONS = `query ($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { uscc name kind } } pageInfo { hasNextPage endCursor } }
}`;

describe.each(TEST_DATABASES)('organisation directory on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;

  const run = async <T>(source: string, variables: Record<string, unknown> = {}) =>
    (await graphql({ schema, source, variableValues: variables, contextValue: {} })) as Result<T>;

  /** Pages through a directory connection `first` at a time: the nodes in order and the totalCount of each page. */
  async function pageAll(source: string, field: 'governmentBodies' | 'organisations', filter: object, first: number) {
    const nodes: Connection['edges'][number]['node'][] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (;;) {
      const result: Result<Record<string, Connection>> = await run(source, { filter, first, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data![field]!;
      totals.add(connection.totalCount);
      nodes.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
      after = connection.pageInfo.endCursor;
    }
  }

  const usccsOf = async (query: Knex.QueryBuilder) => ((await query.select('uscc').orderBy('uscc')) as { uscc: string }[]).map((r) => r.uscc);

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = await buildCreditSchema(KnexCreditStore.create(knex));
  });
  afterAll(async () => close?.());

  it('lists every government body exactly once, courts without a parent included', async () => {
    const { nodes, totals } = await pageAll(BODIES, 'governmentBodies', {}, 37);
    const expected = await usccsOf(knex('organisations').where({ kind: 'GOVERNMENT_BODY' }));
    expect(nodes.map((n) => n.uscc)).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    expect(nodes.map((n) => n.name)).toContain('深圳市坪山区人民法院');
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['GOVERNMENT_BODY']));
  });

  it.each([
    ['one district', { districts: ['440310'] }, (q: Knex.QueryBuilder) => q.where({ district_code: '440310' })],
    ['the city level', { level: 'CITY' }, (q: Knex.QueryBuilder) => q.where({ district_code: '440300' })],
    ['the district level', { level: 'DISTRICT' }, (q: Knex.QueryBuilder) => q.whereNot({ district_code: '440300' })],
  ])('filters government bodies by %s', async (_case, filter, narrow) => {
    const { nodes, totals } = await pageAll(BODIES, 'governmentBodies', filter, 100);
    const expected = await usccsOf(narrow(knex('organisations').where({ kind: 'GOVERNMENT_BODY' })));
    expect(expected.length).toBeGreaterThan(0);
    expect(nodes.map((n) => n.uscc)).toEqual(expected);
    expect(totals).toEqual([expected.length]);
  });

  it('lists the bodies directly under a parent', async () => {
    const parent = (await knex('organisations').where({ name: '深圳市坪山区人民政府' }).first('uscc')).uscc as string;
    const { nodes } = await pageAll(BODIES, 'governmentBodies', { parent }, 100);
    expect(nodes.map((n) => n.uscc)).toEqual(await usccsOf(knex('organisations').where({ kind: 'GOVERNMENT_BODY', parent_uscc: parent })));
    expect(nodes.length).toBeGreaterThan(0);
  });

  it('lists every organisation of the kinds and areas asked, exactly once', async () => {
    const filter = { kinds: ['ENTERPRISE', 'PUBLIC_INSTITUTION'], districts: ['440305', '440310'] };
    const { nodes, totals } = await pageAll(ORGANISATIONS, 'organisations', filter, 13);
    const expected = await usccsOf(knex('organisations').whereIn('kind', filter.kinds).whereIn('district_code', filter.districts));
    expect(nodes.map((n) => n.uscc)).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    const all = await run<{ organisations: { totalCount: number } }>('{ organisations { totalCount } }');
    const [{ n }] = (await knex('organisations').count({ n: '*' })) as [{ n: string }];
    expect(all.data).toEqual({ organisations: { totalCount: Number(n) } });
  });

  it.each([
    [BODIES, { filter: { districts: ['999999'] } }, 'filter.districts[0]', /"999999" is not a Shenzhen area code/],
    [ORGANISATIONS, { filter: { districts: ['440305', '440399'] } }, 'filter.districts[1]', /"440399" is not a Shenzhen area code/],
    [ORGANISATIONS, { after: 'bm90LWEtY3Vyc29y' }, 'after', /is not a cursor of this connection/],
    [BODIES, { first: 101 }, 'first', /between 0 and 100, got 101/],
  ])('refuses bad input with BAD_USER_INPUT naming the argument (%#)', async (source, variables, argumentName, message) => {
    const result = await run(source, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(result.errors![0]!.message).toMatch(message);
  });
});
