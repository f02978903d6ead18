import type { ASTNode, GraphQLError } from 'graphql';
import type { OperationMeasures } from './measureOperation.js';
import type { OperationLimitName, OperationLimits } from './OperationLimits.js';
import { codedError, type ErrorCode } from '../../codes/index.js';

/** `extensions.code` of every error raised for a limit. */
export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED' satisfies ErrorCode;

/** One limit an operation went over; `actual` is absent for maxTokens (the parser stops counting at the limit). */
export interface LimitExcess {
  limit: OperationLimitName;
  max: number;
  actual?: number;
}

const FIX: Record<OperationLimitName, (excess: LimitExcess) => string> = {
  maxDepth: ({ max, actual }) => `operation depth ${actual} exceeds maxDepth ${max}; split the query into shallower operations`,
  maxAliases: ({ max, actual }) => `operation uses ${actual} aliases, more than maxAliases ${max}; send fewer aliased fields or split the operation`,
  maxCost: ({ max, actual }) => `operation cost ${actual} exceeds maxCost ${max}; ask for fewer items (smaller first/last, fewer usccs) or split the operation`,
  maxTokens: ({ max }) => `operation has more than ${max} tokens, the maxTokens limit; send a shorter document or split it`,
  maxBodyBytes: ({ max, actual }) => `request body of ${actual ?? 'more than ' + max} bytes exceeds maxBodyBytes ${max}; send a shorter document or fewer variables`,
  maxResponseBytes: ({ max, actual }) => `response of ${actual ?? 'more than ' + max} bytes exceeds maxResponseBytes ${max}; the answer was withheld — ask for fewer items or fields, or split the operation`,
  maxExecutionMs: ({ max }) => `operation ran longer than maxExecutionMs ${max} ms and was stopped; ask for fewer items or fields, or split the operation`,
};

/** The message for `excess`: names the limit, its value, the operation's figure and the fix. */
export function describeLimitExcess(excess: LimitExcess): string {
  return FIX[excess.limit](excess);
}

/**
 * A GraphQLError for `excess` with `extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, max, actual }`.
 * With `httpStatus`, also `extensions.http.status`, which Apollo Server turns into the response status
 * (and removes from the extensions the client sees).
 */
export function createOperationLimitError(excess: LimitExcess, options: { nodes?: ASTNode | readonly ASTNode[]; httpStatus?: number } = {}): GraphQLError {
  return codedError(OPERATION_LIMIT_EXCEEDED, describeLimitExcess(excess), {
    limit: excess.limit,
    max: excess.max,
    ...(excess.actual === undefined ? {} : { actual: excess.actual }),
    ...(options.httpStatus === undefined ? {} : { http: { status: options.httpStatus } }),
  }, { nodes: options.nodes });
}

/** The limits among maxDepth, maxAliases and maxCost that `measures` exceed, in that order; empty when within all. */
export function findLimitExcesses(measures: OperationMeasures, limits: OperationLimits): LimitExcess[] {
  const excesses: LimitExcess[] = [];
  if (measures.depth > limits.maxDepth) excesses.push({ limit: 'maxDepth', max: limits.maxDepth, actual: measures.depth });
  if (measures.aliases > limits.maxAliases) excesses.push({ limit: 'maxAliases', max: limits.maxAliases, actual: measures.aliases });
  if (measures.cost > limits.maxCost) excesses.push({ limit: 'maxCost', max: limits.maxCost, actual: measures.cost });
  return excesses;
}
