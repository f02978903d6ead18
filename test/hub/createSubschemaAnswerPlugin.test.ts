import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { print } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { createCreditSubschema, KnexCreditStore } from '../../src/credit/index.js';
import {
  classifySchema, createRateLimiter, DEFAULT_OPERATION_LIMITS, KnexAuditLedger, KnexConsumerStore, type RateLimiter,
} from '../../src/governance/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { createAdmission, type HubContext } from '../../src/hub/createAdmission.js';
import { createGraphqlServers, type GraphqlServers } from '../../src/hub/createGraphqlServers.js';
import { createLogger } from '../../src/hub/logger.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';

// The hub's servers on the small sample data, beside the same composed graph under a bare Apollo server (the gateway's
// own execution, no governance), which is the reference: for a query the credit store answers alone with nothing for
// governance to do, the store's answer for the client's selection must be exactly what the gateway would have given.
const QUERY = /* GraphQL */ `
  query Check($usccs: [USCC!]!, $first: Int = 3, $withRecords: Boolean = true) {
    subjects(usccs: $usccs) {
      __typename
      code: uscc
      ...Named
      ... on Enterprise { registrationStatus }
      creditRecords(first: $first) @include(if: $withRecords) { totalCount edges { node { id kind decisionDate authority { name } } } }
    }
  }
  fragment Named on CreditSubject { name }
`;

describe('createSubschemaAnswerPlugin', () => {
  let seeded: { knex: Knex; close(): Promise<void> };
  let servers: GraphqlServers;
  let bare: ApolloServer;
  let rateLimiter: RateLimiter;
  let admit: (req: IncomingMessage) => ReturnType<ReturnType<typeof createAdmission>>;
  let usccs: string[];
  let office: Record<string, string>;
  const sent: string[] = [];

  beforeAll(async () => {
    seeded = await createSeededKnex(TEST_DATABASES[0]!);
    const { knex } = seeded;
    const credit = await createCreditSubschema(KnexCreditStore.create(knex));
    const execute = credit.executor as Executor;
    const recorded: SubschemaConfig = { ...credit, executor: (request: ExecutionRequest) => { sent.push(print(request.document)); return execute(request); } };
    const schema = composeHubSchema({ credit: recorded, adapters: [] });
    const options = { schema, classification: classifySchema(schema), ledger: KnexAuditLedger.create(knex), logger: createLogger('error'), isTrustedDocument: async () => false };
    servers = await createGraphqlServers({ ...options, limits: DEFAULT_OPERATION_LIMITS });
    bare = new ApolloServer({ schema });
    await bare.start();
    rateLimiter = createRateLimiter(knex);
    admit = createAdmission({
      consumers: KnexConsumerStore.create(knex), knex, rateLimiter, publicServer: servers.publicServer, internalServer: servers.internalServer,
      publicRateLimitPerMinute: 1_000_000, authFailureLimitPerMinute: 1_000, logger: createLogger('error'),
    });
    // Subjects with records, an enterprise and a government body among them, and one code nobody has.
    const withRecords = (kind: string) => knex('organisations').where({ kind }).whereIn('uscc', knex('credit_records').select('subject_uscc')).orderBy('uscc').limit(2).pluck('uscc');
    const { apiKey } = await KnexConsumerStore.create(knex).createConsumer({
      id: 'answer-plugin-office', name: 'credit office', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'],
      grants: [{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }], rateLimitPerMinute: 1_000_000,
    });
    office = { authorization: `Bearer ${apiKey}`, 'x-purpose': 'SUPERVISION', 'x-case-reference': 'ANSWER-PLUGIN-1' };
    usccs = [...await withRecords('ENTERPRISE'), ...await withRecords('GOVERNMENT_BODY'), makeUscc('91', '440300', 'MA5F0000')];
  });
  afterAll(async () => {
    await rateLimiter?.stop();
    await servers?.stop();
    await bare?.stop();
    await seeded?.close();
  });

  async function as(headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
    const admission = await admit({ headers, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage);
    if ('refusal' in admission) throw new Error(admission.refusal.message);
    const context = admission.context as HubContext;
    const response = await admission.apollo.executeOperation<Record<string, unknown>>({ query, variables }, { contextValue: context });
    return { status: response.http.status ?? 200, body: JSON.parse(JSON.stringify(response.body)) as unknown, trail: context.governance.trail };
  }
  const asPublic = async (query: string, variables: Record<string, unknown>) => {
    const { status, body } = await as({}, query, variables);
    return { status, body };
  };

  async function reference(server: ApolloServer, query: string, variables: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables }, { contextValue: {} });
    return { status: response.http.status ?? 200, body: JSON.parse(JSON.stringify(response.body)) as unknown };
  }

  it.each([
    ['records included, the page size defaulted', {}],
    ['records left out by @include', { withRecords: false }],
    ['a page of one', { first: 1 }],
  ])('gives the public exactly the gateway\'s answer, from the store\'s answer to the client\'s own selection (%s)', async (_case, extra) => {
    const variables = { usccs, ...extra };
    sent.length = 0;
    const answer = await asPublic(QUERY, variables);
    // One document went to the store, and it is the client's selection: no merge key or type name added for the gateway.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('code: uscc');
    expect(sent[0]).not.toMatch(/^\s+uscc$/m);
    expect(answer).toEqual(await reference(bare, QUERY, variables));
    expect((answer.body as { singleResult: { data: { subjects: unknown[] } } }).singleResult.data.subjects).toHaveLength(usccs.length);
  });

  it.each([
    ['the USCC selected', QUERY.replace('code: uscc', 'uscc')],
    ['the USCC selected under an alias', QUERY],
  ])('puts a full-disclosure read of records on the audit trail with every subject read, and answers as the gateway does (%s)', async (_case, query) => {
    sent.length = 0;
    const answered = await as(office, query, { usccs });
    expect(sent).toHaveLength(1);
    // The same query with the root's __typename, which the store does not serve: the gateway resolves it field by field.
    const walked = await as(office, query.replace('subjects(usccs: $usccs) {', '__typename subjects(usccs: $usccs) {'), { usccs });
    const { __typename, ...data } = (walked.body as { singleResult: { data: Record<string, unknown> } }).singleResult.data;
    expect(__typename).toBe('Query');
    expect(answered.body).toEqual({ kind: 'single', singleResult: { data } });
    expect([...answered.trail.fieldsRead].sort()).toEqual(['Enterprise.creditRecords', 'GovernmentBody.creditRecords']);
    // Every subject whose records were listed (the gateway's walk misses the government bodies when the client aliases
    // the USCC: stitching then fetches no `uscc` for them).
    expect([...answered.trail.subjectUsccs].sort()).toEqual(usccs.slice(0, 4).sort());
    if (!query.includes('code: uscc')) expect(answered.trail).toEqual(walked.trail);
  });

  it('leaves a query with an invalid argument to the gateway, whose error names the argument', async () => {
    const variables = { usccs: ['not-a-code'] };
    const answer = await asPublic(QUERY, variables);
    expect(answer.body).toEqual((await reference(bare, QUERY, variables)).body);
    expect(JSON.stringify(answer.body)).toContain('usccs');
  });
});
