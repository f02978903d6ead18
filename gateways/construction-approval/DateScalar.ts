import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/**
 * GraphQL scalar `Date` of this subschema: YYYY-MM-DD strings in and out (the client has already
 * normalised the platform's dates). A subschema never imports another's scalars, hence its own.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (China Standard Time).',
  serialize: (value) => {
    if (typeof value !== 'string' || !DATE.test(value)) throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
