import type { GraphQLError } from 'graphql';
import { badUserInput as codedBadUserInput } from '../codes/index.js';

/** A client error about one argument: the message names the argument and says how to fix it. */
export function badUserInput(argumentName: string, message: string): GraphQLError {
  return codedBadUserInput(`Argument "${argumentName}": ${message}`, { argumentName });
}
