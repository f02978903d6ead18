import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError, Kind, parse, visit, type ValueNode } from 'graphql';
import { hasErrorCode, INTERNAL_SERVER_ERROR, isErrorCode, type ErrorCode, type SourceErrorCode } from '../codes/index.js';
import { stripFieldSuggestions } from '../governance/index.js';
import type { Logger } from './logger.js';

/** What a client is told when a platform fails, per code: fixed words, never the platform's own bytes. */
const SOURCE_MESSAGES: Readonly<Record<SourceErrorCode, string>> = {
  SOURCE_UNAVAILABLE: 'the platform is unavailable; the fields it serves are null — try again later',
  SOURCE_TIMEOUT: 'the platform did not answer in time; the fields it serves are null — try again later',
  SOURCE_BAD_RESPONSE: 'the platform answered something that is not its API; the fields it serves are null — the hub has logged the details',
};

/**
 * A platform failure as clients see it: a fixed message naming the platform, `{ code, platform }` and no
 * cause, since causes quote what the platform answered. The full cause goes to the log.
 */
function asSourceFailure(formatted: GraphQLFormattedError, logger: Logger): GraphQLFormattedError | null {
  const code = formatted.extensions?.code;
  const fixed = typeof code === 'string' && Object.hasOwn(SOURCE_MESSAGES, code) ? SOURCE_MESSAGES[code as SourceErrorCode] : undefined;
  if (!fixed) return null;
  const platform = typeof formatted.extensions?.platform === 'string' ? formatted.extensions.platform : 'PLATFORM';
  logger.warn('a platform failed', { platform, code, path: formatted.path, message: formatted.message, cause: formatted.extensions?.cause });
  return { ...formatted, message: `${platform}: ${fixed}`, extensions: { code, platform } };
}

/** The path of the value at `start` inside `value`, below `path`: `input.subjects[3].uscc`. */
function pathIn(value: ValueNode, start: number, path: string): string {
  if (value.kind === Kind.OBJECT) {
    const field = value.fields.find((f) => f.value.loc && start >= f.value.loc.start && start < f.value.loc.end);
    return field ? pathIn(field.value, start, `${path}.${field.name.value}`) : path;
  }
  if (value.kind === Kind.LIST) {
    const index = value.values.findIndex((v) => v.loc && start >= v.loc.start && start < v.loc.end);
    return index >= 0 ? pathIn(value.values[index]!, start, `${path}[${index}]`) : path;
  }
  return path;
}

/**
 * Finds where the literal value at `start` sits in the document: its argument and, inside an input object
 * or list, the path to it — `uscc` for a malformed `subject(uscc: "…")`, `input.subjects[3].uscc` for one
 * entry of a list. graphql-js reports such values without naming their argument.
 */
function argumentAt(body: string, start: number): string | null {
  let name: string | null = null;
  try {
    visit(parse(body), {
      Argument(node) {
        const value: ValueNode = node.value;
        if (value.loc && start >= value.loc.start && start < value.loc.end) name = pathIn(value, start, node.name.value);
      },
    });
  } catch {
    return null;
  }
  return name;
}

/** Turns a literal-value validation error caused by one of our scalars into BAD_USER_INPUT naming the argument. */
function asBadArgument(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  if (!(error instanceof GraphQLError) || !hasErrorCode(formatted.extensions, 'GRAPHQL_VALIDATION_FAILED')) return null;
  const original = error.originalError;
  if (!(original instanceof GraphQLError) || !hasErrorCode(original.extensions, 'BAD_USER_INPUT')) return null;
  const node = error.nodes?.[0];
  const argumentName = node?.loc && node.kind !== Kind.ARGUMENT ? argumentAt(node.loc.source.body, node.loc.start) : null;
  return {
    ...formatted,
    message: argumentName ? `Argument "${argumentName}": ${original.message}` : formatted.message,
    extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, ...(argumentName ? { argumentName } : {}) },
  };
}

/**
 * Creates Apollo's formatError: keeps the codes clients can act on (PUBLIC_ERROR_CODES, src/codes/errorCodes.ts),
 * hides internal errors behind a generic message (logged in full), and never sends stack traces outside development.
 */
export function createFormatError(logger: Logger, options: { development: boolean; hideSuggestions: boolean }) {
  const { development } = options;
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Suggestions name fields the caller may not know of; the public does not get them.
    const formatted = options.hideSuggestions ? { ...raw, message: stripFieldSuggestions(raw.message) } : raw;
    const badArgument = asBadArgument(formatted, error);
    if (badArgument) return badArgument;
    const sourceFailure = asSourceFailure(formatted, logger);
    if (sourceFailure) return sourceFailure;
    const code = formatted.extensions?.code;
    if (isErrorCode(code)) {
      if (development) return formatted;
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error('internal error while executing an operation', {
      err: error instanceof Error ? ((error as GraphQLError).originalError ?? error) : undefined,
      path: formatted.path,
      message: formatted.message,
    });
    return {
      message: 'Internal server error; the hub has logged the details',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: INTERNAL_SERVER_ERROR },
    };
  };
}
