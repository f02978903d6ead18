import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCompiledExecutor } from '../../src/credit/createCompiledExecutor.js';

const SUBJECTS = [
  { kind: 'E', uscc: '914403001922038216', name: '甲公司', records: [{ id: 'r1', fine: '1200.50' }, { id: 'r2', fine: null }] },
  { kind: 'G', uscc: '11440300MB2C92090F', name: '乙局', records: [] },
];
let resolverCalls = 0;
const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    interface Subject { uscc: String! name: String! records(first: Int = 10): [Record!]! }
    type Enterprise implements Subject { uscc: String! name: String! records(first: Int = 10): [Record!]! }
    type GovernmentBody implements Subject { uscc: String! name: String! records(first: Int = 10): [Record!]! }
    type Record { id: ID! fine: String mandatory: String! failing: String }
    type Query { subjects(usccs: [String!]!): [Subject]! }
  `,
  resolvers: {
    Subject: { __resolveType: (subject: { kind: string }) => (subject.kind === 'E' ? 'Enterprise' : 'GovernmentBody') },
    Enterprise: { records: (s: { records: unknown[] }, { first }: { first: number }) => s.records.slice(0, first) },
    GovernmentBody: { records: (s: { records: unknown[] }, { first }: { first: number }) => s.records.slice(0, first) },
    Record: {
      mandatory: () => null,
      failing: () => { throw new GraphQLError('the source is down', { extensions: { code: 'SOURCE_UNAVAILABLE' } }); },
    },
    Query: {
      subjects: (_: unknown, { usccs }: { usccs: string[] }) => {
        resolverCalls += 1;
        return usccs.map((u) => SUBJECTS.find((s) => s.uscc === u) ?? null);
      },
    },
  },
});
const variables = { usccs: [...SUBJECTS.map((s) => s.uscc), '91440300MA5DC0XX9X'] };

describe('createCompiledExecutor', () => {
  it.each([
    ['an interface, lists and arguments', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { __typename uscc name records(first: 1) { id fine } } }'],
    ['fragments and directives', 'query ($usccs: [String!]!, $all: Boolean = false) { subjects(usccs: $usccs) { ...S ... on Enterprise { records { id fine @include(if: $all) } } } } fragment S on Subject { uscc }'],
  ])('answers %s as graphql-js does, compiled once and reused', async (_what, source) => {
    const document = parse(source);
    const run = createCompiledExecutor(schema);
    const expected = await execute({ schema, document, variableValues: variables, contextValue: {} });
    resolverCalls = 0;
    expect(await run({ document, variables, context: {} })).toEqual(expected);
    expect(await run({ document: parse(source), variables, context: {} })).toEqual(expected);
    expect(resolverCalls).toBe(2);
  });

  it.each([
    ['an error thrown by a resolver', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc records { id failing } } }'],
    ['null in a non-null field', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc records { id mandatory } } }'],
  ])('answers %s exactly as graphql-js does (messages, paths, codes, nulls)', async (_what, source) => {
    const document = parse(source);
    const expected = await execute({ schema, document, variableValues: variables, contextValue: {} });
    const answer = await createCompiledExecutor(schema)({ document, variables, context: {} });
    expect(answer).toEqual(expected);
    expect(JSON.stringify(answer)).toBe(JSON.stringify(expected));
    expect((answer as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
  });
});
