import { batchDelegateToSchema } from '@graphql-tools/batch-delegate';
import { isExternalObject, type StitchingInfo, type Subschema, type SubschemaConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { graphql, GraphQLError, GraphQLScalarType, OperationTypeNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { relocateDelegatedErrors } from '../../src/hub/relocateDelegatedErrors.js';
import { resolvePlainSubtrees } from '../../src/hub/resolvePlainSubtrees.js';

// A code scalar that normalises what it parses (as USCC does): stitching re-parses every leaf a subschema returns with
// the gateway's scalar, so a plain answer must too.
const Code = new GraphQLScalarType({
  name: 'Code',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^[a-z0-9]+$/i.test(value)) throw new GraphQLError(`bad code ${String(value)}`);
    return value.toUpperCase();
  },
});

// A store with subjects (an interface) whose records name an authority (a subject too), and a platform adding `bids`
// to Enterprise by code, each bid naming its tenderer by code (a link the gateway resolves from the store).
const SUBJECTS = [
  { __typename: 'Enterprise', code: 'e1', name: '甲公司', records: [{ id: 'r1', kind: 'PENALTY', authority: 'g1' }, { id: 'r2', kind: 'COMMENDATION', authority: 'g1' }] },
  { __typename: 'GovernmentBody', code: 'g1', name: '乙局', records: [] },
  { __typename: 'Enterprise', code: 'e2', name: '丙公司', records: [{ id: 'r3', kind: 'PENALTY', authority: 'bad code!' }, { id: 'r4', kind: 'COMMENDATION', authority: 'e1' }] },
];
const subjectsBy = (codes: string[]) => codes.map((code) => SUBJECTS.find((s) => s.code.toUpperCase() === code.toUpperCase()) ?? null);
const store = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    scalar Code
    enum Kind { PENALTY COMMENDATION }
    interface Subject { code: Code! name: String! records: [Record!]! }
    type Enterprise implements Subject { code: Code! name: String! records: [Record!]! }
    type GovernmentBody implements Subject { code: Code! name: String! records: [Record!]! }
    type Record { id: ID! kind: Kind! authorityCode: Code authority: Subject broken: String }
    type Query { subjects(codes: [Code!]!): [Subject]! enterprisesByCode(codes: [Code!]!): [Enterprise]! }
  `,
  resolvers: {
    Code,
    Subject: { __resolveType: (subject: { __typename: string }) => subject.__typename },
    Record: {
      authorityCode: (record: { authority: string }) => record.authority,
      authority: (record: { authority: string }) => subjectsBy([record.authority])[0],
      broken: () => { throw new GraphQLError('the source is down', { extensions: { code: 'SOURCE_UNAVAILABLE' } }); },
    },
    Query: {
      subjects: (_: unknown, { codes }: { codes: string[] }) => subjectsBy(codes),
      enterprisesByCode: (_: unknown, { codes }: { codes: string[] }) => subjectsBy(codes),
    },
  },
});

function createPlatform(down: boolean) {
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      scalar Code
      type Bid { tender: String! price: String! tendererCode: Code! }
      type Enterprise { code: Code! bids: [Bid!] }
      type Query { _enterprises(codes: [Code!]!): [Enterprise]! }
    `,
    resolvers: {
      Code,
      Query: {
        _enterprises: (_: unknown, { codes }: { codes: string[] }) => {
          if (down) throw new GraphQLError('the bidding platform is down', { extensions: { code: 'SOURCE_UNAVAILABLE' } });
          return codes.map((code) => ({ code, bids: [{ tender: `${code}-T1`, price: '12.5', tendererCode: 'g1' }] }));
        },
      },
    },
  });
}

const byCode = (fieldName: string) => ({ selectionSet: '{ code }', fieldName, key: ({ code }: { code: string }) => code, argsFromKeys: (codes: readonly string[]) => ({ codes }) });

/** The graph stitched as the hub stitches it (errors relocated), with and without plain subtrees. */
function compose({ platformDown = false } = {}): { stitched: GraphQLSchema; plain: GraphQLSchema } {
  const storeConfig: SubschemaConfig = { schema: store, merge: { Enterprise: byCode('enterprisesByCode') } };
  const platformConfig: SubschemaConfig = { schema: createPlatform(platformDown), merge: { Enterprise: byCode('_enterprises') } };
  let storeSubschema: Subschema | undefined;
  const schema = stitchSchemas({
    subschemas: [storeConfig, platformConfig],
    mergeTypes: true,
    typeDefs: 'extend type Bid { tenderer: Subject }',
    resolvers: {
      Code,
      Bid: {
        tenderer: {
          selectionSet: '{ tendererCode }',
          resolve: (bid: { tendererCode: string }, _args: unknown, context: Record<string, unknown>, info: GraphQLResolveInfo) => batchDelegateToSchema({
            schema: storeSubschema!, operation: OperationTypeNode.QUERY, fieldName: 'subjects', key: bid.tendererCode, argsFromKeys: (codes) => ({ codes }), context, info,
          }),
        },
      },
    },
  });
  const stitchingInfo = schema.extensions!.stitchingInfo as StitchingInfo;
  storeSubschema = stitchingInfo.subschemaMap.get(storeConfig);
  const merged = new Set(['Enterprise']);
  return { stitched: relocateDelegatedErrors(schema, merged), plain: relocateDelegatedErrors(resolvePlainSubtrees(schema, stitchingInfo), merged) };
}

