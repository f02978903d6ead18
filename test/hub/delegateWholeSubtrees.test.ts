import { createDefaultExecutor, isExternalObject, type StitchingInfo, type Subschema, type SubschemaConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import { MapperKind, mapSchema, type ExecutionRequest } from '@graphql-tools/utils';
import { graphql, GraphQLError, print, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { delegateWholeSubtrees } from '../../src/hub/delegateWholeSubtrees.js';

// A store with subjects (an interface) and their records, and a platform adding `bids` to Enterprise by USCC.
const SUBJECTS = [
  { __typename: 'Enterprise', uscc: '914403001922038216', name: '甲公司', records: [{ id: 'r1', kind: 'PENALTY' }, { id: 'r2', kind: 'COMMENDATION' }] },
  { __typename: 'GovernmentBody', uscc: '11440300MB2C92090F', name: '乙局', records: [] },
];
const store = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    interface Subject { uscc: String! name: String! records(first: Int = 10): [Record!]! }
    type Enterprise implements Subject { uscc: String! name: String! records(first: Int = 10): [Record!]! }
    type GovernmentBody implements Subject { uscc: String! name: String! records(first: Int = 10): [Record!]! }
    type Record { id: ID! kind: String! broken: String }
    type Query { subjects(usccs: [String!]!): [Subject]! enterprisesByUscc(usccs: [String!]!): [Enterprise]! }
  `,
  resolvers: {
    Subject: { __resolveType: (subject: { __typename: string }) => subject.__typename },
    Enterprise: { records: (s: { records: unknown[] }, { first }: { first: number }) => s.records.slice(0, first) },
    GovernmentBody: { records: (s: { records: unknown[] }, { first }: { first: number }) => s.records.slice(0, first) },
    Record: { broken: () => { throw new GraphQLError('the source is down', { extensions: { code: 'SOURCE_UNAVAILABLE' } }); } },
    Query: {
      subjects: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((u) => SUBJECTS.find((s) => s.uscc === u) ?? null),
      enterprisesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((u) => SUBJECTS.find((s) => s.uscc === u) ?? null),
    },
  },
});
const platform = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Enterprise { uscc: String! bids: [String!]! }
    type Query { _enterprises(usccs: [String!]!): [Enterprise]! }
  `,
  resolvers: { Query: { _enterprises: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc, bids: [`${uscc}-T1`] })) } },
});

function compose(): { stitched: GraphQLSchema; shortcut: GraphQLSchema; documentsSent: string[] } {
  const documentsSent: string[] = [];
  const execute = createDefaultExecutor(store);
  const storeConfig: SubschemaConfig = {
    schema: store,
    executor: (request: ExecutionRequest) => {
      documentsSent.push(print(request.document));
      return execute(request);
    },
    merge: { Enterprise: { selectionSet: '{ uscc }', fieldName: 'enterprisesByUscc', key: ({ uscc }: { uscc: string }) => uscc, argsFromKeys: (usccs) => ({ usccs }) } },
  };
  const platformConfig: SubschemaConfig = {
    schema: platform,
    merge: { Enterprise: { selectionSet: '{ uscc }', fieldName: '_enterprises', key: ({ uscc }: { uscc: string }) => uscc, argsFromKeys: (usccs) => ({ usccs }) } },
  };
  const stitched = stitchSchemas({ subschemas: [storeConfig, platformConfig], mergeTypes: true });
  const stitchingInfo = stitched.extensions!.stitchingInfo as StitchingInfo;
  const subschema = stitchingInfo.subschemaMap.get(storeConfig) as Subschema;
  const shortcut = delegateWholeSubtrees(stitched, { subschema, rootFields: new Set(['subjects']), stitchingInfo });
  return { stitched, shortcut, documentsSent };
}

const usccs = SUBJECTS.map((s) => s.uscc);

