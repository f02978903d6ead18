import type { CircuitState } from './CircuitBreaker.js';
import type { SourcePlatform } from './platforms.js';
import type { SourceErrorCode } from './SourceError.js';

/** One call to a platform as the caller saw it: all its attempts, from the first byte sent to the answer. */
export interface PlatformCallEvent {
  platform: SourcePlatform;
  /** `OK` (2xx), `NOT_FOUND` (404, an answer), or the SourceError code the call failed with. */
  outcome: 'OK' | 'NOT_FOUND' | SourceErrorCode;
  /** Why no request went out: the circuit was open or the platform is switched off; absent when one did. */
  refusedBy?: 'circuit' | 'configuration';
  /** HTTP attempts made (retries included); 0 when refused. */
  attempts: number;
  durationMs: number;
}

/**
 * Hears what the platform HTTP clients do, for metrics and tracing. The hub passes one in through
 * `PlatformSettings.observer`; the gateways never import the hub. Methods must not throw or block.
 */
export interface PlatformObserver {
  /** A client was created; `state` reads its circuit breaker whenever asked (e.g. at a metrics scrape). */
  circuitCreated?(platform: SourcePlatform, state: () => CircuitState): void;
  /** A call finished, successfully or not. */
  callFinished?(event: PlatformCallEvent): void;
  /**
   * Wraps one call (tracing): runs `call` inside a span of the caller's trace and hands it the headers to
   * send with every attempt (W3C `traceparent`). Must call `call` exactly once and return its result.
   */
  traceCall?<T>(platform: SourcePlatform, request: { method: string; path: string }, call: (headers: Record<string, string>) => Promise<T>): Promise<T>;
}
