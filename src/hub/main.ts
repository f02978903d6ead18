import 'reflect-metadata';
import { ConfigError, loadConfig, type HubConfig } from './config.js';
import { createLogger } from './logger.js';
import type { Hub } from './startHub.js';

// Entry point of `npm start`: configuration errors and an unreachable database stop the process
// with the reason; SIGTERM and SIGINT stop it gracefully.
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
if (config.usingDevelopmentKey) {
  logger.warn('CHENGXIN_DATA_KEY is not set: using the public development key, fit for sample data only');
}
if (config.checkSigningKeyDerived) {
  // Outside production only (loadConfig refuses production without the key): stable across restarts, and as
  // secret as the data key — with the public development key, anyone can sign a check that verifies.
  logger.warn('CREDIT_CHECK_SIGNING_KEY is not set: signing credit checks with a key derived from CHENGXIN_DATA_KEY (development only)');
}

let hub: Hub | null = null;
let shuttingDown = false;
function shutdown(signal: string): void {
  // npm, tsx and a process manager may all forward the same signal: act on the first only.
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', { signal });
  if (!hub) process.exit(0); // still starting: nothing is being served yet
  const timer = setTimeout(() => {
    logger.error('graceful shutdown timed out; exiting', { graceMs: config.shutdownGraceMs });
    process.exit(1);
  }, config.shutdownGraceMs);
  timer.unref();
  hub.stop().then(
    () => {
      logger.info('stopped');
      process.exit(0);
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
  const { startHub } = await import('./startHub.js');
  hub = await startHub(config, logger);
  logger.info('hub ready', { graphql: `${hub.url}/graphql`, explorer: `${hub.url}/`, startupMs: Date.now() - started });
} catch (error) {
  logger.error(`hub failed to start: ${(error as Error).message}`, { err: error });
  process.exit(1);
}
