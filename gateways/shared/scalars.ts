import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { badUserInput, ProjectCodeScalar, UsccScalar } from '../../src/codes/index.js';

// The adapters' scalars, declared once. Date and Decimal are strings in and out: each client has already
// normalised the platform's dates and amounts. Their descriptions match the SDL, which the resolver's
// description would otherwise replace in the composed schema.

function createStringScalar(name: string, description: string, pattern: RegExp, example: string, valid: (value: string) => boolean = () => true) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value) || !valid(value)) {
      throw badUserInput(`${name} must be written like ${JSON.stringify(example)}, got ${JSON.stringify(value)}`);
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

/** GraphQL scalar `Date`: a calendar date YYYY-MM-DD; input must be a real day. */
export const DateScalar = createStringScalar(
  'Date',
  'A calendar date, YYYY-MM-DD (China Standard Time).',
  /^\d{4}-\d{2}-\d{2}$/,
  '2026-11-01',
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
);

/** GraphQL scalar `Decimal`: an exact decimal written as a string (万元 for money). */
export const DecimalScalar = createStringScalar(
  'Decimal',
  'An exact decimal number written as a string, e.g. "12.3456". Money amounts are in 10,000 yuan (万元).',
  /^-?\d+(\.\d+)?$/,
  '12.3456',
);

/** Every scalar an adapter's SDL may use, by name; `defineGateway` gives each subschema those it declares. */
export const GATEWAY_SCALARS: Readonly<Record<string, GraphQLScalarType>> = Object.freeze({
  Date: DateScalar,
  DateTime: DateTimeResolver,
  Decimal: DecimalScalar,
  USCC: UsccScalar,
  ProjectCode: ProjectCodeScalar,
});
