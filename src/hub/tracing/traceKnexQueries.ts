import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Knex } from 'knex';

interface QueryEvent {
  __knexQueryUid?: string;
  sql?: string;
  method?: string;
}

/** Longest statement text put on a span (the statement, never its bound values). */
const MAX_STATEMENT = 2000;

/**
 * Gives every SQL statement `knex` runs a client span (`SQL select`, `SQL insert`, …) in the trace of the
 * request that ran it, from knex's query events: `db.query.text` holds the statement with its `?`
 * placeholders, never the bound values (they can be personal data). Call once per knex instance.
 */
export function traceKnexQueries(knex: Knex): void {
  const tracer = trace.getTracer('chengxin-hub');
  const open = new Map<string, Span>();
  const finish = (query: QueryEvent, error?: unknown) => {
    const uid = query.__knexQueryUid;
    const span = uid === undefined ? undefined : open.get(uid);
    if (!span) return;
    open.delete(uid!);
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.end();
  };
  knex.on('query', (query: QueryEvent) => {
    if (query.__knexQueryUid === undefined) return;
    const operation = (query.method ?? query.sql?.trim().split(/\s+/, 1)[0] ?? 'query').toLowerCase();
    open.set(query.__knexQueryUid, tracer.startSpan(`SQL ${operation}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': (query.sql ?? '').slice(0, MAX_STATEMENT) },
    }, context.active()));
  });
  knex.on('query-response', (_response: unknown, query: QueryEvent) => finish(query));
  knex.on('query-error', (error: unknown, query: QueryEvent) => finish(query, error));
}
