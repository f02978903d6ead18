import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// A subschema never imports another's scalars, so this one carries its own Date and Decimal. Both are
// strings in and out: the client has already normalised the platform's dates and amounts.

function createStringScalar(name: string, description: string, pattern: RegExp, example: string): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw new GraphQLError(`${name} must be written like ${JSON.stringify(example)}, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize(value) {
      if (typeof value !== 'string' || !pattern.test(value)) throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}`);
      return value;
    },
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** GraphQL scalar `Date` of the bidding subschema: YYYY-MM-DD. */
export const DateScalar = createStringScalar('Date', 'A calendar date, YYYY-MM-DD (China Standard Time).', /^\d{4}-\d{2}-\d{2}$/, '2026-11-01');

/** GraphQL scalar `Decimal` of the bidding subschema: an exact decimal written as a string (万元 for money). */
export const DecimalScalar = createStringScalar(
  'Decimal',
  'An exact decimal number written as a string, e.g. "12.3456". Money amounts are in 10,000 yuan (万元).',
  /^-?\d+(\.\d+)?$/,
  '12.3456',
);
