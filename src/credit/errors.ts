import { GraphQLError } from 'graphql';

/** A client error about one argument: the message names the argument and says how to fix it. */
export function badUserInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName },
  });
}
