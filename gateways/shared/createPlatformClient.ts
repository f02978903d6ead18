import { createPlatformHttpClient, readBody, type PlatformRequest } from './createPlatformHttpClient.js';
import type { JsonReader } from './JsonReader.js';
import type { PlatformSettings } from './PlatformSettings.js';
import { SourceError } from './SourceError.js';

/** The envelope code every platform uses for success; anything else is the platform declining to answer. */
export const ENVELOPE_SUCCESS = 200;

/**
 * A platform's batch API as every adapter uses it: idempotent POSTs answered with the envelope
 * `{ code, msg, data }` over the shared HTTP client (keep-alive, timeout, bounded retries, breaker).
 */
export interface PlatformClient {
  readonly settings: PlatformSettings;
  /**
   * Posts `body` to `path` and reads the envelope's `data` with `read` (given when the answer arrived).
   * Rejects only with SourceError, mapped once for every platform (gateways/README.md, "Failures"):
   * no connection, HTTP error status or an envelope code other than 200 → SOURCE_UNAVAILABLE (with the
   * platform's code and message); no complete answer in time → SOURCE_TIMEOUT; a 404, a body that is
   * not JSON or a body or `data` of the wrong shape → SOURCE_BAD_RESPONSE naming the path.
   */
  post<T>(path: string, body: unknown, read: (data: JsonReader, fetchedAt: Date) => T): Promise<T>;
  /** Gets `path` with the query parameters `query` (undefined ones left out) and reads the envelope's `data` as `post` does. */
  get<T>(path: string, query: Record<string, string | number | undefined>, read: (data: JsonReader, fetchedAt: Date) => T): Promise<T>;
  /** Closes the kept-alive connections. */
  close(): void;
}

/** Creates the client of the platform described by `settings`. */
export function createPlatformClient(settings: PlatformSettings): PlatformClient {
  const http = createPlatformHttpClient(settings);
  const platform = settings.platform;
  async function call<T>(request: PlatformRequest, read: (data: JsonReader, fetchedAt: Date) => T): Promise<T> {
    const what = `${request.method} ${request.path}`;
    const response = await http.send(request);
    if (!response.body) throw new SourceError(platform, 'SOURCE_BAD_RESPONSE', `answered 404 for ${what}: the endpoint does not exist at ${settings.baseUrl}`);
    return readBody(platform, response.body, (envelope) => {
      const code = envelope.get('code').integer();
      if (code !== ENVELOPE_SUCCESS) {
        const msg = envelope.get('msg').optionalString() ?? 'no message';
        throw new SourceError(platform, 'SOURCE_UNAVAILABLE', `answered code ${code} (${msg}) for ${what}`);
      }
      return read(envelope.get('data'), response.fetchedAt);
    });
  }
  return {
    settings,
    post: (path, body, read) => call({ method: 'POST', path, body, idempotent: true }, read),
    get: (path, query, read) => call({ method: 'GET', path, query, idempotent: true }, read),
    close: () => http.close(),
  };
}
