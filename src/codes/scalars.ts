import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { badUserInput } from './errorCodes.js';
import type { ValueNode } from 'graphql';
import { validateUscc } from './uscc.js';
import { validateProjectCode } from './projectCode.js';
import type { InvalidCode } from './InvalidCodeError.js';

type CodeScalarSpec = {
  name: string;
  description: string;
  validate: (input: string) => { ok: true; value: string } | InvalidCode;
};

function badInput(message: string, node?: ValueNode): GraphQLError {
  return badUserInput(message, {}, node === undefined ? {} : { nodes: node });
}

function describeNonString(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
  return `${typeof value} ${String(value)}`;
}

// Both scalars are strings in and out: input is normalised and validated, output passes through
// unchanged so a stored code that fails its check (real data does) still reads back.
function createCodeScalar(spec: CodeScalarSpec): GraphQLScalarType<string, string> {
  const { name, description, validate } = spec;
  const parse = (input: string, node?: ValueNode): string => {
    const result = validate(input);
    if (!result.ok) throw badInput(`${name} "${result.normalised}" is invalid: ${result.reason}`, node);
    return result.value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize(value) {
      if (typeof value !== 'string') {
        throw new GraphQLError(`${name} cannot represent ${describeNonString(value)}`);
      }
      return value;
    },
    parseValue(value) {
      if (typeof value !== 'string') {
        throw badInput(`${name} must be a string, got ${describeNonString(value)}`);
      }
      return parse(value);
    },
    parseLiteral(node) {
      if (node.kind !== Kind.STRING) {
        throw badInput(`${name} must be a string, got ${print(node)}`, node);
      }
      return parse(node.value, node);
    },
  });
}

/** GraphQL scalar `USCC`: parses to the normalised code, rejects invalid input as BAD_USER_INPUT. */
export const UsccScalar = createCodeScalar({
  name: 'USCC',
  description:
    'Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Z ' +
    'without I, O, Z, S, V — registration department and category (e.g. 91 enterprise, 11 government ' +
    'body), 6-digit area code, 9-character organisation code and a check character. Input is ' +
    'normalised (case, whitespace, full-width characters) and must pass both the organisation-code ' +
    'check (position 17) and the final check; output is the normalised code.',
  validate: validateUscc,
});

/** GraphQL scalar `ProjectCode`: parses to the normalised, hyphenated code (warnings dropped). */
export const ProjectCodeScalar = createCodeScalar({
  name: 'ProjectCode',
  description:
    'Investment project code (投资项目代码), 24 characters with hyphens, in the old format ' +
    'YYYY-AAAAAA-II-TT-NNNNNN (year, area, industry, type, sequence; issued until October 2020) or the ' +
    'new format YYMM-AAAAAA-DD-PP-RRRRRC (GB/T 40058-2021: month, area, supervising department, ' +
    'project type, random digits, check digit). Input is normalised (whitespace, full-width ' +
    'characters) and 20 digits without hyphens are accepted; the new-format check digit is not ' +
    'enforced. Output is the hyphenated code.',
  validate: validateProjectCode,
});
