import { GraphQLError, type ASTNode } from 'graphql';

/**
 * Every `extensions.code` a client may see. formatError (src/hub) passes errors carrying one of these and
 * reports anything else as INTERNAL_SERVER_ERROR with a generic message; the constructors below take an
 * ErrorCode, so a misspelt code is a type error instead of a silent INTERNAL_SERVER_ERROR.
 * The GRAPHQL_*, BAD_REQUEST, PERSISTED_QUERY_* and OPERATION_RESOLUTION_FAILURE codes are Apollo Server's own.
 */
export const PUBLIC_ERROR_CODES = [
  'BAD_USER_INPUT', 'NOT_FOUND', 'DATABASE_UNAVAILABLE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'SOURCE_UNAVAILABLE', 'SOURCE_TIMEOUT', 'SOURCE_BAD_RESPONSE',
  'OPERATION_LIMIT_EXCEEDED', 'RATE_LIMITED', 'AUDIT_UNAVAILABLE', 'CALENDAR_UNAVAILABLE',
] as const;

/** A public `extensions.code` (see PUBLIC_ERROR_CODES). */
export type ErrorCode = (typeof PUBLIC_ERROR_CODES)[number];

/** Why a connected platform could not answer. */
export type SourceErrorCode = Extract<ErrorCode, `SOURCE_${string}`>;

/** The code of every error a client is not told about; its message is generic and the details are logged. */
export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

/** True when `code` is a public ErrorCode. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return (PUBLIC_ERROR_CODES as readonly unknown[]).includes(code);
}

/** Extra `extensions` next to the code, e.g. `argumentName`, `field`, `requiredRoles`. */
export type ErrorExtensions = Readonly<Record<string, unknown>>;

/** Where the error points in the document (a literal, an argument) and what caused it. */
export interface ErrorOptions {
  nodes?: ASTNode | readonly ASTNode[];
  originalError?: Error;
}

/** A GraphQLError whose `extensions` are `{ code, ...extensions }`. */
export function codedError(code: ErrorCode, message: string, extensions: ErrorExtensions = {}, options: ErrorOptions = {}): GraphQLError {
  return new GraphQLError(message, { ...options, extensions: { code, ...extensions } });
}

/** Bad input from the client; the message names the field and the fix. */
export function badUserInput(message: string, extensions?: ErrorExtensions, options?: ErrorOptions): GraphQLError {
  return codedError('BAD_USER_INPUT', message, extensions, options);
}

/** The caller may not do or see this; the message says which role or grant would allow it. */
export function forbidden(message: string, extensions?: ErrorExtensions, options?: ErrorOptions): GraphQLError {
  return codedError('FORBIDDEN', message, extensions, options);
}

/** The thing asked for does not exist (or is not visible to the caller, which looks the same). */
export function notFound(message: string, extensions?: ErrorExtensions, options?: ErrorOptions): GraphQLError {
  return codedError('NOT_FOUND', message, extensions, options);
}

/** The request contradicts the current state (a transition not allowed now, a duplicate). */
export function conflict(message: string, extensions?: ErrorExtensions, options?: ErrorOptions): GraphQLError {
  return codedError('CONFLICT', message, extensions, options);
}

/** The database did not answer; the client may retry. */
export function databaseUnavailable(message: string, extensions?: ErrorExtensions, options?: ErrorOptions): GraphQLError {
  return codedError('DATABASE_UNAVAILABLE', message, extensions, options);
}

/** True when `extensions` (of a GraphQLError or a formatted error) carry `code`. */
export function hasErrorCode(extensions: { readonly code?: unknown } | undefined, code: ErrorCode): boolean {
  return extensions?.code === code;
}
