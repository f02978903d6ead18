import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Knex } from 'knex';
import { createFailedAuthenticationGate, identifyCaller, type ConsumerStore, type RateLimiter } from '../governance/index.js';
import { createHubContext, type HubContext } from './createHubContext.js';
import type { Admission } from './createHttpHandler.js';
import type { Logger } from './logger.js';

export type { HubContext } from './createHubContext.js';

/** What admission needs. */
export interface AdmissionDeps {
  consumers: ConsumerStore;
  knex: Knex;
  /** Counts requests against each caller's per-minute limit (one per process; `createRateLimiter`). */
  rateLimiter: RateLimiter;
  /** Serves the public and consumers whose roles stop at conditional data: restricted fields do not exist there. */
  publicServer: ApolloServer<HubContext>;
  /** Serves consumers with a role that may read restricted data. */
  internalServer: ApolloServer<HubContext>;
  publicRateLimitPerMinute: number;
  /** Failed authentications one client address may make per minute before keys from it are refused. */
  authFailureLimitPerMinute: number;
  logger: Logger;
}

const retryAfterSeconds = (resetAt: Date): number => Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));

/**
 * Creates the hub's admission step, run before any GraphQL work: identifies the caller (API key, purpose,
 * case reference), applies its per-minute rate limit (counted in this process and reconciled with the
 * database in the background, so it holds across hub processes within `burstOf`'s tolerance and needs no
 * database while it is down; the public per client address), refuses keys from an address that failed authentication
 * `authFailureLimitPerMinute` times this minute (429, before the key is checked; each process re-reads an
 * address's count at most once per FAILED_AUTHENTICATION_RECHECK_MS while it is below the limit, so failures
 * in other processes are seen within that time), and picks the server and context. Refusals carry
 * UNAUTHENTICATED (401), BAD_USER_INPUT (400), RATE_LIMITED (429) or DATABASE_UNAVAILABLE (503) and name
 * what to fix. Trusted documents are checked later, on the text Apollo resolved (`createTrustedDocumentsPlugin`).
 */
export function createAdmission(deps: AdmissionDeps): (req: IncomingMessage) => Promise<Admission<HubContext>> {
  const failedAuthentications = createFailedAuthenticationGate(deps.knex, deps.authFailureLimitPerMinute);
  return async (req) => {
    // The TCP peer, as for the public's limit: headers such as X-Forwarded-For are the client's to forge.
    const address = req.socket.remoteAddress ?? 'unknown';
    try {
      const failures = deps.authFailureLimitPerMinute;
      if (req.headers.authorization !== undefined) {
        // Before the key is looked at: past the limit, a right guess is refused like a wrong one.
        const decision = await failedAuthentications.check(address);
        if (!decision.allowed) {
          const retryAfter = retryAfterSeconds(decision.resetAt);
          return { refusal: { status: 429, code: 'RATE_LIMITED', message: `too many failed authentications from this address (limit ${failures} per minute); retry after ${retryAfter} s with a valid key, or leave the Authorization header out to query as the public`, extensions: { limit: failures, retryAfterSeconds: retryAfter }, headers: { 'retry-after': String(retryAfter) } } };
        }
      }
      const identified = await identifyCaller(req.headers, deps.consumers);
      if ('rejection' in identified) {
        const { status, code, message, header } = identified.rejection;
        if (code === 'UNAUTHENTICATED') await failedAuthentications.count(address);
        deps.logger.warn('request refused', { code, header, address });
        return { refusal: { status, code, message, extensions: { header } } };
      }
      const { caller } = identified;
      const consumer = caller.consumer;
      const limit = consumer?.rateLimitPerMinute ?? deps.publicRateLimitPerMinute;
      const who = consumer ? `consumer ${consumer.id}` : `the public at ${address}`;
      const decision = await deps.rateLimiter.consume(consumer ? consumer.id : `public:${address}`, limit);
      if (!decision.allowed) {
        const retryAfter = retryAfterSeconds(decision.resetAt);
        return { refusal: { status: 429, code: 'RATE_LIMITED', message: `rate limit of ${limit} requests per minute reached for ${who}; retry after ${retryAfter} s`, extensions: { limit, retryAfterSeconds: retryAfter }, headers: { 'retry-after': String(retryAfter) } } };
      }
      const context = await createHubContext(deps.knex, caller);
      const { permissions } = context.governance;
      return { apollo: permissions.maxShareLevel === 'RESTRICTED' ? deps.internalServer : deps.publicServer, context };
    } catch (error) {
      deps.logger.error('admission failed', { err: error });
      return { refusal: { status: 503, code: 'DATABASE_UNAVAILABLE', message: 'the hub cannot check the caller right now (its database does not answer); try again shortly' } };
    }
  };
}
