import cluster, { type Worker } from 'node:cluster';
import type { HubConfig } from './config.js';
import type { Logger } from './logger.js';
import { serveClusterMetrics } from './metrics/serveMetrics.js';
import type { MetricsServer } from './metrics/startMetricsServer.js';
import { openDatabase } from './startHub.js';

/** The primary process of a `HUB_WORKERS` cluster, once its workers are forked. */
export interface ClusterPrimary {
  /** Passes SIGTERM to every worker and resolves with the exit code once all have exited. */
  stop(): Promise<number>;
}

/** A worker that dies this soon after it was forked is not replaced: it would only die again. */
const MIN_LIFETIME_MS = 10_000;

/**
 * Runs `HUB_WORKERS` hub processes on this machine with node:cluster: they share the listening port
 * (connections are spread across them) and one PostgreSQL. The primary migrates and seeds the database
 * once, serves the summed metrics of all workers when `METRICS_PORT` is set, and replaces a worker that
 * dies after running a while; it serves no GraphQL itself.
 */
export async function runClusterPrimary(config: HubConfig, logger: Logger): Promise<ClusterPrimary> {
  const { knex } = await openDatabase(config, logger);
  await knex.destroy();
  const metrics: MetricsServer | null = config.metrics ? await serveClusterMetrics(config.metrics) : null;
  if (metrics) logger.info('metrics of every worker served', { metrics: metrics.url });
  let stopping = false;
  let failed = false;
  const forkedAt = new Map<Worker, number>();
  const fork = () => forkedAt.set(cluster.fork(), Date.now());
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (forkedAt.get(worker) ?? 0);
    forkedAt.delete(worker);
    if (stopping) return;
    if (lived < MIN_LIFETIME_MS) {
      failed = true;
      logger.error('hub worker failed soon after start; not replaced', { pid: worker.process.pid, code, signal, livedMs: lived });
      if (forkedAt.size === 0) process.exit(1);
      return;
    }
    logger.error('hub worker died; starting another', { pid: worker.process.pid, code, signal });
    fork();
  });
  logger.info('starting hub workers', { workers: config.workers });
  for (let i = 0; i < config.workers; i++) fork();
  return {
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      const codes = await Promise.all(workers.map((worker) => new Promise<number>((resolve) => {
        if (worker.isDead()) return resolve(worker.process.exitCode ?? 1);
        worker.once('exit', (code) => resolve(code));
        worker.process.kill('SIGTERM');
      })));
      await metrics?.stop();
      return failed || codes.some((code) => code !== 0) ? 1 : 0;
    },
  };
}
