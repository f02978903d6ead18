import { batchDelegateToSchema } from '@graphql-tools/batch-delegate';
import { createDefaultExecutor, type StitchingInfo, type Subschema, type SubschemaConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import type { ExecutionRequest } from '@graphql-tools/utils';
import { graphql, GraphQLError, OperationTypeNode, print, type ExecutionResult, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { delegateWholeSubtrees } from '../../src/hub/delegateWholeSubtrees.js';
import { relocateDelegatedErrors } from '../../src/hub/relocateDelegatedErrors.js';
import { resolvePlainSubtrees } from '../../src/hub/resolvePlainSubtrees.js';

// A store with subjects and their records; a bidding platform adding bids (each naming its tenderer, a link the gateway
// resolves from the store) to Enterprise, and a service platform adding cases to Enterprise and a summary to
// GovernmentBody, each merged by USCC in one batch per level.
const SUBJECTS = [
  { __typename: 'Enterprise', uscc: 'E1', name: '甲公司', records: [{ id: 'r1', kind: 'PENALTY' }, { id: 'r2', kind: 'COMMENDATION' }] },
  { __typename: 'GovernmentBody', uscc: 'G1', name: '乙局', records: [{ id: 'r3', kind: 'PENALTY' }] },
  { __typename: 'Enterprise', uscc: 'E2', name: '丙公司', records: [] },
];
const byUscc = (usccs: string[]) => usccs.map((uscc) => SUBJECTS.find((s) => s.uscc === uscc) ?? null);
const store = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    enum Kind { PENALTY COMMENDATION }
    interface Subject { uscc: String! name: String! records: [Record!]! }
    type Enterprise implements Subject { uscc: String! name: String! records: [Record!]! }
    type GovernmentBody implements Subject { uscc: String! name: String! records: [Record!]! }
    type Record { id: ID! kind: Kind! }
    type Query { subjects(usccs: [String!]!): [Subject]! enterprisesByUscc(usccs: [String!]!): [Enterprise]! governmentBodiesByUscc(usccs: [String!]!): [GovernmentBody]! }
  `,
  resolvers: {
    Subject: { __resolveType: (subject: { __typename: string }) => subject.__typename },
    Query: {
      subjects: (_: unknown, { usccs }: { usccs: string[] }) => byUscc(usccs),
      enterprisesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => byUscc(usccs),
      governmentBodiesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => byUscc(usccs),
    },
  },
});

type Platform = 'bidding' | 'service';
interface Behaviour { down?: Platform[]; later?: Platform[]; waitFor?: { platform: Platform; until: Promise<unknown> }; answered?: (platform: Platform) => void }

function createPlatforms(behaviour: Behaviour, calls: string[]) {
  const answer = async <T>(platform: Platform, usccs: string[], row: (uscc: string) => T): Promise<T[]> => {
    calls.push(`${platform}(${usccs.join(',')})`);
    if (behaviour.waitFor?.platform === platform) await behaviour.waitFor.until;
    if (behaviour.later?.includes(platform)) await new Promise((resolve) => setTimeout(resolve, 5));
    behaviour.answered?.(platform);
    if (behaviour.down?.includes(platform)) throw new GraphQLError(`the ${platform} platform is down`, { extensions: { code: 'SOURCE_UNAVAILABLE' } });
    return usccs.map(row);
  };
  const bidding = makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      type Bid { tender: String! price: String! tendererUscc: String! }
      type Enterprise { uscc: String! bids: [Bid!] }
      type Query { _biddingEnterprises(usccs: [String!]!): [Enterprise]! }
    `,
    resolvers: { Query: { _biddingEnterprises: (_: unknown, { usccs }: { usccs: string[] }) => answer('bidding', usccs, (uscc) => ({ uscc, bids: [{ tender: `${uscc}-T1`, price: '12.5', tendererUscc: 'G1' }] })) } },
  });
  const service = makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      type Enterprise { uscc: String! cases: [String!] }
      type GovernmentBody { uscc: String! onTimeRate: Float }
      type Query { _serviceEnterprises(usccs: [String!]!): [Enterprise]! _serviceBodies(usccs: [String!]!): [GovernmentBody]! }
    `,
    resolvers: {
      Query: {
        _serviceEnterprises: (_: unknown, { usccs }: { usccs: string[] }) => answer('service', usccs, (uscc) => ({ uscc, cases: [`${uscc}-C1`] })),
        _serviceBodies: (_: unknown, { usccs }: { usccs: string[] }) => answer('service', usccs, (uscc) => ({ uscc, onTimeRate: 0.9 })),
      },
    },
  });
  return { bidding, service };
}

const merge = (fieldName: string) => ({ selectionSet: '{ uscc }', fieldName, key: ({ uscc }: { uscc: string }) => uscc, argsFromKeys: (usccs: readonly string[]) => ({ usccs }) });

/** The graph as the hub composes it, with the shortcuts and as stitching alone answers it; `storeCalls` records the store's documents. */
function compose(behaviour: Behaviour = {}): { stitched: GraphQLSchema; hub: GraphQLSchema; storeCalls: string[]; platformCalls: string[] } {
  const storeCalls: string[] = [];
  const platformCalls: string[] = [];
  const execute = createDefaultExecutor(store);
  const storeConfig: SubschemaConfig = {
    schema: store,
    executor: (request: ExecutionRequest) => {
      storeCalls.push(print(request.document).replace(/\s+/g, ' '));
      return execute(request);
    },
    merge: { Enterprise: merge('enterprisesByUscc'), GovernmentBody: merge('governmentBodiesByUscc') },
  };
  const { bidding, service } = createPlatforms(behaviour, platformCalls);
  let storeSubschema: Subschema | undefined;
  const schema = stitchSchemas({
    subschemas: [
      storeConfig,
      { schema: bidding, merge: { Enterprise: merge('_biddingEnterprises') } },
      { schema: service, merge: { Enterprise: merge('_serviceEnterprises'), GovernmentBody: merge('_serviceBodies') } },
    ],
    mergeTypes: true,
    typeDefs: 'extend type Bid { tenderer: Subject }',
    resolvers: {
      Bid: {
        tenderer: {
          selectionSet: '{ tendererUscc }',
          resolve: (bid: { tendererUscc: string }, _args: unknown, context: Record<string, unknown>, info: GraphQLResolveInfo) => batchDelegateToSchema({
            schema: storeSubschema!, operation: OperationTypeNode.QUERY, fieldName: 'subjects', key: bid.tendererUscc, argsFromKeys: (usccs) => ({ usccs }), context, info,
          }),
        },
      },
    },
  });
  const stitchingInfo = schema.extensions!.stitchingInfo as StitchingInfo;
  storeSubschema = stitchingInfo.subschemaMap.get(storeConfig);
  const merged = new Set(['Enterprise', 'GovernmentBody']);
  const hub = delegateWholeSubtrees(relocateDelegatedErrors(resolvePlainSubtrees(schema, stitchingInfo), merged), {
    subschema: storeSubschema!, rootFields: new Set(['subjects']), stitchingInfo, mergeBehind: true,
  });
  return { stitched: relocateDelegatedErrors(schema, merged), hub, storeCalls, platformCalls };
}

const usccs = ['E1', 'G1', 'E2', 'nobody'];
const FOUR_SOURCES = `query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc name records { id kind }
  ... on Enterprise { bids { tender price tenderer { uscc name } } cases }
  ... on GovernmentBody { onTimeRate } } }`;

async function run(schema: GraphQLSchema, source = FOUR_SOURCES): Promise<ExecutionResult> {
  return graphql({ schema, source, variableValues: { usccs }, contextValue: {} });
}

describe('mergeBehindAnswer (through delegateWholeSubtrees with mergeBehind)', () => {
  it('answers subjects with records from the store and fields of two platforms exactly as stitching does', async () => {
    const { stitched, hub, storeCalls, platformCalls } = compose();
    const expected = await run(stitched);
    storeCalls.splice(0);
    platformCalls.splice(0);
    const answer = await run(hub);
    expect(answer).toEqual(expected);
    expect(answer.errors).toBeUndefined();
    // The store is asked once for the subjects (its part of the selection and the keys) and once for the bids' tenderers.
    expect(storeCalls).toHaveLength(2);
    expect(storeCalls[0]).toContain('subjects(usccs: $usccs)');
    expect(storeCalls[0]).not.toContain('bids');
    expect(storeCalls[1]).toContain('subjects(usccs:');
    // One batched call per platform entry point, as stitching makes.
    expect(platformCalls.sort()).toEqual(['bidding(E1,E2)', 'service(E1,E2)', 'service(G1)']);
  });

  it('gives null and the located error of each subject for the platform that is down, the rest answered, as stitching does', async () => {
    const { stitched, hub } = compose({ down: ['bidding'] });
    const expected = await run(stitched);
    const answer = await run(hub);
    expect(answer).toEqual(expected);
    expect(answer.errors?.map((e) => [e.path, e.message, e.extensions.code])).toEqual([
      [['subjects', 0, 'bids'], 'the bidding platform is down', 'SOURCE_UNAVAILABLE'],
      [['subjects', 2, 'bids'], 'the bidding platform is down', 'SOURCE_UNAVAILABLE'],
    ]);
    expect((answer.data as { subjects: Array<{ cases?: unknown } | null> }).subjects[0]!.cases).toEqual(['E1-C1']);
  });

  it('gives stitching\'s data and located errors when both platforms are down (their order follows when each merge ends, in stitching too)', async () => {
    const { stitched, hub } = compose({ down: ['bidding', 'service'] });
    const expected = await run(stitched);
    const answer = await run(hub);
    expect(answer.data).toEqual(expected.data);
    const located = (result: ExecutionResult) => result.errors!.map((e) => JSON.stringify([e.path, e.message, e.extensions.code])).sort();
    expect(located(answer)).toEqual(located(expected));
    expect(answer.errors).toHaveLength(5);
  });

  it('looks the bids\' tenderers up as soon as the bidding platform has answered, without waiting for the other platform', async () => {
    const events: string[] = [];
    let tenderersAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => { tenderersAsked = resolve; });
    // The service platform answers once the tenderers have been asked for (or, if they are not, after a while); the
    // bidding platform answers after the gateway has begun to walk the subjects.
    const { hub, storeCalls } = compose({
      later: ['bidding'],
      waitFor: { platform: 'service', until: Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 500))]) },
      answered: (platform) => void events.push(`${platform} answered`),
    });
    const watching = setInterval(() => {
      if (storeCalls.length < 2 || events.includes('tenderers asked')) return;
      events.push('tenderers asked');
      tenderersAsked();
    }, 1);
    const answer = await run(hub);
    clearInterval(watching);
    const { stitched } = compose();
    expect(answer).toEqual(await run(stitched));
    expect(events.filter((event) => event !== 'bidding answered')).toEqual(['tenderers asked', 'service answered', 'service answered']);
  });

  it('merges objects nested below a merged field as stitching does (a tenderer\'s figures from the service platform)', async () => {
    const { stitched, hub } = compose();
    const source = 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc ... on Enterprise { bids { tenderer { uscc ... on GovernmentBody { onTimeRate } } } } } }';
    const expected = await run(stitched, source);
    expect(expected.errors).toBeUndefined();
    expect(await run(hub, source)).toEqual(expected);
  });
});
