import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createOperationLimitRules, DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../../../src/governance/limits/index.js';
import { SMALL_SCHEMA } from './smallSchema.js';

const LIMITS: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, maxDepth: 5, maxAliases: 3, maxCost: 500 };

function check(document: string, variables?: Record<string, unknown>) {
  return validate(SMALL_SCHEMA, parse(document), [...specifiedRules, ...createOperationLimitRules(LIMITS, variables)]).map((e) => e.toJSON());
}

const limitError = (limit: string, max: number, actual: number, message: string) => ({
  message, locations: [{ line: 1, column: 1 }], extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, max, actual },
});

describe('createOperationLimitRules', () => {
  it('accepts an operation at each limit', () => {
    expect(check('{ subject(uscc: "A") { parent { parent { parent { name } } } } }')).toEqual([]);
    expect(check('{ a: subject(uscc: "A") { name } b: subject(uscc: "B") { name } c: subject(uscc: "C") { name } }')).toEqual([]);
  });

  it.each([
    ['plainly', '{ subject(uscc: "A") { parent { parent { parent { parent { name } } } } } }'],
    ['through named and inline fragments', '{ subject(uscc: "A") { ...Up } } fragment Up on Subject { parent { ... on Subject { parent { parent { parent { name } } } } } }'],
  ])('rejects depth 6 over maxDepth 5 reached %s', (_case, document) => {
    expect(check(document)).toEqual([limitError('maxDepth', 5, 6, 'operation depth 6 exceeds maxDepth 5; split the query into shallower operations')]);
  });

  it('counts the same aliased field through aliases, a named fragment spread twice and an inline fragment', () => {
    const document = `{ a: subject(uscc: "A") { name } ...Other ...Other ... on Query { c: subject(uscc: "C") { name } } }
      fragment Other on Query { b: subject(uscc: "B") { name } }`;
    expect(check(document)).toEqual([
      limitError('maxAliases', 3, 4, 'operation uses 4 aliases, more than maxAliases 3; send fewer aliased fields or split the operation'),
    ]);
  });

  it('costs with the variables given, else with the default page size', () => {
    const document = 'query ($first: Int) { subject(uscc: "A") { records(first: $first) { totalCount edges { node { id title } } } } }';
    expect(check(document, { first: 100 })).toEqual([]);
    expect(check(document, { first: 200 })).toEqual([
      limitError('maxCost', 500, 604, 'operation cost 604 exceeds maxCost 500; ask for fewer items (smaller first/last, fewer usccs) or split the operation'),
    ]);
    expect(check(document)).toEqual([]);
  });

  it('rejects a field repeated through fragments whose single copy is within maxCost', () => {
    const one = '{ subject(uscc: "A") { records(first: 100) { edges { node { id title } } } } }';
    expect(check(one)).toEqual([]);
    const three = `{ ...R ... on Query { subject(uscc: "A") { records(first: 100) { edges { node { id title } } } } } again: subject(uscc: "A") { records(first: 100) { edges { node { id title } } } } }
      fragment R on Query { subject(uscc: "A") { records(first: 100) { edges { node { id title } } } } }`;
    expect(check(three)).toEqual([
      limitError('maxCost', 500, 909, 'operation cost 909 exceeds maxCost 500; ask for fewer items (smaller first/last, fewer usccs) or split the operation'),
    ]);
  });

  it('reports every limit an operation exceeds', () => {
    const document = '{ a: subject(uscc: "A") { b: parent { c: parent { d: parent { e: parent { name } } } } } }';
    expect(check(document).map((e) => e.extensions)).toEqual([
      { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxDepth', max: 5, actual: 6 },
      { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxAliases', max: 3, actual: 5 },
    ]);
  });

  it('leaves fragment cycles to NoFragmentCycles without hanging', () => {
    expect(check('{ subject(uscc: "A") { ...Up } } fragment Up on Subject { parent { ...Down } } fragment Down on Subject { parent { ...Up } }').map((e) => e.message))
      .toEqual(['Cannot spread fragment "Up" within itself via "Down".']);
  });
});