/** The parent objects the gateway's resolver of Enterprise.<fieldName> received while answering `source`. */
async function parentsSeenBy(schema: GraphQLSchema, source: string, spiedField = 'uscc'): Promise<unknown[]> {
  const parents: unknown[] = [];
  const spied = mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (typeName !== 'Enterprise' || fieldName !== spiedField) return field;
      const resolve = field.resolve!;
      return { ...field, resolve: (parent, args, context, info) => { parents.push(parent); return resolve(parent, args, context, info); } };
    },
  });
  await graphql({ schema: spied, source, variableValues: { usccs }, contextValue: {} });
  return parents;
}

describe('delegateWholeSubtrees', () => {
  it.each([
    ['plain fields and an interface', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc name records(first: 1) { id kind } } }'],
    ['fragments on concrete types', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { ...S ... on Enterprise { records { id } } } } fragment S on Subject { uscc __typename }'],
    ['skip and include', 'query ($usccs: [String!]!, $no: Boolean = true) { subjects(usccs: $usccs) { uscc name @skip(if: $no) records @include(if: $no) { kind } } }'],
  ])('answers %s exactly as stitching does, with one call of the store carrying the client\'s selection', async (_what, source) => {
    const { stitched, shortcut, documentsSent } = compose();
    const expected = await graphql({ schema: stitched, source, variableValues: { usccs }, contextValue: {} });
    const stitchingDocs = documentsSent.splice(0);
    const answer = await graphql({ schema: shortcut, source, variableValues: { usccs }, contextValue: {} });
    expect(answer).toEqual(expected);
    expect(answer.errors).toBeUndefined();
    expect(documentsSent).toHaveLength(1);
    expect(documentsSent[0]).toContain('subjects(usccs: $usccs)');
    expect(stitchingDocs).toHaveLength(1);
    // The gateway walked the store's plain answer, not objects stitching annotated.
    const parents = await parentsSeenBy(shortcut, source);
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.filter(isExternalObject)).toEqual([]);
  });

  it.each([
    ['a field the platform adds', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc ... on Enterprise { bids } } }'],
    ['an alias', 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { code: uscc name } }'],
  ])('leaves %s to stitching, and the answer is still stitching\'s', async (_what, source) => {
    const { stitched, shortcut, documentsSent } = compose();
    const expected = await graphql({ schema: stitched, source, variableValues: { usccs }, contextValue: {} });
    const stitchingSent = documentsSent.splice(0);
    const answer = await graphql({ schema: shortcut, source, variableValues: { usccs }, contextValue: {} });
    expect(answer).toEqual(expected);
    expect(answer.errors).toBeUndefined();
    // Stitching's own delegation and nothing more: the store is asked exactly what stitching asks it.
    expect(documentsSent).toEqual(stitchingSent);
    expect((await parentsSeenBy(shortcut, source)).every(isExternalObject)).toBe(true);
  });

  it('fetches the subject\'s USCC for the gateway\'s wrappers (the audit trail reads it) even when the client leaves it out', async () => {
    const { shortcut } = compose();
    const parents = await parentsSeenBy(shortcut, 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { name } }', 'name') as Record<string, unknown>[];
    expect(parents.map((parent) => [isExternalObject(parent), parent.uscc])).toEqual([[false, SUBJECTS[0]!.uscc]]);
  });

  it('gives an answer with an error stitching\'s data, error paths and codes', async () => {
    const { stitched, shortcut } = compose();
    const source = 'query ($usccs: [String!]!) { subjects(usccs: $usccs) { uscc records { id broken } } }';
    const expected = await graphql({ schema: stitched, source, variableValues: { usccs }, contextValue: {} });
    const answer = await graphql({ schema: shortcut, source, variableValues: { usccs }, contextValue: {} });
    expect(answer).toEqual(expected);
    expect(answer.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
      [['subjects', 0, 'records', 0, 'broken'], 'SOURCE_UNAVAILABLE'],
      [['subjects', 0, 'records', 1, 'broken'], 'SOURCE_UNAVAILABLE'],
    ]);
  });
});
