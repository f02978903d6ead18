import { createKnex } from '../../../db/connection.js';
import { runEvaluateCli } from '../../workflows/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { connectPlatforms } from '../connectPlatforms.js';
import { CONNECTED_GATEWAYS } from '../connectedGateways.js';
import { createPlatformIndicatorSource } from '../createPlatformIndicatorSource.js';
import { createLogger } from '../logger.js';

// `npm run evaluate -- --period 2026-Q3 [--level DEPARTMENT|DISTRICT|ALL] [--data-as-of …]`: see runEvaluateCli
// (src/workflows/evaluation/cli). A composition root like `npm start`, not a workflow file, because it
// connects the platforms (GOV_SERVICE_URL, CONSTRUCTION_URL … as for the hub; sandboxes when unset,
// outside production) — workflows may not import the gateways. The database is DATABASE_URL or PGLITE_DIR.
const logger = createLogger('warn');
let config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`invalid configuration: ${(error as Error).message}${error instanceof ConfigError ? ` (${error.variable})` : ''}\n`);
  process.exit(2);
}
if (!config.databaseUrl && !config.pgliteDir) {
  process.stderr.write('set DATABASE_URL (PostgreSQL) or PGLITE_DIR (the embedded database directory): the evaluation is stored in the hub\'s database\n');
  process.exit(2);
}
const knex = config.databaseUrl ? createKnex({ kind: 'postgres', url: config.databaseUrl }) : createKnex({ kind: 'pglite', directory: config.pgliteDir! });
const platforms = await connectPlatforms(config, CONNECTED_GATEWAYS, logger);
try {
  process.exitCode = await runEvaluateCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    knex,
    platforms: createPlatformIndicatorSource(platforms.adapters),
  });
} finally {
  await platforms.close();
  await knex.destroy();
}
