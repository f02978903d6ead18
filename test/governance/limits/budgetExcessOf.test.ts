import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { budgetExcessOf, createExecutionBudgetPlugin, DEFAULT_OPERATION_LIMITS } from '../../../src/governance/index.js';
import { SMALL_ROOT, SMALL_SCHEMA } from './smallSchema.js';

// An answer computed outside graphql-js (the credit store answering a query whole) is held to the budget by counting its
// values: the count must be the one execution reaches, or a query would pass one way and be refused the other.
const QUERIES = [
  '{ districts { code } }',
  '{ subjects(usccs: ["A", "B", "C"]) { __typename uscc name records(first: 3) { totalCount edges { cursor node { id title authority { name } } } } } }',
  '{ a: subject(uscc: "A") { uscc p: parent { name parent { uscc } } } b: subject(uscc: "B") { name } }',
];

describe('budgetExcessOf', () => {
  it.each(QUERIES)('counts the values of an answer as execution counts resolved fields: %s', async (query) => {
    let resolved = 0;
    const server = new ApolloServer({ schema: SMALL_SCHEMA, rootValue: SMALL_ROOT, plugins: [{ async requestDidStart() { return { async executionDidStart() { return { willResolveField() { resolved += 1; } }; } }; } }] });
    await server.start();
    const response = await server.executeOperation({ query });
    await server.stop();
    const data = response.body.kind === 'single' ? response.body.singleResult.data : null;
    expect(resolved).toBeGreaterThan(0);
    expect(budgetExcessOf({ ...DEFAULT_OPERATION_LIMITS, maxCost: 0 }, data, 0)).toEqual({ limit: 'maxCost', max: 0, actual: resolved });
    expect(budgetExcessOf({ ...DEFAULT_OPERATION_LIMITS, maxCost: resolved }, data, 0)).toBeNull();
  });

  it('names the time limit when the answer took longer than maxExecutionMs, as the execution budget does', async () => {
    const limits = { ...DEFAULT_OPERATION_LIMITS, maxExecutionMs: 0 };
    const server = new ApolloServer({ schema: SMALL_SCHEMA, rootValue: SMALL_ROOT, plugins: [createExecutionBudgetPlugin(limits)] });
    await server.start();
    const response = await server.executeOperation({ query: QUERIES[1]! });
    await server.stop();
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : null;
    expect(errors?.[0]?.extensions).toMatchObject({ limit: 'maxExecutionMs', max: 0 });
    expect(budgetExcessOf(limits, { districts: [] }, 1)).toEqual({ limit: 'maxExecutionMs', max: 0 });
  });
});
