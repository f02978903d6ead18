import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreditSubschema, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';

const QUERY = `query ($usccs: [USCC!]!) {
  subjects(usccs: $usccs) {
    uscc name district { code }
    creditRecords(first: 5) {
      totalCount
      edges { node { id kind authority { uscc name } sourceUnit { uscc name } catalogItem { code } subject { uscc } } }
      pageInfo { hasNextPage }
    }
  }
}`;

describe.each(TEST_DATABASES)('SQL statements per request on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;
  let usccs: string[];

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = composeHubSchema({ credit: await createCreditSubschema(KnexCreditStore.create(knex)), adapters: [] });
    // Subjects that do have records, so every level of the query has work to batch.
    const rows = await knex('credit_records').distinct('subject_uscc').whereNotNull('subject_uscc').orderBy('subject_uscc').limit(100);
    usccs = rows.map((r: { subject_uscc: string }) => r.subject_uscc);
  });
  afterAll(async () => close?.());

  async function countStatements(subjects: string[]): Promise<{ statements: number; records: number }> {
    let statements = 0;
    const onQuery = () => {
      statements += 1;
    };
    knex.on('query', onQuery);
    try {
      const result = await graphql({ schema, source: QUERY, variableValues: { usccs: subjects }, contextValue: {} });
      expect(result.errors).toBeUndefined();
      const data = result.data as { subjects: { creditRecords: { edges: unknown[] } }[] };
      expect(data.subjects).toHaveLength(subjects.length);
      return { statements, records: data.subjects.reduce((n, s) => n + s.creditRecords.edges.length, 0) };
    } finally {
      knex.removeListener('query', onQuery);
    }
  }

  it('issues the same small number of statements for 10 and for 100 subjects', async () => {
    expect(usccs).toHaveLength(100);
    const ten = await countStatements(usccs.slice(0, 10));
    const hundred = await countStatements(usccs);
    expect(hundred.records).toBeGreaterThan(ten.records);
    expect(hundred.statements).toBe(ten.statements);
    // subjects, districts, record pages (with their counts, authorities and source units), organisations
    // (the records' subjects), catalogue items.
    expect(hundred.statements).toBeLessThanOrEqual(5);
  });

  it('gives the same counts and parties when they come with the page as when each is read alone', async () => {
    const subjects = usccs.slice(0, 20);
    const run = async (source: string) => {
      const result = await graphql({ schema, source, variableValues: { usccs: subjects }, contextValue: {} });
      expect(result.errors).toBeUndefined();
      return (result.data as { subjects: { uscc: string; creditRecords: Record<string, unknown> }[] }).subjects;
    };
    const together = await run(`query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { uscc creditRecords(first: 1) {
      totalCount edges { node { id authority { uscc name } sourceUnit { uscc name } } } } } }`);
    const counts = await run('query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { uscc creditRecords(first: 1) { totalCount } } }');
    const records = await run('query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { uscc creditRecords(first: 1) { edges { node { id authority { uscc } sourceUnit { uscc } } } } } }');
    const names = new Map((await knex('organisations').select('uscc', 'name') as { uscc: string; name: string }[]).map((o) => [o.uscc, o.name]));
    const named = (party: { uscc: string }) => ({ uscc: party.uscc, name: names.get(party.uscc) });
    expect(together).toEqual(subjects.map((uscc, i) => ({
      uscc,
      creditRecords: {
        totalCount: counts[i]!.creditRecords.totalCount,
        edges: (records[i]!.creditRecords.edges as { node: { id: string; authority: { uscc: string }; sourceUnit: { uscc: string } } }[])
          .map(({ node }) => ({ node: { id: node.id, authority: named(node.authority), sourceUnit: named(node.sourceUnit) } })),
      },
    })));
    expect(together.some((s) => (s.creditRecords.totalCount as number) > 1)).toBe(true);
  });
});
