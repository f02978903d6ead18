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
    // subjects, districts, record pages, record counts, organisations (authorities, source units,
    // subjects), catalogue items.
    expect(hundred.statements).toBeLessThanOrEqual(6);
  });
});
