import {
  getNamedType, getNullableType, isAbstractType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  isInterfaceType, isScalarType,
  type GraphQLArgument, type GraphQLCompositeType, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

/** A generated operation: its text and variables. */
export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

const NUL = '\u0000';
const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const STRINGS = [
  '', 'abc', '深圳', `4403${NUL}05`, `text${NUL}`, '2026-02-30', '2026-11-01', '2026-13-45T25:61:00Z', 'x'.repeat(3000), "'; DROP TABLE x; --",
  cursor('cr1|2026-02-30|1'), cursor('cr1|2026-11-01|99999999999999999'), cursor('cr1|0000-00-00|1'), 'not-a-cursor', '%00', '\\u0000', '=HYPERLINK("http://x")',
];
const USCCS = ['91440300MA5E9NHA04', '11440305003219403F', '114403000022215361', '91440300MA5E9NHA05', 'NOTAUSCC', `9144030${NUL}MA5E9NHA04`];
const INTS = [0, 1, -1, 3, 20, 100, 501, 2_147_483_647, -2_147_483_648];
const DATES = ['2026-11-01', '2026-02-30', '2025-02-29', '2024-02-29', '0000-01-01', '2026-1-1', `2026-11-0${NUL}`];

/**
 * Generates random operations over `schema` with `random`: random selections (valid and not), arguments
 * (NUL strings, impossible dates, bad cursors, huge lists, wrong enums), deep nesting, aliases, fragments
 * on abstract types, introspection, sometimes in variables. Deterministic for a seeded `random`.
 */
export function createOperationGenerator(schema: GraphQLSchema, random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  let aliasCounter = 0;
  let variableCounter = 0;
  let variables: Record<string, unknown> = {};
  let variableDefinitions: string[] = [];

  const rawValue = (type: GraphQLInputType, depth: number): unknown => {
    const nullable = getNullableType(type) as GraphQLInputType;
    if (!isNonNullType(type) && chance(0.05)) return null;
    if (isListType(nullable)) {
      const length = chance(0.05) ? 600 : Math.floor(random() * 4);
      return Array.from({ length }, () => rawValue(nullable.ofType as GraphQLInputType, depth + 1));
    }
    if (isInputObjectType(nullable)) {
      const object: Record<string, unknown> = {};
      if (depth > 3) return object;
      for (const field of Object.values(nullable.getFields())) {
        if (isNonNullType(field.type) || chance(0.4)) object[field.name] = rawValue(field.type, depth + 1);
      }
      if (chance(0.03)) object.noSuchField = 'x';
      return object;
    }
    if (isEnumType(nullable)) return chance(0.05) ? 'NO_SUCH_VALUE' : pick(nullable.getValues()).name;
    const name = nullable.name;
    if (name === 'Int') return pick(INTS);
    if (name === 'Float') return pick([0, 1.5, -3, 1e308]);
    if (name === 'Boolean') return chance(0.5);
    if (name === 'USCC') return pick(USCCS);
    if (name === 'Date') return pick(DATES);
    if (name === 'DateTime') return pick(['2026-11-01T00:00:00Z', '2026-02-30T00:00:00Z', 'yesterday', `2026${NUL}`]);
    if (name === 'Decimal') return pick(['1.5', '-0', '1e9', 'abc', '99999999999999.9999999']);
    if (name === 'JSON') return pick([{}, { a: NUL }, [1, 2], 'x', { CF_WSH: '2026-02-30' }]);
    if (name === 'ProjectCode') return pick(['2104-440304-04-03-685863', 'bad', `2104${NUL}`]);
    return pick(STRINGS);
  };

  // A GraphQL literal for a JSON value (object keys unquoted, strings JSON-escaped, which GraphQL accepts).
  const literal = (value: unknown, type: GraphQLInputType): string => {
    const nullable = getNullableType(type) as GraphQLInputType;
    if (value === null) return 'null';
    if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(nullable) ? (nullable.ofType as GraphQLInputType) : nullable)).join(', ')}]`;
    if (isEnumType(nullable) && typeof value === 'string') return value;
    if (typeof value === 'object') {
      const fields = isInputObjectType(nullable) ? nullable.getFields() : {};
      return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${/^\w+$/.test(k) ? k : 'bad'}: ${literal(v, (fields[k]?.type ?? nullable) as GraphQLInputType)}`).join(', ')} }`;
    }
    return JSON.stringify(value);
  };

  const argumentText = (argument: GraphQLArgument): string | null => {
    if (!isNonNullType(argument.type) && !chance(0.5)) return null;
    const value = rawValue(argument.type, 0);
    if (chance(0.3)) {
      const name = `v${variableCounter++}`;
      variables[name] = value;
      variableDefinitions.push(`$${name}: ${argument.type.toString()}`);
      return `${argument.name}: $${name}`;
    }
    return `${argument.name}: ${literal(value, argument.type)}`;
  };

  const fieldText = (field: GraphQLField<unknown, unknown>, depth: number): string => {
    const alias = chance(0.1) ? `a${aliasCounter++}: ` : '';
    const args = field.args.map(argumentText).filter((a): a is string => a !== null);
    const named = getNamedType(field.type);
    const head = `${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
    if (isLeafType(named)) return chance(0.02) ? `${head} { nothing }` : head;
    if (chance(0.02)) return head; // a composite field without a selection: invalid
    return `${head} ${selectionSet(named as GraphQLCompositeType, depth + 1)}`;
  };

  const selectionSet = (type: GraphQLCompositeType, depth: number): string => {
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
      const nested = fields.filter((f) => !isLeafType(getNamedType(f.type)));
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const deeper = depth < 14 && nested.length > 0 && chance(depth < 4 ? 0.6 : 0.3);
        const field = deeper ? pick(nested) : leaves.length > 0 ? pick(leaves) : null;
        if (field) parts.push(fieldText(field, depth));
      }
    }
    if (isAbstractType(type)) {
      for (const member of schema.getPossibleTypes(type)) if (chance(0.4)) parts.push(`... on ${member.name} ${selectionSet(member, depth + 1)}`);
    }
    if (chance(0.1)) parts.push('__typename');
    if (chance(0.01)) parts.push('noSuchField');
    return `{ ${parts.length > 0 ? parts.join(' ') : '__typename'} }`;
  };

  return (): GeneratedOperation => {
    variables = {};
    variableDefinitions = [];
    aliasCounter = 0;
    variableCounter = 0;
    const mutation = chance(0.1) && schema.getMutationType();
    const root = (mutation || schema.getQueryType())!;
    const parts: string[] = [];
    if (!mutation && chance(0.05)) {
      const count = chance(0.3) ? 30 : 1;
      for (let i = 0; i < count; i++) parts.push(`s${i}: __schema { types { name fields { name args { name type { name } } } } }`);
    } else if (!mutation && chance(0.05)) {
      parts.push(`__type(name: ${JSON.stringify(pick(['Query', 'Enterprise', 'CivilServant', 'NoSuch', NUL]))}) { name fields { name } }`);
    } else {
      const fields = Object.values(root.getFields());
      const count = 1 + Math.floor(random() * 3);
      for (let i = 0; i < count; i++) parts.push(fieldText(pick(fields), 1));
    }
    const header = variableDefinitions.length > 0 ? `(${variableDefinitions.join(', ')})` : '';
    return { query: `${mutation ? 'mutation' : 'query'} Fuzz${header} { ${parts.join(' ')} }`, variables };
  };
}

export { isScalarType };
