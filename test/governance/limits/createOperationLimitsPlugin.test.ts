import { ApolloServer, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createOperationLimitsPlugin, DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../../../src/governance/limits/index.js';
import { SMALL_ROOT, SMALL_SCHEMA } from './smallSchema.js';

const LIMITS: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, maxDepth: 5, maxAliases: 3, maxTokens: 60, maxCost: 500 };

const servers: ApolloServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** A real Apollo server wired as the hub is told to: the plugin plus the parser's maxTokens. */
function startServer(options: { schema?: GraphQLSchema; rootValue?: unknown; parseMaxTokens?: boolean; spy?: ApolloServerPlugin } = {}) {
  const server = new ApolloServer({
    schema: options.schema ?? SMALL_SCHEMA,
    rootValue: options.rootValue ?? SMALL_ROOT,
    plugins: [createOperationLimitsPlugin(LIMITS), ...(options.spy ? [options.spy] : [])],
    ...(options.parseMaxTokens === false ? {} : { parseOptions: { maxTokens: LIMITS.maxTokens } }),
    includeStacktraceInErrorResponses: false,
  });
  servers.push(server);
  return server;
}

function single(response: GraphQLResponse) {
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

/** Hooks the request reached, in order. */
function hookSpy(seen: string[]): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() { seen.push('validation'); },
        async executionDidStart() { seen.push('execution'); },
      };
    },
  };
}

const RECORDS = 'query Records($first: Int) { subject(uscc: "A") { records(first: $first) { totalCount edges { node { id } } } } }';

describe('createOperationLimitsPlugin in Apollo Server', () => {
  it('executes an operation within the limits', async () => {
    const result = single(await startServer().executeOperation({ query: RECORDS, variables: { first: 2 } }));
    expect(result).toEqual({ status: undefined, data: { subject: { records: { totalCount: 2, edges: [{ node: { id: 'A-0' } }, { node: { id: 'A-1' } }] } } } });
  });

  it('rejects maxCost with the first given in the variables, before execution, with HTTP 400', async () => {
    const seen: string[] = [];
    // 4 + 2 × first: 200 costs 404, 300 costs 604.
    expect(single(await startServer({ spy: hookSpy(seen) }).executeOperation({ query: RECORDS, variables: { first: 200 } })).errors).toBeUndefined();
    const result = single(await servers[0]!.executeOperation({ query: RECORDS, variables: { first: 300 } }));
    expect(result).toEqual({
      status: 400,
      errors: [{
        message: 'operation cost 604 exceeds maxCost 500; ask for fewer items (smaller first/last, fewer usccs) or split the operation',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxCost', max: 500, actual: 604 },
      }],
    });
    // The second request reuses the document Apollo cached after validating the first: only execution is skipped.
    expect(seen).toEqual(['validation', 'execution']);
  });

  it('rejects maxDepth and maxAliases reached through fragments', async () => {
    const server = startServer();
    const deep = single(await server.executeOperation({ query: '{ subject(uscc: "A") { ...Up } } fragment Up on Subject { parent { ... on Subject { parent { parent { parent { name } } } } } }' }));
    expect(deep.errors?.map((e) => [e.message, e.extensions])).toEqual([[
      'operation depth 6 exceeds maxDepth 5; split the query into shallower operations',
      { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxDepth', max: 5, actual: 6 },
    ]]);
    const aliased = single(await server.executeOperation({ query: '{ a: subject(uscc: "A") { name } ...S ...S ... on Query { c: subject(uscc: "C") { name } } } fragment S on Query { b: subject(uscc: "B") { name } }' }));
    expect(aliased.status).toBe(400);
    expect(aliased.errors?.map((e) => [e.message, e.extensions])).toEqual([[
      'operation uses 4 aliases, more than maxAliases 3; send fewer aliased fields or split the operation',
      { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxAliases', max: 3, actual: 4 },
    ]]);
  });

  it('rejects maxTokens in the parser, before validation, naming the limit', async () => {
    const seen: string[] = [];
    const server = startServer({ spy: hookSpy(seen) });
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: subject(uscc: "A") { name }`).join(' ')} }`;
    const result = single(await server.executeOperation({ query }));
    expect(result).toEqual({
      status: 400,
      errors: [{
        message: 'operation has more than 60 tokens, the maxTokens limit; send a shorter document or split it',
        locations: [{ line: 1, column: 175 }], // the 61st token
        extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxTokens', max: 60 },
      }],
    });
    expect(seen).toEqual([]);
  });

  it('still rejects maxTokens when the server was started without parseOptions, after validation', async () => {
    const seen: string[] = [];
    const server = startServer({ parseMaxTokens: false, spy: hookSpy(seen) });
    const query = `{ ${Array.from({ length: 20 }, () => 'districts { code }').join(' ')} }`;
    const result = single(await server.executeOperation({ query }));
    expect(result).toEqual({
      status: 400,
      errors: [{
        message: 'operation has more than 60 tokens, the maxTokens limit; send a shorter document or split it',
        extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxTokens', max: 60 },
      }],
    });
    expect(seen).toEqual(['validation']);
  });

  it('leaves an ordinary syntax error alone', async () => {
    const result = single(await startServer().executeOperation({ query: '{ subject(uscc: "A") { name }' }));
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('rejects a fragment cycle in validation without hanging', async () => {
    const result = single(await startServer().executeOperation({ query: '{ subject(uscc: "A") { ...Up } } fragment Up on Subject { parent { ...Up } }' }));
    expect(result).toEqual({
      status: 400,
      errors: [{
        message: 'Cannot spread fragment "Up" within itself.',
        locations: [{ line: 1, column: 68 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }],
    });
  });

  it('leaves deep introspection to graphql-js\'s MaxIntrospectionDepthRule, which Apollo runs', async () => {
    const result = single(await startServer().executeOperation({ query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }' }));
    expect(result.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['Maximum introspection depth exceeded', 'GRAPHQL_VALIDATION_FAILED']]);
  });
});
