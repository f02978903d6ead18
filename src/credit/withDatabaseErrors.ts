import { databaseUnavailable } from '../codes/index.js';
import type { CreditStore } from './CreditStore.js';

// Network failures of node-postgres and knex, and PostgreSQL's "server going away" SQLSTATE classes
// (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 08xxx connection exceptions).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGES = /Connection terminated|Knex: Timeout acquiring a connection|connect ECONNREFUSED|Client has encountered a connection error|PGlite is closed/i;

/** True when the error means the database could not be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08'))) return true;
  return UNAVAILABLE_MESSAGES.test(error.message) || error.name === 'KnexTimeoutError';
}

function translate(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return databaseUnavailable('The credit records store is unavailable; try again shortly', {}, { originalError: error as Error });
}

/**
 * Wraps a store so that a database that cannot be reached surfaces as a GraphQL error with code
 * DATABASE_UNAVAILABLE and a message users can act on; other errors pass unchanged. Translating here,
 * at the data-access boundary, costs one wrapper per statement instead of one per resolved field.
 */
export function withDatabaseErrors(store: CreditStore): CreditStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw translate(error);
        }
      };
    },
  });
}
