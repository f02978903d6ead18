import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The listener behind `METRICS_PORT`. */
export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  stop(): Promise<void>;
}

/** What a scrape answers: Prometheus text and its content type. */
export interface MetricsSource {
  contentType: string;
  render(): Promise<string>;
}

/**
 * Serves `GET /metrics` on its own listener, apart from the public port, so that only who can reach
 * `host:port` (loopback unless configured otherwise) reads the hub's internals. Rejects when it cannot listen.
 */
export async function startMetricsServer(source: MetricsSource, host: string, port: number): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics are at GET /metrics\n');
      return;
    }
    source.render().then(
      (text) => res.writeHead(200, { 'content-type': source.contentType, 'cache-control': 'no-store' }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics unavailable: ${(error as Error).message}\n`),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    throw new Error(`cannot listen for metrics on ${host}:${port} (METRICS_HOST, METRICS_PORT): ${(error as Error).message}`);
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/metrics`,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
