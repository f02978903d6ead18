import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Knex } from 'knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitState, PlatformObserver, SourcePlatform } from '../../../gateways/shared/index.js';
import type { Admission } from '../createHttpHandler.js';
import { boundLabel } from './boundLabel.js';

/** How a GraphQL request ended: answered in full, with data and errors, with errors only, or refused before execution. */
export type RequestOutcome = 'success' | 'partial' | 'error' | 'refused';

/** What the metrics read from a request's GraphQL context. */
export interface ContextReader<TContext extends object> {
  /**
   * An object that is the same for every copy of one request's context: Apollo executes on a shallow
   * copy of the context admission made, so the context itself cannot be the key.
   */
  keyOf(context: TContext): object;
  /** The consumer's id; null for the public. */
  consumerOf(context: TContext): string | null;
}

/** The hub's Prometheus metrics and the hooks that feed them. */
export interface HubMetrics<TContext extends object> {
  readonly registry: Registry;
  /** Counts a request to /graphql when its answer has been sent (call on arrival). */
  observeRequest(req: IncomingMessage, res: ServerResponse): void;
  /** Notes who the request is from, or why admission refused it. */
  observeAdmission(req: IncomingMessage, admission: Admission<TContext>): void;
  /** Notes the operation name and error codes of each executed request (add to every Apollo server). */
  readonly plugin: ApolloServerPlugin<TContext>;
  /** Feeds the per-platform metrics (PlatformSettings.observer). */
  readonly platformObserver: PlatformObserver;
  /** Reports the pool of `knex` at each scrape. */
  observeDatabasePool(knex: Knex): void;
  /** Counts one committed append to the audit ledger (KnexAuditLedger's onAppended). */
  ledgerAppended(head: { seq: number | string }): void;
}

