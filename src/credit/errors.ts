import { GraphQLError } from 'graphql';

/** The `extensions.code` values the graph uses; the hub's formatError keeps these and maps the rest. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'DATABASE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/** A client error about one argument: the message names the argument and says how to fix it. */
export function badUserInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName },
  });
}
