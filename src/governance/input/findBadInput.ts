import {
  getNullableType, isInputObjectType, isListType, Kind, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLInputType, type GraphQLSchema, type ValueNode,
} from 'graphql';

/** An argument value the hub refuses before execution: the argument (with the input field path) and what is wrong. */
export interface BadInput {
  /** `districtCode`, or `input.text` for a field of an input object. */
  argument: string;
  problem: string;
}

/** What findBadInput leaves to others. */
export interface FindBadInputOptions {
  /**
   * Input fields (`IngestRecordsInput.csv`) whose content is checked row by row by their own workflow, so a
   * bad cell rejects its row, not the batch.
   */
  perRowFields?: ReadonlySet<string>;
}

const DATE_SHAPED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** What is wrong with one string value, or null: a NUL character, or a date written YYYY-MM-DD that no calendar has. */
export function findStringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000), which no text the hub stores may hold; remove it';
  const date = DATE_SHAPED.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
      return `"${value.slice(0, 40)}" is not a real calendar date; write an existing date as YYYY-MM-DD`;
    }
  }
  return null;
}

/**
 * Whether any string in `value` (at any depth of lists and objects, object keys included) has a problem
 * findStringProblem names. False means no variable can make findBadInput find anything: only literals can.
 */
export function containsStringProblem(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return findStringProblem(value) !== null;
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => containsStringProblem(item, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([key, item]) => containsStringProblem(key, depth + 1) || containsStringProblem(item, depth + 1));
}

/**
 * The first argument value of `document` (every literal, and every variable where it is used, through input
 * objects and lists, in fragments too) holding a string with a NUL character or an impossible date
 * (2026-02-30), or null when all are acceptable. One layer for every string and cursor argument of every
 * field, so that no such value reaches a platform or the database. Values of a JSON scalar are searched
 * to the bottom. Never throws.
 */
export function findBadInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  options: FindBadInputOptions = {},
): BadInput | null {
  const perRow = options.perRowFields ?? new Set<string>();
  let found: BadInput | null = null;

  const raw = (value: unknown, type: GraphQLInputType | undefined, path: string, depth: number): BadInput | null => {
    if (depth > 64) return null;
    if (typeof value === 'string') {
      const problem = findStringProblem(value);
      return problem ? { argument: path, problem } : null;
    }
    if (value === null || typeof value !== 'object') return null;
    const nullable = type ? getNullableType(type) : undefined;
    if (Array.isArray(value)) {
      const item = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : nullable;
      for (const element of value) {
        const bad = raw(element, item, path, depth + 1);
        if (bad) return bad;
      }
      return null;
    }
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      if (nullable && isInputObjectType(nullable)) {
        if (perRow.has(`${nullable.name}.${key}`)) continue;
        const bad = raw(field, nullable.getFields()[key]?.type, `${path}.${key}`, depth + 1);
        if (bad) return bad;
      } else {
        // A JSON scalar: its keys and values are text too.
        const bad = raw(key, undefined, path, depth + 1) ?? raw(field, undefined, path, depth + 1);
        if (bad) return bad;
      }
    }
    return null;
  };

  const literal = (node: ValueNode, type: GraphQLInputType | undefined, path: string): BadInput | null => {
    switch (node.kind) {
      case Kind.VARIABLE:
        return raw(variables[node.name.value], type, path, 0);
      case Kind.STRING:
        return raw(node.value, type, path, 0);
      case Kind.LIST: {
        const nullable = type ? getNullableType(type) : undefined;
        const item = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : nullable;
        for (const value of node.values) {
          const bad = literal(value, item, path);
          if (bad) return bad;
        }
        return null;
      }
      case Kind.OBJECT: {
        const nullable = type ? getNullableType(type) : undefined;
        for (const field of node.fields) {
          const name = field.name.value;
          if (nullable && isInputObjectType(nullable) && perRow.has(`${nullable.name}.${name}`)) continue;
          const fieldType = nullable && isInputObjectType(nullable) ? nullable.getFields()[name]?.type : undefined;
          const bad = literal(field.value, fieldType, `${path}.${name}`);
          if (bad) return bad;
        }
        return null;
      }
      default:
        return null;
    }
  };

  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Argument(node) {
      if (found) return false;
      found = literal(node.value, typeInfo.getArgument()?.type, node.name.value);
      return false;
    },
  }));
  return found;
}
