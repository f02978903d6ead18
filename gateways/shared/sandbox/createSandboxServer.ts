import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SourcePlatform } from '../platforms.js';
import { describeFaultProblem, type SandboxFault } from './SandboxFault.js';

/** A request as a sandbox route sees it. */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The decoded JSON body (undefined for none). */
  body: unknown;
  /** Values captured by the route pattern's groups. */
  params: string[];
}

/** What a route answers: an HTTP status and a JSON body in the platform's own format. */
export interface SandboxReply {
  status: number;
  body: unknown;
}

/** One endpoint of a platform's API. */
export interface SandboxRoute {
  method: 'GET' | 'POST';
  /** Matched against the whole path; capture groups become `params`. */
  pattern: RegExp;
  /** A short stable name used in request statistics, e.g. `projects:batchGet`. */
  name: string;
  handle(request: SandboxRequest): SandboxReply;
}

/** Requests a sandbox has served since start or the last reset (admin calls not counted). */
export interface SandboxStats {
  requests: number;
  /** TCP connections accepted (kept-alive clients reuse theirs). */
  connections: number;
  byRoute: Record<string, number>;
}

/** A running sandbox of one platform. */
export interface RunningSandbox {
  platform: SourcePlatform;
  /** Base URL of the API, e.g. http://127.0.0.1:41234. */
  url: string;
  /** The token the sandbox expects as `Authorization: Bearer …`. */
  token: string;
  stats(): SandboxStats;
  resetStats(): void;
  /** Injects a fault (replacing any previous one). */
  setFault(fault: SandboxFault): void;
  clearFault(): void;
  /** Stops listening and cuts open connections, hanging ones included. Idempotent. */
  stop(): Promise<void>;
}

/** Options of a sandbox server. */
export interface SandboxServerOptions {
  platform: SourcePlatform;
  routes: SandboxRoute[];
  token: string;
  /** Turns a platform error into that platform's error body, e.g. `{ code: 500, msg: … }`. */
  errorBody(status: number, message: string): unknown;
  /** The body sent for the `wrongShape` fault: valid JSON that lacks what the API promises. */
  wrongShapeBody?: unknown;
  host?: string;
  port?: number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * Starts a reference server of a platform's API on loopback: real HTTP, the platform's own paths and
 * field names, bearer-token authentication, request statistics and faults on demand. The admin
 * endpoints `/__sandbox/stats` (GET, DELETE) and `/__sandbox/fault` (PUT a SandboxFault, DELETE) let a
 * person or a test drive it from outside the process.
 */
export async function createSandboxServer(options: SandboxServerOptions): Promise<RunningSandbox> {
  let stats: SandboxStats = { requests: 0, connections: 0, byRoute: {} };
  let fault: SandboxFault | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith('/__sandbox/')) return admin(req, res, url.pathname);
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, options.errorBody(401, 'missing or wrong access token'));
    }
    const route = options.routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) return send(res, 404, options.errorBody(404, `no such endpoint ${req.method} ${url.pathname}`));
    stats.requests += 1;
    stats.byRoute[route.name] = (stats.byRoute[route.name] ?? 0) + 1;
    let body: unknown;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, options.errorBody(400, 'the request body is not valid JSON'));
    }
    const active = fault && (!fault.pathPrefix || url.pathname.startsWith(fault.pathPrefix)) ? fault : null;
    if (active) {
      if (active.times !== undefined && --active.times <= 0) fault = null;
      if (active.latencyMs) await sleep(active.latencyMs);
      if (active.hang) return; // the connection stays open until the client or stop() cuts it
      if (active.status) return send(res, active.status, options.errorBody(active.status, 'fault injected by the sandbox'));
      if (active.malformed) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"code":200,"data":[{"truncated');
      }
      if (active.wrongShape) return send(res, 200, options.wrongShapeBody ?? { unexpected: true });
    }
    const params = route.pattern.exec(url.pathname)?.slice(1) ?? [];
    const reply = route.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, params: params.map(decodeURIComponent) });
    send(res, reply.status, reply.body);
  }

  async function admin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/__sandbox/stats' && req.method === 'GET') return send(res, 200, stats);
    if (path === '/__sandbox/stats' && req.method === 'DELETE') {
      stats = { requests: 0, connections: 0, byRoute: {} };
      return send(res, 200, stats);
    }
    if (path === '/__sandbox/fault' && req.method === 'DELETE') {
      fault = null;
      return send(res, 200, { fault });
    }
    if (path === '/__sandbox/fault' && req.method === 'PUT') {
      let body: unknown;
      try {
        body = await readBody(req);
      } catch {
        return send(res, 400, { error: 'the body is not valid JSON' });
      }
      const problem = describeFaultProblem(body);
      if (problem) return send(res, 400, { error: problem });
      fault = { ...(body as SandboxFault) };
      return send(res, 200, { fault });
    }
    send(res, 404, { error: `no admin endpoint ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, options.errorBody(500, `sandbox error: ${(error as Error).message}`));
      else res.destroy();
    });
  });
  server.on('connection', () => void (stats.connections += 1));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  let stopping: Promise<void> | null = null;
  return {
    platform: options.platform,
    url: `http://${address.address}:${address.port}`,
    token: options.token,
    stats: () => ({ ...stats, byRoute: { ...stats.byRoute } }),
    resetStats: () => void (stats = { requests: 0, connections: 0, byRoute: {} }),
    setFault: (f) => void (fault = { ...f }),
    clearFault: () => void (fault = null),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
