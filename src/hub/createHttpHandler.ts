import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { describeLimitExcess, OPERATION_LIMIT_EXCEEDED } from '../governance/index.js';
import type { ErrorCode } from '../codes/index.js';


/** Probes behind /healthz and /readyz. */
export interface HealthProbes {
  /** Resolves true when the hub can serve queries (its database answers). */
  ready(): Promise<boolean>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code: ErrorCode = 'BAD_REQUEST', readonly closeConnection = false) {
    super(message);
  }
}

/**
 * How much of an oversized body is still read and discarded before the 413 is sent: a client that is
 * still uploading when the connection closes sees a reset instead of the answer. A body declared larger
 * than the limit plus this is refused at once.
 */
const DRAIN_BYTES = 8 * 1_048_576;

const tooLarge = (maxBytes: number) => new HttpError(413, `request body is larger than maxBodyBytes ${maxBytes}; split the operation or send variables instead of inlined data`, 'OPERATION_LIMIT_EXCEEDED', true);

/**
 * Reads the whole body, or rejects with a 413 that closes the connection: the rest of an oversized body
 * is read and dropped (up to DRAIN_BYTES) so the client gets to read the answer, and the connection is not
 * reused, so no leftover bytes are taken for the client's next request.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + DRAIN_BYTES) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes + DRAIN_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge(maxBytes));
      }
    });
    req.on('end', () => (size > maxBytes ? reject(tooLarge(maxBytes)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (!contentType?.toLowerCase().includes('application/json')) return text;
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON; send {"query": "...", "variables": {...}}');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, closeConnection = false): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(closeConnection ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

/** A GraphQL request the hub refuses before execution: status, error code, message, extra error fields, headers. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Which server executes a request and with what context, or why it is refused before execution. */
export type Admission<TContext extends object> = { apollo: ApolloServer<TContext>; context: TContext } | { refusal: Refusal };

/**
 * The hub's HTTP routes: POST/GET /graphql (Apollo), /healthz (process alive), /readyz (can serve).
 * `admit` decides per request — from its headers and the client address — which Apollo server runs it
 * with which fresh context, or refuses it with a GraphQL-shaped error body. The document is Apollo's to
 * read: checks of its text are Apollo plugins, so they see the text that runs.
 */
export function createHttpHandler<TContext extends object>(
  admit: (req: IncomingMessage) => Promise<Admission<TContext>>,
  probes: HealthProbes,
  extraRoutes: (req: IncomingMessage, res: ServerResponse, path: string) => boolean = () => false,
  maxBodyBytes = 1_048_576,
  maxResponseBytes = Number.POSITIVE_INFINITY,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    try {
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        const ready = await probes.ready();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      if (extraRoutes(req, res, url.pathname)) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}; the graph is at /graphql` });
      // A person opening /graphql in a browser wants the explorer, not a "missing query" error.
      if (req.method === 'GET' && !url.searchParams.has('query') && req.headers.accept?.includes('text/html')) {
        res.writeHead(302, { location: '/explorer' });
        res.end();
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const body = req.method === 'POST' ? parseJsonBody(await readBody(req, maxBodyBytes), req.headers['content-type']) : undefined;
      const admission = await admit(req);
      if ('refusal' in admission) {
        const { status, code, message, extensions, headers: extra } = admission.refusal;
        for (const [name, value] of Object.entries(extra ?? {})) res.setHeader(name, value);
        return sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
      }
      const result = await admission.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: async () => admission.context,
      });
      if (result.body.kind === 'complete' && Buffer.byteLength(result.body.string) > maxResponseBytes) {
        // The execution budget bounds the values; long strings can still add up. Withhold, never truncate.
        const actual = Buffer.byteLength(result.body.string);
        return sendJson(res, 400, { errors: [{ message: describeLimitExcess({ limit: 'maxResponseBytes', max: maxResponseBytes, actual }), extensions: { code: OPERATION_LIMIT_EXCEEDED, limit: 'maxResponseBytes', max: maxResponseBytes, actual } }] });
      }
      // Answers depend on the caller (governance): no shared cache may keep them.
      res.setHeader('cache-control', 'no-store');
      for (const [name, value] of result.headers) res.setHeader(name, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, error.closeConnection);
      throw error;
    }
  };
}