interface RequestNote {
  started: bigint;
  operation: string;
  consumer: string;
  outcome: RequestOutcome | null;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half-open'];
const ANONYMOUS = '(anonymous)';
const PUBLIC = '(public)';
const UNIDENTIFIED = '(unidentified)';

/** The name of a document's only operation, also when it failed validation (Apollo names it only once it is valid). */
function nameInDocument(document: DocumentNode | undefined): string | null {
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? (operations[0] as OperationDefinitionNode).name?.value ?? null : null;
}

/**
 * Creates the hub's metrics on a registry of their own (prefix `chengxin_`, plus Node's process metrics).
 * Operation names are the callers' words: `boundLabel` keeps the first 200 distinct ones per process and
 * counts the rest as `(other)`, so an outsider cannot grow the scrape without bound.
 */
export function createHubMetrics<TContext extends object>(contexts: ContextReader<TContext>): HubMetrics<TContext> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'chengxin_' });
  const registers = [registry];
  const requests = new Counter({ name: 'chengxin_graphql_requests_total', help: 'GraphQL requests answered, by operation name, consumer (or (public)), outcome and HTTP status', labelNames: ['operation', 'consumer', 'outcome', 'status'] as const, registers });
  const duration = new Histogram({ name: 'chengxin_graphql_request_duration_seconds', help: 'Time from a GraphQL request\'s arrival to its answer sent, by operation name and outcome', labelNames: ['operation', 'outcome'] as const, buckets: SECONDS, registers });
  const errors = new Counter({ name: 'chengxin_graphql_errors_total', help: 'GraphQL errors answered, by extensions.code and operation name', labelNames: ['code', 'operation'] as const, registers });
  const refusals = new Counter({ name: 'chengxin_admission_refusals_total', help: 'Requests refused before execution by admission, by code (RATE_LIMITED: rate limits; UNAUTHENTICATED; DATABASE_UNAVAILABLE; …)', labelNames: ['code'] as const, registers });
  const platformCalls = new Counter({ name: 'chengxin_platform_calls_total', help: 'Calls to a connected platform (all attempts of one call), by platform and outcome (OK, NOT_FOUND or the SOURCE_* error code)', labelNames: ['platform', 'outcome'] as const, registers });
  const platformErrors = new Counter({ name: 'chengxin_platform_errors_total', help: 'Failed calls to a connected platform, by platform, error code and what refused it (circuit, configuration) if no request went out', labelNames: ['platform', 'code', 'refused_by'] as const, registers });
  const platformAttempts = new Counter({ name: 'chengxin_platform_attempts_total', help: 'HTTP attempts sent to a connected platform, retries included', labelNames: ['platform'] as const, registers });
  const platformDuration = new Histogram({ name: 'chengxin_platform_call_duration_seconds', help: 'Duration of calls to a connected platform (all attempts), by platform', labelNames: ['platform'] as const, buckets: SECONDS, registers });
  const circuits = new Map<SourcePlatform, () => CircuitState>();
  new Gauge({
    name: 'chengxin_platform_circuit_state', help: 'Circuit breaker of each connected platform: 1 for its current state (closed, open, half-open), 0 for the others', labelNames: ['platform', 'state'] as const, registers,
    collect() {
      this.reset();
      for (const [platform, state] of circuits) {
        const current = state();
        for (const candidate of CIRCUIT_STATES) this.set({ platform, state: candidate }, candidate === current ? 1 : 0);
      }
    },
  });
  const pools: Knex[] = [];
  new Gauge({
    name: 'chengxin_db_pool_connections', help: 'Database connection pool: connections in use, idle, and requests waiting for one (pending)', labelNames: ['state'] as const, registers,
    collect() {
      let used = 0, free = 0, pending = 0;
      for (const knex of pools) {
        const pool = (knex.client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
        if (!pool) continue;
        used += pool.numUsed();
        free += pool.numFree();
        pending += pool.numPendingAcquires();
      }
      this.set({ state: 'used' }, used);
      this.set({ state: 'free' }, free);
      this.set({ state: 'pending' }, pending);
    },
  });
  const appends = new Counter({ name: 'chengxin_audit_ledger_appends_total', help: 'Committed appends to the audit ledger (one per transaction, of one or more entries)', registers });
  const headSeq = new Gauge({ name: 'chengxin_audit_ledger_head_seq', help: 'Sequence number of the last ledger entry this process committed', registers, aggregator: 'max' });

  const operationLabel = boundLabel(200);
  const consumerLabel = boundLabel(1000);
  const notes = new WeakMap<IncomingMessage, RequestNote>();
  const byContext = new WeakMap<object, RequestNote>();

  return {
    registry,
    observeRequest(req, res) {
      const note: RequestNote = { started: process.hrtime.bigint(), operation: ANONYMOUS, consumer: UNIDENTIFIED, outcome: null };
      notes.set(req, note);
      res.once('close', () => {
        const seconds = Number(process.hrtime.bigint() - note.started) / 1e9;
        // Answered before admission or execution (413, a body that is not JSON): refused at the door.
        const outcome = note.outcome ?? (res.statusCode >= 400 ? 'refused' : 'success');
        requests.inc({ operation: note.operation, consumer: note.consumer, outcome, status: String(res.statusCode) });
        duration.observe({ operation: note.operation, outcome }, seconds);
      });
    },
    observeAdmission(req, admission) {
      const note = notes.get(req);
      if ('refusal' in admission) {
        refusals.inc({ code: admission.refusal.code });
        errors.inc({ code: admission.refusal.code, operation: note?.operation ?? ANONYMOUS });
        if (note) note.outcome = 'refused';
        return;
      }
      if (!note) return;
      note.consumer = consumerLabel(contexts.consumerOf(admission.context) ?? PUBLIC);
      byContext.set(contexts.keyOf(admission.context), note);
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        const note = byContext.get(contexts.keyOf(contextValue));
        return {
          async willSendResponse({ operationName, request, document, response, errors: raised }) {
            const operation = operationLabel(operationName ?? request.operationName ?? nameInDocument(document) ?? ANONYMOUS);
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const answered = body?.errors ?? raised ?? [];
            for (const error of answered) errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), operation });
            if (!note) return;
            note.operation = operation;
            note.outcome = answered.length === 0 ? 'success' : body?.data ? 'partial' : 'error';
          },
        };
      },
    },
    platformObserver: {
      circuitCreated(platform, state) {
        circuits.set(platform, state);
      },
      callFinished({ platform, outcome, refusedBy, attempts, durationMs }) {
        platformCalls.inc({ platform, outcome });
        if (attempts > 0) platformAttempts.inc({ platform }, attempts);
        if (outcome !== 'OK' && outcome !== 'NOT_FOUND') platformErrors.inc({ platform, code: outcome, refused_by: refusedBy ?? '' });
        if (!refusedBy) platformDuration.observe({ platform }, durationMs / 1000);
      },
    },
    observeDatabasePool(knex) {
      pools.push(knex);
    },
    ledgerAppended(head) {
      appends.inc();
      headSeq.set(Number(head.seq));
    },
  };
}
