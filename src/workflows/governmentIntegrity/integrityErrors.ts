import type { GraphQLError } from 'graphql';
import { badUserInput, conflict as codedConflict, notFound as codedNotFound } from '../../codes/index.js';

/** NOT_FOUND naming what was looked for. */
export const notFound = (what: string): GraphQLError => codedNotFound(`${what} does not exist`);

/** CONFLICT: the row changed since the caller read it. */
export const conflict = (what: string, read: number, now: number): GraphQLError =>
  codedConflict(`${what} was changed by someone else (you read version ${read}, it is now version ${now}); read it again and retry`, {
    readVersion: read, currentVersion: now,
  });

/** A transition the current state does not allow, naming both states. */
export const notAllowed = (what: string, from: string, to: string, allowed: readonly string[]): GraphQLError =>
  badUserInput(`${what} cannot go from ${from} to ${to}; from ${from} it may go to ${allowed.length ? allowed.join(' or ') : 'nothing (it is final)'}`, { from, to });

/** BAD_USER_INPUT naming the argument or input field. */
export const badInput = (field: string, message: string): GraphQLError => badUserInput(`${field}: ${message}`, { argumentName: field });

/** CONFLICT: someone else decided the same thing first; the message says what stands. */
export const decidedElsewhere = (message: string): GraphQLError => codedConflict(message);
