import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import { createOperationLimitError, describeLimitExcess, OPERATION_LIMIT_EXCEEDED, type LimitExcess } from './operationLimitError.js';
import type { OperationLimits } from './OperationLimits.js';

// How many resolved values pass between two looks at the clock (reading it for every field costs more than the field).
const CLOCK_EVERY = 32;

/** What one operation has spent while executing. */
class ExecutionBudget {
  private values = 0;
  /** The limit the operation went over, once it has. */
  exceeded: LimitExcess | null = null;

  constructor(private readonly limits: OperationLimits, private readonly deadline: number) {}

  /** Counts one resolved value; throws OPERATION_LIMIT_EXCEEDED once the values or the time are spent. */
  spend(): void {
    if (this.exceeded) throw createOperationLimitError(this.exceeded);
    this.values += 1;
    if (this.values > this.limits.maxCost) {
      this.exceeded = { limit: 'maxCost', max: this.limits.maxCost, actual: this.values };
    } else if (this.values % CLOCK_EVERY === 0 && performance.now() > this.deadline) {
      this.exceeded = { limit: 'maxExecutionMs', max: this.limits.maxExecutionMs };
    }
    if (this.exceeded) throw createOperationLimitError(this.exceeded);
  }
}

/** The answer's errors once an operation has gone over its budget (it then carries no data and HTTP status 400). */
export function overBudgetErrors(excess: LimitExcess): [{ message: string; extensions: Record<string, unknown> }] {
  return [{
    message: describeLimitExcess(excess),
    extensions: { code: OPERATION_LIMIT_EXCEEDED, limit: excess.limit, max: excess.max, ...(excess.actual === undefined ? {} : { actual: excess.actual }) },
  }];
}

// The values graphql-js resolves to give `value`: one per field of every object in it (`__typename` is not a field
// resolver, so Apollo's willResolveField never counts it).
function countValues(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += countValues(item);
    return count;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) if (key !== '__typename') count += 1 + countValues(object[key]);
  return count;
}

/**
 * The limit an answer computed outside graphql-js's execution went over, or null: the budget the plugin below holds
 * execution to, applied to the finished answer `data` and the time it took (`elapsedMs`).
 */
export function budgetExcessOf(limits: OperationLimits, data: unknown, elapsedMs: number): LimitExcess | null {
  const values = countValues(data);
  if (values > limits.maxCost) return { limit: 'maxCost', max: limits.maxCost, actual: values };
  return elapsedMs > limits.maxExecutionMs ? { limit: 'maxExecutionMs', max: limits.maxExecutionMs } : null;
}

/**
 * An Apollo Server plugin holding every operation to its budget while it executes, whatever the estimate
 * said: each field value resolved counts against maxCost (the estimate's unit, so a list longer than
 * listSizes.json declared is caught) and the clock against maxExecutionMs. Once either is spent, every
 * field not yet resolved fails at once (no more platform calls or database reads), and the answer is
 * replaced by one error `{ code: 'OPERATION_LIMIT_EXCEEDED', limit, max }` with HTTP 400 and no data — a
 * client never receives a silently truncated answer. (graphql-js 16 cannot abort a resolver already
 * running: a single slow platform call or query finishes first, bounded by its own timeout.)
 */
export function createExecutionBudgetPlugin<TContext extends BaseContext = BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let budget: ExecutionBudget | null = null;
      return {
        async executionDidStart() {
          const spent = new ExecutionBudget(limits, performance.now() + limits.maxExecutionMs);
          budget = spent;
          return {
            willResolveField() {
              spent.spend();
            },
          };
        },
        async willSendResponse({ response }) {
          const excess = budget?.exceeded;
          if (!excess || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          delete singleResult.data;
          singleResult.errors = overBudgetErrors(excess);
          response.http.status = 400;
        },
      };
    },
  };
}
