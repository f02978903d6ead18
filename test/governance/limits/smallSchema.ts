import { buildSchema, type GraphQLSchema } from 'graphql';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';

/** A small graph with the shapes the limits care about: a keyed list, a connection, an unbounded chain. */
export const SMALL_SCHEMA = buildSchema(`
  type Query {
    subject(uscc: String!): Subject
    subjects(usccs: [String!]!): [Subject]!
    districts: [District!]!
  }
  type Subject {
    uscc: String!
    name: String!
    parent: Subject
    records(first: Int, after: String): RecordConnection!
  }
  type RecordConnection { totalCount: Int! edges: [RecordEdge!]! pageInfo: PageInfo! }
  type RecordEdge { cursor: String! node: Record! }
  type Record { id: ID! title: String! authority: Subject }
  type PageInfo { hasNextPage: Boolean! }
  type District { code: String! }
`);

interface SubjectValue {
  uscc: string;
  name: string;
  parent(): SubjectValue;
  records(args: { first?: number }): unknown;
}

function subjectValue(uscc: string): SubjectValue {
  return {
    uscc,
    name: `Subject ${uscc}`,
    parent: () => subjectValue(`${uscc}^`),
    records: ({ first = 2 }) => ({
      totalCount: first,
      edges: Array.from({ length: first }, (_, i) => ({ cursor: `c${i}`, node: { id: `${uscc}-${i}`, title: `Record ${i}`, authority: null } })),
      pageInfo: { hasNextPage: false },
    }),
  };
}

/** Root value resolving SMALL_SCHEMA through graphql-js's default resolvers. */
export const SMALL_ROOT = {
  subject: ({ uscc }: { uscc: string }) => subjectValue(uscc),
  subjects: ({ usccs }: { usccs: string[] }) => usccs.map(subjectValue),
  districts: () => [{ code: '440305' }],
};

/** The committed hub schema (schema/hub.graphql). */
export function readHubSchema(): GraphQLSchema {
  return buildSchema(readSchemaFile('hub.graphql'));
}
