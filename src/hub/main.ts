import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type HubConfig } from './config.js';
import { createLogger } from './logger.js';
import type { ClusterPrimary } from './runClusterPrimary.js';
import type { Hub } from './startHub.js';

// Entry point of `npm start` (from source) and `npm run start:prod` (compiled, dist/src/hub/main.js):
// configuration errors and an unreachable database stop the process with the reason; SIGTERM and SIGINT
// stop it gracefully. With HUB_WORKERS=N > 1 this process becomes the primary of N hub workers (node:cluster),
// each of which runs this file again as a worker.
const bootLogger = createLogger('info');
let config: HubConfig;
try {
  config = loadConfig();
} catch (error) {
  bootLogger.error(`invalid configuration: ${(error as Error).message}`, {
    variable: error instanceof ConfigError ? error.variable : undefined,
  });
  process.exit(78); // EX_CONFIG
}
const logger = createLogger(config.logLevel);
const primary = config.workers > 1 && cluster.isPrimary;
if (cluster.isWorker && config.metrics) {
  // The primary serves every worker's metrics on METRICS_PORT; a worker answers the primary's requests.
  config = { ...config, metrics: { ...config.metrics, viaClusterPrimary: true } };
}
if (config.usingDevelopmentKey && !cluster.isWorker) {
  logger.warn('CHENGXIN_DATA_KEY is not set: using the public development key, fit for sample data only');
}
if (config.checkSigningKeyDerived) {
  // Outside production only (loadConfig refuses production without the key): stable across restarts, and as
  // secret as the data key — with the public development key, anyone can sign a check that verifies.
  logger.warn('CREDIT_CHECK_SIGNING_KEY is not set: signing credit checks with a key derived from CHENGXIN_DATA_KEY (development only)');
}

let hub: Hub | ClusterPrimary | null = null;
let shuttingDown = false;
function shutdown(signal: string): void {
  // npm, tsx and a process manager may all forward the same signal: act on the first only.
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', { signal });
  if (!hub) process.exit(0); // still starting: nothing is being served yet
  // A cluster's primary gives its workers their own grace period and a little more to exit.
  const graceMs = config.shutdownGraceMs + (primary ? 2000 : 0);
  const timer = setTimeout(() => {
    logger.error('graceful shutdown timed out; exiting', { graceMs });
    process.exit(1);
  }, graceMs);
  timer.unref();
  hub.stop().then(
    (code) => {
      logger.info('stopped');
      process.exit(typeof code === 'number' ? code : 0);
    },
    (error: unknown) => {
      logger.error('error while stopping', { err: error });
      process.exit(1);
    },
  );
}
// Registered before the embedded database's module is even loaded (hence the dynamic import below):
// SIGTERM listeners added after PGlite's WebAssembly module has loaded were observed never to run, the
// process dying with the default action instead.
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

const started = Date.now();
try {
  if (primary) {
    const { runClusterPrimary } = await import('./runClusterPrimary.js');
    hub = await runClusterPrimary(config, logger);
  } else {
    const { startHub } = await import('./startHub.js');
    const running = await startHub(config, logger);
    hub = running;
    logger.info('hub ready', {
      graphql: `${running.url}/graphql`, explorer: `${running.url}/`, startupMs: Date.now() - started,
      ...(running.metricsUrl ? { metrics: running.metricsUrl } : {}), ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}),
    });
  }
} catch (error) {
  logger.error(`hub failed to start: ${(error as Error).message}`, { err: error });
  process.exit(1);
}
