// The numbers every operation must stay within. Chosen so that the README examples, the documents in
// test/operations/ and the 100-subject benchmark query (credit records plus every platform field) pass
// with at least twice the room they need (deepest example: 8; largest: 97 tokens, cost 90,001 with the
// list maxima of listSizes.json), while one request can no longer ask for an unbounded amount of work.

/** The limits an operation is checked against before it executes. */
export interface OperationLimits {
  /**
   * Deepest nesting of fields, root fields at depth 1 (`{ subject { name } }` has depth 2). The deepest
   * example, a tender's consortium member's serious records, has depth 8. Introspection (`__schema`,
   * `__type`) does not count: graphql-js's own MaxIntrospectionDepthRule bounds it.
   */
  readonly maxDepth: number;
  /** Aliased fields in the operation, counted each time a fragment holding one is spread. */
  readonly maxAliases: number;
  /** Lexical tokens in the document (graphql-js `parse` option `maxTokens`); comments are not tokens. */
  readonly maxTokens: number;
  /**
   * Estimated field values the response can hold (see `measureOperation` for the model), and the field
   * values an operation may really resolve while executing. The benchmark's 100-subject query (10 records
   * each, every platform field) costs 90,001; 500 subjects with 100 records each (the largest the credit
   * store serves) cost about 605,000; the explorer's introspection query about 10,900.
   */
  readonly maxCost: number;
  /** Largest HTTP request body, in bytes; the HTTP layer answers 413 above it, before any parsing. */
  readonly maxBodyBytes: number;
  /**
   * Largest response body, in bytes. Before execution maxCost bounds the estimate; an answer that is still
   * larger once serialised is replaced by one OPERATION_LIMIT_EXCEEDED error naming this limit.
   */
  readonly maxResponseBytes: number;
  /**
   * Execution-time budget of one operation, in milliseconds: once spent, every field not yet resolved
   * fails and the answer is replaced by one OPERATION_LIMIT_EXCEEDED error naming this limit.
   */
  readonly maxExecutionMs: number;
}

/** The name of one limit, as reported in `extensions.limit`. */
export type OperationLimitName = keyof OperationLimits;

/** Limits used when the environment does not override them (see `readOperationLimits`). */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxCost: 250_000,
  maxBodyBytes: 1_048_576,
  // The 100-subject benchmark answer is about 0.6 MB; the largest README example a few kB.
  maxResponseBytes: 8_388_608,
  maxExecutionMs: 10_000,
});