const codes = ['e1', 'g1', 'E2', 'nobody'];

/** Runs `source` on both graphs; returns both answers and whether the gateway's Record.kind saw annotated parents. */
async function both(source: string, options: { platformDown?: boolean } = {}) {
  const { stitched, plain } = compose(options);
  const parents: unknown[] = [];
  const spied = mapSchema(plain, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (typeName !== 'Record' || fieldName !== 'id') return field;
      const resolve = field.resolve!;
      return { ...field, resolve: (parent, args, context, info) => { parents.push(parent); return resolve(parent, args, context, info); } };
    },
  });
  const expected = await graphql({ schema: stitched, source, variableValues: { codes }, contextValue: {} });
  const answer = await graphql({ schema: spied, source, variableValues: { codes }, contextValue: {} });
  return { expected, answer, parents };
}

const SUBJECTS_QUERY = (inner: string) => `query ($codes: [Code!]!) { subjects(codes: $codes) { code name records { id kind authorityCode authority { code name } } ${inner} } }`;

describe('resolvePlainSubtrees', () => {
  it.each([
    ['records alone', SUBJECTS_QUERY('')],
    ['records and a platform\'s bids with their linked tenderer', SUBJECTS_QUERY('... on Enterprise { bids { tender price tenderer { code name } } }')],
    ['fragments and skip/include', 'query ($codes: [Code!]!, $yes: Boolean = true) { subjects(codes: $codes) { ...S ... on Enterprise { bids @include(if: $yes) { price } } } } fragment S on Subject { __typename records { ... on Record { id kind @skip(if: $yes) } } }'],
  ])('answers %s exactly as stitching does, and the gateway walks plain records', async (_what, source) => {
    const { expected, answer, parents } = await both(source);
    expect(answer).toEqual(expected);
    expect(answer.errors).toBeUndefined();
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.filter((parent) => isExternalObject(parent as never))).toEqual([]);
  });

  it('parses every leaf with the gateway\'s scalar, as stitching does: a code it refuses is null', async () => {
    const { expected, answer } = await both(SUBJECTS_QUERY(''));
    expect(answer).toEqual(expected);
    const data = answer.data as { subjects: Array<{ code: string; records: Array<{ authorityCode: string | null }> } | null> };
    expect(data.subjects.map((subject) => subject?.code ?? null)).toEqual(['E1', 'G1', 'E2', null]);
    expect(data.subjects[2]!.records[0]!.authorityCode).toBeNull();
  });

  it('leaves a subtree with a field of another subschema to stitching, and the answer is still stitching\'s', async () => {
    const source = SUBJECTS_QUERY('').replace('authority { code name }', 'authority { code name ... on Enterprise { bids { tender } } }');
    const { expected, answer, parents } = await both(source);
    expect(answer).toEqual(expected);
    expect(answer.errors).toBeUndefined();
    const data = answer.data as { subjects: Array<{ records: Array<{ authority: { bids?: unknown } | null }> } | null> };
    expect(data.subjects[2]!.records[1]!.authority!.bids).toEqual([{ tender: 'E1-T1' }]);
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.every((parent) => isExternalObject(parent as never))).toBe(true);
  });

  it('leaves aliases to stitching', async () => {
    const { expected, answer, parents } = await both('query ($codes: [Code!]!) { subjects(codes: $codes) { records { id type: kind } } }');
    expect(answer).toEqual(expected);
    expect(parents.every((parent) => isExternalObject(parent as never))).toBe(true);
  });

  it('gives stitching\'s data, error paths and codes when a source field fails inside a plain subtree', async () => {
    const { expected, answer, parents } = await both('query ($codes: [Code!]!) { subjects(codes: $codes) { code records { id broken } } }');
    expect(answer).toEqual(expected);
    expect(parents.filter((parent) => isExternalObject(parent as never))).toEqual([]);
    expect(answer.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
      [['subjects', 0, 'records', 0, 'broken'], 'SOURCE_UNAVAILABLE'],
      [['subjects', 0, 'records', 1, 'broken'], 'SOURCE_UNAVAILABLE'],
      [['subjects', 2, 'records', 0, 'broken'], 'SOURCE_UNAVAILABLE'],
      [['subjects', 2, 'records', 1, 'broken'], 'SOURCE_UNAVAILABLE'],
    ]);
  });

  it('gives null and stitching\'s located error for each subject when the platform is down, and the records still', async () => {
    const { expected, answer, parents } = await both(SUBJECTS_QUERY('... on Enterprise { bids { tender tenderer { code } } }'), { platformDown: true });
    expect(answer).toEqual(expected);
    expect(answer.errors?.map((e) => [e.path, e.message, e.extensions.code])).toEqual([
      [['subjects', 0, 'bids'], 'the bidding platform is down', 'SOURCE_UNAVAILABLE'],
      [['subjects', 2, 'bids'], 'the bidding platform is down', 'SOURCE_UNAVAILABLE'],
    ]);
    const data = answer.data as { subjects: Array<{ bids?: unknown; records: unknown[] } | null> };
    expect(data.subjects[0]!.bids).toBeNull();
    expect(data.subjects[0]!.records).toHaveLength(2);
    expect(parents.filter((parent) => isExternalObject(parent as never))).toEqual([]);
  });
});
