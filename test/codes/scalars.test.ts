import { describe, it, expect } from 'vitest';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { ProjectCodeScalar, UsccScalar } from '../../src/codes/index.js';

// The smallest schema: type Query { echo(code: USCC!): USCC  project(code: ProjectCode!): ProjectCode }
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: UsccScalar,
        args: { code: { type: new GraphQLNonNull(UsccScalar) } },
        resolve: (_source, args: { code: string }) => args.code,
      },
      project: {
        type: ProjectCodeScalar,
        args: { code: { type: new GraphQLNonNull(ProjectCodeScalar) } },
        resolve: (_source, args: { code: string }) => args.code,
      },
    },
  }),
});

// JSON form of the result, as a client receives it.
async function run(source: string, variableValues?: Record<string, unknown>): Promise<unknown> {
  return JSON.parse(JSON.stringify(await graphql({ schema, source, variableValues })));
}

const badInput = { code: 'BAD_USER_INPUT' };

describe('UsccScalar', () => {
  it.each([
    ['{ echo(code: "914403001922038216") }', '914403001922038216'],
    ['{ echo(code: "９１４４０３００１９２２０３８２１６") }', '914403001922038216'],
    ['{ echo(code: " 91350100m000100y43 ") }', '91350100M000100Y43'],
  ])('parses the literal in %s', async (source, echo) => {
    expect(await run(source)).toEqual({ data: { echo } });
  });

  it.each([
    ['914403001922038217', 'USCC "914403001922038217" is invalid: check character should be 6, got 7'],
    ['91350100M000100Y4Z', 'USCC "91350100M000100Y4Z" is invalid: check character should be 3, got Z'],
    ['9144030019220382', 'USCC "9144030019220382" is invalid: must be 18 characters, got 16'],
  ])('rejects the literal %s as bad user input', async (code, message) => {
    expect(await run(`{ echo(code: "${code}") }`)).toEqual({
      errors: [{ message, locations: [{ line: 1, column: 14 }], extensions: badInput }],
    });
  });

  it('rejects a non-string literal', async () => {
    expect(await run('{ echo(code: 914403) }')).toEqual({
      errors: [{ message: 'USCC must be a string, got 914403', locations: [{ line: 1, column: 14 }], extensions: badInput }],
    });
  });

  it('parses a variable', async () => {
    expect(await run('query ($c: USCC!) { echo(code: $c) }', { c: '９１４４０３００１９２２０３８２１６' })).toEqual({
      data: { echo: '914403001922038216' },
    });
  });

  it.each([
    ['914403001922038217', 'Variable "$c" got invalid value "914403001922038217"; USCC "914403001922038217" is invalid: check character should be 6, got 7'],
    [914403, 'Variable "$c" got invalid value 914403; USCC must be a string, got number 914403'],
  ])('rejects the variable %j as bad user input', async (c, message) => {
    expect(await run('query ($c: USCC!) { echo(code: $c) }', { c })).toEqual({
      errors: [{ message, locations: [{ line: 1, column: 8 }], extensions: badInput }],
    });
  });

  it('describes itself with the Chinese term', () => {
    expect(UsccScalar.description).toMatch(/^Unified Social Credit Code \(统一社会信用代码, GB 32100-2015\)/);
  });

  it('serializes stored strings unchanged, even codes that fail their check (real data has them)', () => {
    expect(UsccScalar.serialize('914403001922038217')).toBe('914403001922038217');
    expect(() => UsccScalar.serialize(914403)).toThrow('USCC cannot represent number 914403');
  });
});

describe('ProjectCodeScalar', () => {
  it.each([
    ['2108-440305-04-01-333721', '2108-440305-04-01-333721'],
    ['２０１８－４４０３００－６５－０１－５０２６３１', '2018-440300-65-01-502631'],
    // A failed MOD 11,10 check is only a warning: the scalar accepts the code.
    ['21084403050401333722', '2108-440305-04-01-333722'],
  ])('parses the literal %s', async (code, project) => {
    expect(await run(`{ project(code: "${code}") }`)).toEqual({ data: { project } });
  });

  it('rejects an invalid literal as bad user input', async () => {
    expect(await run('{ project(code: "2113-440305-04-01-333721") }')).toEqual({
      errors: [
        {
          message:
            'ProjectCode "2113-440305-04-01-333721" is invalid: first four digits 2113 are neither an old-format year (1990-2020) nor a new-format YYMM (month 01-12)',
          locations: [{ line: 1, column: 17 }],
          extensions: badInput,
        },
      ],
    });
  });

  it('describes itself with the Chinese term', () => {
    expect(ProjectCodeScalar.description).toMatch(/^Investment project code \(投资项目代码\)/);
  });

  it('rejects a non-string literal', async () => {
    expect(await run('{ project(code: ["2108-440305-04-01-333721"]) }')).toEqual({
      errors: [
        {
          message: 'ProjectCode must be a string, got ["2108-440305-04-01-333721"]',
          locations: [{ line: 1, column: 17 }],
          extensions: badInput,
        },
      ],
    });
  });
});
