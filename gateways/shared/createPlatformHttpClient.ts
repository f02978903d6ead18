import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { CircuitBreaker } from './CircuitBreaker.js';
import { JsonReader, MalformedBodyError } from './JsonReader.js';
import { PLATFORMS } from './platforms.js';
import type { PlatformCallEvent } from './PlatformObserver.js';
import type { PlatformSettings } from './PlatformSettings.js';
import { SourceError } from './SourceError.js';

/** One call to a platform. */
export interface PlatformRequest {
  method: 'GET' | 'POST';
  /** Path under the base URL, e.g. `/api/v1/projects:batchGet`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** True for reads that may safely be sent again (batch queries sent as POST included). */
  idempotent: boolean;
}

/** A platform's answer: the decoded JSON body (status 2xx) or null for a 404, and when it arrived. */
export interface PlatformResponse {
  body: JsonReader | null;
  status: number;
  fetchedAt: Date;
}

/** HTTP to one platform: connection reuse, timeouts, bounded retries and a circuit breaker. */
export interface PlatformHttpClient {
  readonly settings: PlatformSettings;
  /**
   * Sends the request. Resolves with the decoded body, or `body: null` for a 404; rejects only with
   * SourceError (SOURCE_UNAVAILABLE, SOURCE_TIMEOUT, SOURCE_BAD_RESPONSE) naming the platform and cause.
   */
  send(request: PlatformRequest): Promise<PlatformResponse>;
  /** Closes the kept-alive connections. */
  close(): void;
}

