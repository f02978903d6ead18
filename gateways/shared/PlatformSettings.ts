import type { CircuitBreakerOptions } from './CircuitBreaker.js';
import type { PlatformObserver } from './PlatformObserver.js';
import type { SourcePlatform } from './platforms.js';

/** How the hub reaches one platform; read from configuration at start (see `src/hub/config.ts`). */
export interface PlatformSettings {
  platform: SourcePlatform;
  /** False when switched off by configuration: its fields answer SOURCE_UNAVAILABLE without a call. */
  enabled: boolean;
  /** Base URL of the platform's API, e.g. https://zwfw.sz.gov.cn/api (no trailing slash). */
  baseUrl: string;
  /** Time allowed for one HTTP attempt, connection to last byte (ms). */
  timeoutMs: number;
  /** Extra attempts for idempotent reads after a connection failure or a 502/503/504. */
  retries: number;
  /** First retry delay (ms); doubled per attempt, with jitter. */
  backoffMs: number;
  /** Bearer token the platform issued to the hub; null when the platform needs none. */
  token: string | null;
  /** Consecutive failures that open the circuit, and how long it stays open (ms); tests may give the breaker a clock. */
  breaker: CircuitBreakerOptions;
  /** Most keep-alive connections held open to the platform. */
  maxSockets: number;
  /** Hears every call and the circuit's state (the hub's metrics); none by default. */
  observer?: PlatformObserver;
}

/** Settings for a platform at `baseUrl` with the defaults the hub uses when configuration is silent. */
export function defaultPlatformSettings(platform: SourcePlatform, baseUrl: string, token: string | null): PlatformSettings {
  return {
    platform,
    enabled: true,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    timeoutMs: 3000,
    retries: 2,
    backoffMs: 50,
    token,
    breaker: { failureThreshold: 5, openMs: 10_000 },
    maxSockets: 16,
  };
}
