import { readdirSync, readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countTokens, createOperationLimitsPlugin, DEFAULT_OPERATION_LIMITS, measureOperation,
} from '../../../src/governance/limits/index.js';
import { readHubSchema } from './smallSchema.js';

// The defaults must let every documented and tested query through, over the committed hub schema, in a
// real Apollo server wired as the hub is told to.
const hubSchema = readHubSchema();
const server = new ApolloServer({
  schema: hubSchema,
  // Every root field the documents use answers "nothing found", so each request runs to the end.
  rootValue: {
    catalog: [], civilServant: null, constructionProject: null, subject: null, subjects: [], tender: null,
    creditRecords: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } },
  },
  plugins: [createOperationLimitsPlugin(DEFAULT_OPERATION_LIMITS)],
  parseOptions: { maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens },
});
afterAll(() => server.stop());

const USCCS = Array.from({ length: 100 }, (_, i) => `91440300MA5E9N${String(i).padStart(4, '0')}`);
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const readmeExamples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => [`README example ${i + 1}`, m[1]!, {}] as const);
const operationsDir = new URL('../../operations/', import.meta.url);
const OPERATION_VARIABLES: Record<string, Record<string, unknown>> = {
  'civilServant.graphql': { id: 'cs-1' },
  'creditRecords.graphql': { first: 100 },
  'subject.graphql': { uscc: USCCS[0], first: 100 },
  'subjects.graphql': { usccs: USCCS, first: 10 },
};
const operations = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'))
  .map((f) => [`test/operations/${f}`, readFileSync(new URL(f, operationsDir), 'utf8'), OPERATION_VARIABLES[f] ?? {}] as const);

// The 100-subject query of test/bench/hub.bench.ts (credit records and every platform field), which the
// governance benchmark runs through the limits.
const BENCH_QUERY = `query ($usccs: [USCC!]!) { subjects(usccs: $usccs) {
    uscc name kind district { code }
    creditRecords(first: 10) { totalCount edges { node { id kind decisionDate authority { uscc name } sourceUnit { uscc name } } } }
    ... on Enterprise {
      bids { totalCount edges { node { tenderCode price role won tenderer { name } provenance { recordId fetchedAt } } } }
      awards { totalCount edges { node { tenderCode price noticeDate } } }
      constructionProjects { totalCount edges { node { code name status totalWorkingDays stages { stage actualWorkingDays overdue } } } }
      serviceCases { totalCount edges { node { caseNumber status overdue handlingDepartmentName provenance { recordId } } } }
    }
    ... on GovernmentBody {
      serviceReviewSummary { casesHandled onTimeRate badReviewRate overdueCases }
      approvalPerformance { approvalsHandled overdueApprovals averageWorkingDays }
      tenders { totalCount edges { node { code name budget status } } }
    }
  } }`;
const others = [
  ['the 100-subject benchmark query', BENCH_QUERY, { usccs: USCCS }],
  ['the 100-subject query with 10 records and their authorities',
    'query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { uscc name creditRecords(first: 10) { edges { node { authority { name } } } } } }', { usccs: USCCS }],
  ['the explorer\'s introspection query', getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }), {}],
] as const;

describe('DEFAULT_OPERATION_LIMITS', () => {
  it('finds the documents to check', () => {
    expect(readmeExamples.length).toBeGreaterThanOrEqual(9);
    expect(operations.length).toBeGreaterThanOrEqual(5);
  });

  it.each([...readmeExamples, ...operations, ...others])('lets %s through', async (_name, query, variables) => {
    const response = await server.executeOperation({ query, variables });
    // The schema has no resolvers, so a non-null field (a mutation's result) may fail during execution;
    // what matters here is that nothing was refused before execution.
    expect(response.http.status ?? 200).toBe(200);
    const refused = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []).filter((e) => e.extensions?.code !== undefined && e.extensions.code !== 'INTERNAL_SERVER_ERROR') : ['incremental'];
    expect(refused).toEqual([]);
  });

  it('leaves room to spare: depth at most 8 of 12, aliases, cost and tokens at most half their limit', () => {
    const limits = DEFAULT_OPERATION_LIMITS;
    for (const [name, query, variables] of [...readmeExamples, ...operations, ...others]) {
      const measures = measureOperation(hubSchema, parse(query), null, variables)!;
      const tokens = countTokens(query);
      expect({ name, depth: measures.depth <= 8, aliases: measures.aliases <= limits.maxAliases / 2, cost: measures.cost <= limits.maxCost / 2, tokens: tokens <= limits.maxTokens / 2 })
        .toEqual({ name, depth: true, aliases: true, cost: true, tokens: true });
    }
  });

  it('refuses 500 subjects with 100 records each', async () => {
    const query = readFileSync(new URL('subjects.graphql', operationsDir), 'utf8');
    const response = await server.executeOperation({ query, variables: { usccs: Array(500).fill(USCCS[0]), first: 100 } });
    expect(response.http.status).toBe(400);
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.map((e) => e.extensions)).toEqual([
      { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxCost', max: 250_000, actual: 605_501 },
    ]);
  });
});
