import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { Knex } from 'knex';
import { assertDatabaseReachable, createKnex, migrateToLatest } from '../../db/connection.js';
import { openSampleSnapshot, sampleSnapshotKey } from '../../db/sampleSnapshot.js';
import { isDatabaseEmpty, loadSampleData, type SampleDataSummary } from '../../db/seed/loadSampleData.js';
import { createCreditSubschema, createIdNumberVault, KnexCreditStore } from '../credit/index.js';
import { createWorkflows, type RenderWebhookEvent } from '../workflows/index.js';
import { createPlatformIndicatorSource } from './createPlatformIndicatorSource.js';
import { publishSampleEvaluations } from './publishSampleEvaluations.js';
import { composeHubSchema } from './composeHubSchema.js';
import { createTenderSource } from './createTenderSource.js';
import { connectPlatforms, type ConnectedPlatforms } from './connectPlatforms.js';
import { CONNECTED_GATEWAYS } from './connectedGateways.js';
import type { Gateway, RunningSandbox, SourcePlatform } from '../../gateways/shared/index.js';
import type { HubConfig } from './config.js';
import { createHttpHandler } from './createHttpHandler.js';
import { createExplorerRoutes, EXPLORER_TITLE } from './explorer/createExplorerRoutes.js';
import { createDashboardRoutes, DASHBOARD_TITLE } from './dashboard/createDashboardRoutes.js';
import { registerDashboardDocuments } from './dashboard/dashboardDocuments.js';
import { createAdmission, type HubContext } from './createAdmission.js';
import { createGraphqlServers } from './createGraphqlServers.js';
import { trackConnections } from './trackConnections.js';
import { createSubscriptionServer } from './createSubscriptionServer.js';
import { createWebhookRenderer } from './createWebhookRenderer.js';
import { createFormatError } from './formatError.js';
import { createHubMetrics } from './metrics/createHubMetrics.js';
import { serveMetrics } from './metrics/serveMetrics.js';
import type { MetricsServer } from './metrics/startMetricsServer.js';
import {
  classifySchema, createAuditSubschema, createCheckpointWriter, readCheckpointPrivateKey, createGovernanceSubschema, DEMO_CONSUMERS, governanceOf, pruneRateLimitWindows, createRateLimiter, KnexAuditLedger, KnexConsumerStore, type FieldClassification,
} from '../governance/index.js';
import type { Logger } from './logger.js';
import { startTracing } from './tracing/startTracing.js';
import { traceHttpRequest, tracePlatformCall, withSpan } from './tracing/hubTracer.js';
import { traceKnexQueries } from './tracing/traceKnexQueries.js';
import { traceSubschema } from './tracing/traceSubschema.js';
import { INTERNAL_SERVER_ERROR, ROLE } from '../codes/index.js';