class AttemptFailure extends Error {
  constructor(readonly kind: 'connect' | 'timeout' | 'status' | 'body', message: string, readonly status?: number) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Creates the HTTP client of one platform. Only connection failures and 502/503/504 are retried, and
 * only for idempotent requests: a platform that does not answer within the timeout is not asked again
 * (three timeouts in a row would triple the caller's wait). While the circuit is open, calls fail at
 * once with SOURCE_UNAVAILABLE.
 */
export function createPlatformHttpClient(settings: PlatformSettings): PlatformHttpClient {
  const base = new URL(`${settings.baseUrl}/`);
  const isHttps = base.protocol === 'https:';
  const agent = isHttps
    ? new https.Agent({ keepAlive: true, maxSockets: settings.maxSockets })
    : new http.Agent({ keepAlive: true, maxSockets: settings.maxSockets });
  const breaker = new CircuitBreaker(settings.breaker);
  const title = PLATFORMS[settings.platform].title;
  const fail = (code: ConstructorParameters<typeof SourceError>[1], cause: string) => new SourceError(settings.platform, code, cause);

  function attempt(request: PlatformRequest, traceHeaders: Record<string, string>): Promise<{ status: number; text: string }> {
    const url = new URL(request.path.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    const headers: Record<string, string> = { ...traceHeaders, accept: 'application/json' };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(payload.length) });
    if (settings.token) headers.authorization = `Bearer ${settings.token}`;
    return new Promise((resolve, reject) => {
      const req = (isHttps ? https : http).request(url, { method: request.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) req.destroy(new AttemptFailure('body', `body larger than ${MAX_BODY_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => reject(error));
      });
      // One deadline for the whole attempt: connecting, waiting and reading the body.
      const timer = setTimeout(() => req.destroy(new AttemptFailure('timeout', `no complete answer within ${settings.timeoutMs} ms`)), settings.timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error instanceof AttemptFailure ? error : new AttemptFailure('connect', `cannot reach ${url.origin}: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      });
      req.end(payload);
    });
  }

  async function sendOnce(request: PlatformRequest, traceHeaders: Record<string, string>): Promise<PlatformResponse> {
    const { status, text } = await attempt(request, traceHeaders);
    const fetchedAt = new Date();
    if (status === 404) return { body: null, status, fetchedAt };
    if (status < 200 || status >= 300) throw new AttemptFailure('status', `answered HTTP ${status}`, status);
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch {
      throw new AttemptFailure('body', `answered a body that is not JSON (${text.length} bytes, starting ${JSON.stringify(text.slice(0, 30))})`);
    }
    return { body: new JsonReader(decoded), status, fetchedAt };
  }

  const observer = settings.observer;
  observer?.circuitCreated?.(settings.platform, () => breaker.state);

  async function send(request: PlatformRequest, tried: { attempts: number }, traceHeaders: Record<string, string>): Promise<PlatformResponse> {
    if (!settings.enabled) {
      throw fail('SOURCE_UNAVAILABLE', `the ${title} is switched off by configuration (${PLATFORMS[settings.platform].envPrefix}_ENABLED=false)`);
    }
    const decision = breaker.check();
    if (!decision.allowed) {
      throw fail('SOURCE_UNAVAILABLE', `circuit open after ${decision.failures} consecutive failures; next attempt after ${new Date(decision.retryAt).toISOString()}`);
    }
    const attempts = request.idempotent ? settings.retries + 1 : 1;
    for (let i = 0; ; i++) {
      tried.attempts = i + 1;
      try {
        const response = await sendOnce(request, traceHeaders);
        breaker.success();
        return response;
      } catch (error) {
        const failure = error instanceof AttemptFailure ? error : new AttemptFailure('connect', (error as Error).message);
        const retryable = failure.kind === 'connect' || (failure.kind === 'status' && RETRYABLE_STATUS.has(failure.status ?? 0));
        if (retryable && i + 1 < attempts) {
          await sleep(settings.backoffMs * 2 ** i * (0.5 + Math.random()));
          continue;
        }
        // A 4xx is our mistake or bad credentials, not the platform being down: it does not trip the breaker.
        if (!(failure.kind === 'status' && (failure.status ?? 0) < 500)) breaker.failure();
        else breaker.success();
        const tries = i + 1 > 1 ? ` (after ${i + 1} attempts)` : '';
        if (failure.kind === 'timeout') throw fail('SOURCE_TIMEOUT', `${failure.message}${tries}`);
        if (failure.kind === 'body') throw fail('SOURCE_BAD_RESPONSE', failure.message);
        throw fail('SOURCE_UNAVAILABLE', `${failure.message}${tries}`);
      }
    }
  }

  async function observed(request: PlatformRequest, traceHeaders: Record<string, string>): Promise<PlatformResponse> {
    if (!observer?.callFinished) return send(request, { attempts: 0 }, traceHeaders);
    const started = performance.now();
    const tried = { attempts: 0 };
    const report = (outcome: PlatformCallEvent['outcome']) => observer.callFinished!({
      platform: settings.platform,
      outcome,
      ...(tried.attempts === 0 ? { refusedBy: settings.enabled ? 'circuit' as const : 'configuration' as const } : {}),
      attempts: tried.attempts,
      durationMs: performance.now() - started,
    });
    try {
      const response = await send(request, tried, traceHeaders);
      report(response.body ? 'OK' : 'NOT_FOUND');
      return response;
    } catch (error) {
      report(error instanceof SourceError ? error.code : 'SOURCE_UNAVAILABLE');
      throw error;
    }
  }

  return {
    settings,
    send(request) {
      const traceCall = observer?.traceCall;
      return traceCall ? traceCall(settings.platform, request, (headers) => observed(request, headers)) : observed(request, {});
    },
    close() {
      agent.destroy();
    },
  };
}

/**
 * Runs `read` over a platform body and turns a wrong shape into SOURCE_BAD_RESPONSE naming the
 * platform and the path of the first bad value. Use it in every client method.
 */
export function readBody<T>(platform: PlatformSettings['platform'], body: JsonReader, read: (body: JsonReader) => T): T {
  try {
    return read(body);
  } catch (error) {
    if (error instanceof MalformedBodyError) throw new SourceError(platform, 'SOURCE_BAD_RESPONSE', `unexpected body: ${error.message}`);
    throw error;
  }
}
