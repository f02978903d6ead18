import { GraphQLError } from 'graphql';

/** NOT_FOUND naming what was looked for. */
export const notFound = (what: string): GraphQLError => new GraphQLError(`${what} does not exist`, { extensions: { code: 'NOT_FOUND' } });

/** CONFLICT: the row changed since the caller read it. */
export const conflict = (what: string, read: number, now: number): GraphQLError =>
  new GraphQLError(`${what} was changed by someone else (you read version ${read}, it is now version ${now}); read it again and retry`, {
    extensions: { code: 'CONFLICT', readVersion: read, currentVersion: now },
  });

/** A transition the current state does not allow, naming both states. */
export const notAllowed = (what: string, from: string, to: string, allowed: readonly string[]): GraphQLError =>
  new GraphQLError(`${what} cannot go from ${from} to ${to}; from ${from} it may go to ${allowed.length ? allowed.join(' or ') : 'nothing (it is final)'}`, {
    extensions: { code: 'BAD_USER_INPUT', from, to },
  });

/** BAD_USER_INPUT naming the argument or input field. */
export const badInput = (field: string, message: string): GraphQLError =>
  new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: field } });
