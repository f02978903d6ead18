import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../codes/index.js';

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw badUserInput(`Decimal must be a decimal number written as a string such as "12.5", got ${JSON.stringify(value)}`);
  }
  return text;
}

/** Exact decimal, serialised as a string so that no amount is ever rounded by a float. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number written as a string, e.g. "12.3456". Money amounts are in 10,000 yuan (万元).',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) {
      throw badUserInput('Decimal must be written as a string such as "12.5"');
    }
    return parseDecimal(ast.value);
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw badUserInput(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date without time zone (Beijing time is implied for legal deadlines). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date written YYYY-MM-DD (dates of decisions and deadlines, China Standard Time).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
