import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

// The hub's spans. Only called when tracing is on (startHub wires these in only then); with no SDK
// registered the API would hand out no-op spans anyway.
const tracer = () => trace.getTracer('chengxin-hub');

/** Ends `span` as failed with `error`'s message. */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** Runs `run` inside a new active span `name`; the span ends when the promise settles (failed if it rejects). */
export function withSpan<T>(name: string, attributes: Attributes, run: (span: Span) => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Runs an HTTP request's handling inside a server span (`POST /graphql`), continuing the caller's trace
 * when the request carries a W3C `traceparent`; the span ends when the answer has been sent.
 */
export function traceHttpRequest(method: string, path: string, headers: Record<string, string | string[] | undefined>, onClose: (listener: () => void) => void, statusOf: () => number, run: () => Promise<void>): Promise<void> {
  const parent = propagation.extract(context.active(), headers);
  const span = tracer().startSpan(`${method} ${path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path } }, parent);
  onClose(() => {
    const status = statusOf();
    span.setAttribute('http.response.status_code', status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), run);
}

/** The W3C trace headers (`traceparent`, `tracestate`) of the active span, to send to a platform. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/** A platform HTTP call in a client span of the caller's trace, with the trace headers to send (PlatformObserver.traceCall). */
export function tracePlatformCall<T>(platform: string, request: { method: string; path: string }, call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  return withSpan(`${request.method} ${platform}`, { 'http.request.method': request.method, 'url.path': request.path, 'chengxin.platform': platform }, () => call(traceHeaders()), SpanKind.CLIENT);
}
