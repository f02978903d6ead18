import { context, propagation, trace } from '@opentelemetry/api';

/** Tracing while it runs: spans are batched to the OTLP endpoint. */
export interface Tracing {
  /** Sends the spans not yet exported and unregisters the SDK. Idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing for this process: spans export over OTLP/HTTP (JSON) to
 * `${endpoint}/v1/traces` in batches, context follows async calls (AsyncLocalStorage), and W3C
 * `traceparent` is read from requests and written to platform calls. The SDK modules are imported here
 * only, so a hub without OTEL_EXPORTER_OTLP_ENDPOINT never loads them. `OTEL_SERVICE_NAME` names the
 * service (default `chengxin-hub`).
 */
export async function startTracing(endpoint: string, serviceName = process.env.OTEL_SERVICE_NAME?.trim() || 'chengxin-hub'): Promise<Tracing> {
  const [{ TracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }), scheduledDelayMillis: 1000 })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  let stopped: Promise<void> | null = null;
  return {
    shutdown() {
      stopped ??= (async () => {
        await provider.shutdown();
        trace.disable();
        propagation.disable();
        context.disable();
      })();
      return stopped;
    },
  };
}
