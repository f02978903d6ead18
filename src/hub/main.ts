import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startHub } from './startHub.js';

// Entry point of `npm start`: configuration errors and an unreachable database stop the process
// with the reason; SIGTERM and SIGINT stop it gracefully.
const bootLogger = createLogger('info');
let config;
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
const started = Date.now();
try {
  const hub = await startHub(config, logger);
  logger.info('hub ready', { graphql: `${hub.url}/graphql`, startupMs: Date.now() - started });
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
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
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  logger.error(`hub failed to start: ${(error as Error).message}`, { err: error });
  process.exit(1);
}