/** A running hub. */
export interface Hub {
  /** Base URL, e.g. http://127.0.0.1:4000 (the graph is at `${url}/graphql`). */
  url: string;
  /** The full governed schema (consumers that may read restricted data). */
  schema: GraphQLSchema;
  /** The schema the public and conditional consumers see: restricted fields removed. */
  publicSchema: GraphQLSchema;
  knex: Knex;
  /** Sandboxes started for platforms configured without a URL (tests stop one to simulate an outage). */
  sandboxes: Partial<Record<SourcePlatform, RunningSandbox>>;
  /** Where Prometheus metrics are served (`METRICS_PORT`); null when off or served by the cluster's primary. */
  metricsUrl: string | null;
  /** Stops accepting requests, lets running ones finish, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** Hides the password of a database URL for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Opens the configured database, migrates it and loads sample data when it is empty (then `sampleAsOf` is the
 * data's date). Run once by the primary of a `HUB_WORKERS` cluster before it starts the workers, so they neither
 * race to migrate nor seed twice.
 */
export async function openDatabase(config: HubConfig, logger: Logger): Promise<{ knex: Knex; sampleAsOf: string | null }> {
  const knexLog = {
    warn: (message: unknown) => logger.warn('database driver warning', { detail: String(message) }),
    error: (message: unknown) => logger.error('database driver error', { detail: String(message) }),
    deprecate: (method: string, alternative: string) => logger.warn('knex deprecation', { method, alternative }),
    debug: (message: unknown) => logger.debug('database driver', { detail: String(message) }),
  };
  const where = config.databaseUrl ? `PostgreSQL at ${redactUrl(config.databaseUrl)}` : `embedded PGlite (${config.pgliteDir ?? 'in memory'})`;
  const seed = config.seed;
  let knex: Knex;
  let seeded: SampleDataSummary | null = null;
  if (!config.databaseUrl && !config.pgliteDir && seed !== 'none') {
    // In memory: start from the stored snapshot of the migrated, seeded database (db/sampleSnapshot.ts), built on the
    // first start after migrations or sample data change.
    const snapshot = await openSampleSnapshot(await sampleSnapshotKey(seed, config.dataKey), async (fresh) => {
      await migrateToLatest(fresh);
      return loadSampleData(fresh, seed, createIdNumberVault(config.dataKey));
    });
    knex = snapshot.knex;
    seeded = snapshot.summary;
    logger.info('database ready', { database: where, snapshot: snapshot.restored ? 'restored' : 'built and stored' });
  } else {
    knex = config.databaseUrl
      ? createKnex({ kind: 'postgres', url: config.databaseUrl, poolMax: config.dbPoolMax }, knexLog)
      : createKnex({ kind: 'pglite', ...(config.pgliteDir ? { directory: config.pgliteDir } : {}) });
    try {
      await assertDatabaseReachable(knex);
    } catch (error) {
      await knex.destroy().catch(() => undefined);
      throw new Error(`cannot reach the database, ${where}: ${(error as Error).message}`);
    }
    const applied = await migrateToLatest(knex);
    logger.info('database ready', { database: where, migrationsApplied: applied.length });
    if (seed !== 'none' && (await isDatabaseEmpty(knex))) seeded = await loadSampleData(knex, seed, createIdNumberVault(config.dataKey));
  }
  let sampleAsOf: string | null = null;
  if (seeded) {
    const summary = seeded;
    logger.info('sample data loaded', { size: config.seed, ...summary });
    sampleAsOf = summary.asOf;
    if (config.demoConsumers) {
      const consumers = KnexConsumerStore.create(knex);
      const keys = [];
      for (const { subjectsNamed = [], ...demo } of DEMO_CONSUMERS) {
        const named: string[] = subjectsNamed.length
          ? (await knex('organisations').whereIn('name', subjectsNamed).orderBy('uscc').pluck('uscc')) : [];
        const { apiKey } = await consumers.createConsumer({ ...demo, subjects: [...(demo.subjects ?? []), ...named] });
        keys.push({ id: demo.id, roles: demo.roles, purposes: demo.grants?.map((g) => g.purpose), apiKey });
        // The dashboard page's operations are this consumer's registered documents (README "The dashboard page").
        if (demo.roles.includes(ROLE.DASHBOARD)) await registerDashboardDocuments(consumers, demo.id);
      }
      // Shown once, like any key; sample data only, never in production (loadConfig refuses it there).
      logger.info('demo consumers created: use a key as "Authorization: Bearer <key>" with its purpose in X-Purpose', { consumers: keys });
    }
  }
  return { knex, sampleAsOf };
}

/**
 * Starts the hub: database, subschemas, stitched graph, HTTP server. Rejects with the reason when the
 * database cannot be reached or the port is taken; nothing is left running on failure.
 */
export async function startHub(config: HubConfig, logger: Logger, gateways: readonly Gateway[] = CONNECTED_GATEWAYS): Promise<Hub> {
  const { knex, sampleAsOf } = await openDatabase(config, logger);
  const metrics = config.metrics ? createHubMetrics<HubContext>({ keyOf: (context) => context.governance, consumerOf: (context) => context.actor.consumerId }) : null;
  metrics?.observeDatabasePool(knex);
  // OpenTelemetry only when OTEL_EXPORTER_OTLP_ENDPOINT is set: otherwise no SDK is loaded and nothing is wrapped.
  const tracing = config.otlpEndpoint ? await startTracing(config.otlpEndpoint) : null;
  if (tracing) traceKnexQueries(knex);
  let platforms: ConnectedPlatforms;
  try {
    const observer = tracing ? { ...metrics?.platformObserver, traceCall: tracePlatformCall } : metrics?.platformObserver;
    platforms = await connectPlatforms(config, gateways, logger, observer);
  } catch (error) {
    await tracing?.shutdown();
    await knex.destroy();
    throw error;
  }
  const store = KnexCreditStore.create(knex, { vault: createIdNumberVault(config.dataKey) });
  const checkpoints = config.auditCheckpoints
    ? createCheckpointWriter(knex, {
      privateKey: readCheckpointPrivateKey(config.auditCheckpoints.privateKeyPem, 'AUDIT_CHECKPOINT_KEY'),
      file: config.auditCheckpoints.file,
      everyEntries: config.auditCheckpoints.everyEntries,
      everyMs: config.auditCheckpoints.everyMinutes * 60_000,
    }, logger)
    : null;
  if (!checkpoints) logger.warn('audit ledger checkpoints are off: set AUDIT_CHECKPOINT_KEY and AUDIT_CHECKPOINT_FILE so truncation and a recomputed chain can be detected');
  const ledger = KnexAuditLedger.create(knex, {
    onAppended: (head) => {
      checkpoints?.noteAppended(head);
      metrics?.ledgerAppended(head);
    },
  });
  // The catalogue describes the composed graph, which exists only once the catalogue is stitched into it.
  let classification: ReadonlyMap<string, FieldClassification> = new Map();
  // runCreditCheck(input: { tenderCode }) reads the tender through the bidding adapter's own subschema.
  const bidding = platforms.adapters.find((adapter) => adapter.platform === 'BIDDING');
  const platformIndicators = createPlatformIndicatorSource(platforms.adapters);
  // Webhook payloads are read through the governed graph, which exists only once the workflows are stitched in.
  let renderWebhook: RenderWebhookEvent | null = null;
  const workflows = createWorkflows({
    knex, vault: createIdNumberVault(config.dataKey), checkSigningKeyPem: config.checkSigningKeyPem, platformIndicators,
    watchlists: {
      ...config.watchlists,
      log: logger,
      renderWebhookEvent: (delivery) => (renderWebhook ? renderWebhook(delivery) : Promise.reject(new Error('the hub is not ready to render webhook events yet'))),
    },
    ...(bidding ? { tenderSource: createTenderSource(bidding.subschema) } : {}),
  });
  if (sampleAsOf) await publishSampleEvaluations(knex, platformIndicators, sampleAsOf, logger);
  const extra = [
    ...workflows.subschemas,
    createGovernanceSubschema({ classification: () => classification, maxShareLevel: (context) => governanceOf(context).permissions.maxShareLevel }),
    createAuditSubschema({ knex, ledger, retentionYears: config.auditRetentionYears }),
  ];
  const traced = (subschema: SubschemaConfig, name: string) => (tracing ? traceSubschema(subschema, name) : subschema);
  const schema = composeHubSchema({
    credit: traced(await createCreditSubschema(store), 'credit'),
    adapters: platforms.adapters.map((adapter) => ({ ...adapter, subschema: traced(adapter.subschema, adapter.platform) })),
    extra: extra.map((subschema) => traced(subschema, subschema.name ?? Object.keys(subschema.schema.getQueryType()?.getFields() ?? subschema.schema.getMutationType()?.getFields() ?? {})[0] ?? 'hub')),
    extraLinks: workflows.subjectLinks,
  });
  classification = classifySchema(schema);
  const httpServer: Server = createServer();
  const connections = trackConnections(httpServer);
  const consumers = KnexConsumerStore.create(knex);
  const servers = await createGraphqlServers({
    schema, classification, ledger, logger, limits: config.operationLimits, plugins: metrics ? [metrics.plugin] : [],
    isTrustedDocument: (consumerId, hash) => consumers.isTrustedDocument(consumerId, hash),
  });
  const schemaFor = (context: HubContext) => (context.governance.permissions.maxShareLevel === 'RESTRICTED' ? servers.internalSchema : servers.publicSchema);
  renderWebhook = createWebhookRenderer({ knex, consumers, ledger, schemaFor });
  let accepting = true;
  // Finished rate-limit windows decide nothing; every hub process clears them now and then (idempotent).
  const pruning = setInterval(() => {
    pruneRateLimitWindows(knex, new Date()).catch((error: unknown) => logger.warn('pruning rate-limit windows failed', { err: error }));
  }, 10 * 60_000);
  pruning.unref();
  const probes = {
    async ready() {
      if (!accepting) return false;
      try {
        await Promise.race([store.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        return true;
      } catch {
        return false;
      }
    },
  };
  const explorer = createExplorerRoutes({ graphqlPath: '/graphql', title: EXPLORER_TITLE });
  // Counted here, reconciled with the database every 200 ms (see createRateLimiter for the tolerance).
  const rateLimiter = createRateLimiter(knex, { onFlushError: (error) => logger.warn('rate-limit counts not saved yet; deciding on local counts', { err: error }) });
  const admit = createAdmission({
    consumers,
    knex,
    rateLimiter,
    publicServer: servers.publicServer,
    internalServer: servers.internalServer,
    publicRateLimitPerMinute: config.publicRateLimitPerMinute,
    authFailureLimitPerMinute: config.authFailureLimitPerMinute,
    logger,
  });
  const dashboard = createDashboardRoutes({ graphqlPath: '/graphql', title: DASHBOARD_TITLE });
  const routes = (req: IncomingMessage, res: ServerResponse, path: string) => explorer(req, res, path) || dashboard(req, res, path)
    || workflows.routes.some((route) => route(req, res, path));
  const admitObserved: typeof admit = metrics
    ? async (req) => {
      const admission = await admit(req);
      metrics.observeAdmission(req, admission);
      return admission;
    }
    : admit;
  const admitTraced: typeof admit = tracing
    ? (req) => withSpan('admission', {}, async (span) => {
      const admission = await admitObserved(req);
      if ('refusal' in admission) span.setAttribute('chengxin.refusal', admission.refusal.code);
      else span.setAttribute('chengxin.consumer', admission.context.actor.consumerId ?? '(public)');
      return admission;
    })
    : admitObserved;
  const handler = createHttpHandler(admitTraced, probes, routes, config.operationLimits.maxBodyBytes, config.operationLimits.maxResponseBytes);
  httpServer.on('request', (req, res) => {
    if (metrics && req.url?.startsWith('/graphql')) metrics.observeRequest(req, res);
    const handled = tracing
      ? traceHttpRequest(req.method ?? 'GET', (req.url ?? '/').split('?')[0]!, req.headers, (listener) => res.once('close', listener), () => res.statusCode, () => handler(req, res))
      : handler(req, res);
    handled.catch((error: unknown) => {
      logger.error('unhandled error in HTTP handler', { err: error });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: INTERNAL_SERVER_ERROR } }] }));
    });
  });
  const subscriptions = createSubscriptionServer({
    httpServer, path: '/graphql', admit, schemaFor, ledger, logger, limits: config.operationLimits,
    isTrustedDocument: (consumerId, hash) => consumers.isTrustedDocument(consumerId, hash),
    formatError: createFormatError(logger, { development: false, hideSuggestions: true }),
  });
  let metricsServer: MetricsServer | null = null;
  try {
    if (metrics && config.metrics) metricsServer = await serveMetrics(metrics.registry, config.metrics);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await metricsServer?.stop();
    clearInterval(pruning);
    await subscriptions.close();
    await rateLimiter.stop();
    await servers.stop();
    await checkpoints?.close();
    await platforms.close();
    await knex.destroy();
    await tracing?.shutdown();
    throw new Error(metricsServer || !metrics ? `cannot listen on ${config.host}:${config.port}: ${(error as Error).message}` : (error as Error).message);
  }
  for (const service of workflows.services ?? []) service.start();
  const address = httpServer.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    schema: servers.internalSchema,
    publicSchema: servers.publicSchema,
    knex,
    sandboxes: platforms.sandboxes,
    metricsUrl: metricsServer?.url ?? null,
    stop() {
      stopping ??= (async () => {
        accepting = false;
        clearInterval(pruning);
        // Subscriptions end first (WebSocket close 1001): an open socket would hold the drain for its grace.
        await subscriptions.close();
        // Requests in flight finish before the servers and the database they use go away.
        await connections.drain();
        await Promise.all((workflows.services ?? []).map((service) => service.stop()));
        await metricsServer?.stop();
        await rateLimiter.stop();
        await servers.stop();
        await checkpoints?.close();
        await platforms.close();
        await knex.destroy();
        await tracing?.shutdown();
      })();
      return stopping;
    },
  };
}
