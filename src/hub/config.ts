import { readFileSync } from 'node:fs';
import { DEVELOPMENT_DATA_KEY } from '../credit/index.js';
import { OperationLimitConfigError, readAuditRetentionYears, readOperationLimits, type OperationLimits } from '../governance/index.js';
import { deriveCheckSigningKey } from '../workflows/index.js';
import { ConfigError, flag, integer, oneOf } from './env.js';
import { loadPlatformConfig, type PlatformConfig } from './platformConfig.js';
import type { SourcePlatform } from '../../gateways/shared/index.js';

export { ConfigError };

// Governance reads its own variables; their errors become ConfigError so start-up reports them alike.
function readLimits(env: NodeJS.ProcessEnv): OperationLimits {
  try {
    return readOperationLimits(env);
  } catch (error) {
    if (error instanceof OperationLimitConfigError) throw new ConfigError(error.variable, error.message.replace(`${error.variable}: `, ''));
    throw error;
  }
}

function readDemoConsumers(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const wanted = flag(env, 'DEMO_CONSUMERS', !production);
  if (wanted && production) throw new ConfigError('DEMO_CONSUMERS', 'cannot be true when NODE_ENV=production: demo keys are logged in clear');
  return wanted;
}

/**
 * The key that signs credit checks: CREDIT_CHECK_SIGNING_KEY, required in production; outside production,
 * when unset, derived from the data key (deriveCheckSigningKey), so it is the same after every restart.
 */
function readSigningKey(env: NodeJS.ProcessEnv, production: boolean, dataKey: string): Pick<HubConfig, 'checkSigningKeyPem' | 'checkSigningKeyDerived'> {
  const raw = env.CREDIT_CHECK_SIGNING_KEY?.trim() || null;
  if (raw === null && production) {
    throw new ConfigError('CREDIT_CHECK_SIGNING_KEY', 'is required when NODE_ENV=production: an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519); signed credit checks must verify for years');
  }
  if (raw === null) return { checkSigningKeyPem: deriveCheckSigningKey(dataKey), checkSigningKeyDerived: true };
  if (!raw.includes('BEGIN PRIVATE KEY')) {
    throw new ConfigError('CREDIT_CHECK_SIGNING_KEY', 'must be a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----), e.g. from openssl genpkey -algorithm ed25519');
  }
  return { checkSigningKeyPem: raw.replace(/\\n/g, '\n'), checkSigningKeyDerived: false };
}

/** Where and how often the ledger's head is anchored outside the database (issue 10 item 4). */
export interface AuditCheckpointConfig {
  /** The Ed25519 private key (PKCS#8 PEM), read from the file AUDIT_CHECKPOINT_KEY names. */
  privateKeyPem: string;
  file: string;
  everyEntries: number;
  everyMinutes: number;
}

function readCheckpoints(env: NodeJS.ProcessEnv): AuditCheckpointConfig | null {
  const keyFile = env.AUDIT_CHECKPOINT_KEY?.trim() || null;
  const file = env.AUDIT_CHECKPOINT_FILE?.trim() || null;
  if (keyFile === null && file === null) return null;
  if (keyFile === null) throw new ConfigError('AUDIT_CHECKPOINT_KEY', 'is required with AUDIT_CHECKPOINT_FILE: the path of an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519 -out checkpoint.pem)');
  if (file === null) throw new ConfigError('AUDIT_CHECKPOINT_FILE', 'is required with AUDIT_CHECKPOINT_KEY: the file signed checkpoints are appended to, on storage the auditors keep');
  let privateKeyPem: string;
  try {
    privateKeyPem = readFileSync(keyFile, 'utf8');
  } catch (error) {
    throw new ConfigError('AUDIT_CHECKPOINT_KEY', `cannot read ${keyFile}: ${(error as Error).message}`);
  }
  if (!privateKeyPem.includes('BEGIN PRIVATE KEY')) throw new ConfigError('AUDIT_CHECKPOINT_KEY', `${keyFile} is not a PKCS#8 PEM private key; make one with openssl genpkey -algorithm ed25519`);
  return {
    privateKeyPem,
    file,
    everyEntries: integer(env, 'AUDIT_CHECKPOINT_EVERY_ENTRIES', 1000, 1, 10_000_000),
    everyMinutes: integer(env, 'AUDIT_CHECKPOINT_EVERY_MINUTES', 10, 1, 1440),
  };
}

function readRetention(env: NodeJS.ProcessEnv): number {
  try {
    return readAuditRetentionYears(env);
  } catch (error) {
    throw new ConfigError('AUDIT_RETENTION_YEARS', (error as Error).message.replace(/^AUDIT_RETENTION_YEARS:\s*/, ''));
  }
}

function readOtlpEndpoint(env: NodeJS.ProcessEnv): string | null {
  const value = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!value) return null;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', 'is not a URL; expected the OTLP/HTTP base URL of a collector, e.g. http://127.0.0.1:4318');
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `uses ${protocol}; expected http: or https: (OTLP over HTTP)`);
  return value.replace(/\/+$/, '');
}

/** Where Prometheus metrics are served: a listener of their own, never the public port. */
export interface MetricsConfig {
  host: string;
  /** 0: any free port (tests). */
  port: number;
  /** True in a `HUB_WORKERS` worker: the cluster's primary process serves the sum of every worker's metrics. */
  viaClusterPrimary: boolean;
}

function readMetrics(env: NodeJS.ProcessEnv): MetricsConfig | null {
  if (!env.METRICS_PORT?.trim()) return null;
  return { host: env.METRICS_HOST?.trim() || '127.0.0.1', port: integer(env, 'METRICS_PORT', 0, 0, 65535), viaClusterPrimary: false };
}

function readWorkers(env: NodeJS.ProcessEnv, databaseUrl: string | null): number {
  const workers = integer(env, 'HUB_WORKERS', 1, 1, 64);
  if (workers > 1 && databaseUrl === null) {
    throw new ConfigError('HUB_WORKERS', `${workers} processes need DATABASE_URL: the embedded PGlite lives inside one process, so several cannot share it; set DATABASE_URL to a PostgreSQL server or leave HUB_WORKERS at 1`);
  }
  return workers;
}

/** Sample data sizes the hub can load into an empty database at start. */
export type SeedSize = 'small' | 'large' | 'none';

/** The hub's configuration, read from the environment once at start. */
export interface HubConfig {
  port: number;
  host: string;
  /** Real PostgreSQL when set; otherwise the embedded PGlite default. */
  databaseUrl: string | null;
  /** Directory for PGlite's data; null keeps the embedded database in memory. */
  pgliteDir: string | null;
  /** Sample data loaded into an empty database at start. */
  seed: SeedSize;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  dataKey: string;
  /** True when the development data key is in use (never allowed in production). */
  usingDevelopmentKey: boolean;
  dbPoolMax: number;
  shutdownGraceMs: number;
  production: boolean;
  /** How to reach each connected platform; a platform without a URL outside production gets a local sandbox. */
  platforms: Record<SourcePlatform, PlatformConfig>;
  /** Create one demo consumer per role with the sample data and log their keys (never in production). */
  demoConsumers: boolean;
  /** Ed25519 private key (PKCS#8 PEM) signing credit checks: CREDIT_CHECK_SIGNING_KEY, required in production. */
  checkSigningKeyPem: string;
  /** True when CREDIT_CHECK_SIGNING_KEY is unset and the key is derived from the data key (never in production). */
  checkSigningKeyDerived: boolean;
  /** Requests per minute from one client address without an API key (consumers have their own limits). */
  publicRateLimitPerMinute: number;
  /** Failed authentications per minute from one client address before requests with a key from it get 429. */
  authFailureLimitPerMinute: number;
  /** Depth, aliases, tokens, cost and body size every operation must stay within. */
  operationLimits: OperationLimits;
  /** Years audit ledger entries are kept (at least 5); reported, never used to delete. */
  auditRetentionYears: number;
  /** Signed checkpoints of the ledger head written outside the database; null: none. */
  auditCheckpoints: AuditCheckpointConfig | null;
  /** Fixture size of the local sandboxes: the sample data size, so their USCCs match the credit store's. */
  sandboxSize: 'small' | 'large';
  /** Prometheus metrics listener (METRICS_PORT, METRICS_HOST); null: off. */
  metrics: MetricsConfig | null;
  /** OpenTelemetry traces go to this OTLP/HTTP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:4318); null: off, no SDK loaded. */
  otlpEndpoint: string | null;
  /** Hub processes started by `main` on this machine (node:cluster, sharing the port and PostgreSQL). */
  workers: number;
  /** Watchlists: polling for new events (WATCH_POLL_MS) and webhook retries (WEBHOOK_RETRY_BASE_MS, WEBHOOK_RETRY_MAX_MS). */
  watchlists: { pollMs: number; retryBaseMs: number; retryMaxMs: number };
}

/**
 * Reads and validates the configuration. Throws ConfigError naming the first bad variable; never
 * returns a half-valid configuration.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null) {
    let protocol = '';
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a URL; expected postgres://user:password@host:5432/database');
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${protocol}//"`);
    }
  }
  const pgliteDir = env.PGLITE_DIR?.trim() || null;
  if (databaseUrl && pgliteDir) {
    throw new ConfigError('PGLITE_DIR', 'cannot be used together with DATABASE_URL; unset one of them');
  }
  const rawKey = env.CHENGXIN_DATA_KEY?.trim() || null;
  if (rawKey !== null && !/^[0-9a-fA-F]{64}$/.test(rawKey)) {
    throw new ConfigError('CHENGXIN_DATA_KEY', 'must be 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`');
  }
  if (rawKey === null && production) {
    throw new ConfigError('CHENGXIN_DATA_KEY', 'is required when NODE_ENV=production (it encrypts citizen ID numbers); generate one with `openssl rand -hex 32`');
  }
  const seed = oneOf(env, 'SEED', ['small', 'large', 'none'] as const, databaseUrl ? 'none' : 'small');
  if (seed === 'large' && !databaseUrl && !pgliteDir) {
    // PGlite's WebAssembly heap stops at 2 GiB; a million records need a directory-backed database.
    throw new ConfigError('SEED', 'large needs DATABASE_URL or PGLITE_DIR: the large data set does not fit in an in-memory embedded database');
  }
  const dataKey = rawKey ?? DEVELOPMENT_DATA_KEY;
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    pgliteDir,
    seed,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    dataKey,
    usingDevelopmentKey: rawKey === null,
    dbPoolMax: integer(env, 'DB_POOL_MAX', 10, 1, 200),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    production,
    platforms: loadPlatformConfig(env, production),
    operationLimits: readLimits(env),
    auditRetentionYears: readRetention(env),
    auditCheckpoints: readCheckpoints(env),
    demoConsumers: readDemoConsumers(env, production),
    ...readSigningKey(env, production, dataKey),
    publicRateLimitPerMinute: integer(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    authFailureLimitPerMinute: integer(env, 'AUTH_FAILURE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
    sandboxSize: oneOf(env, 'SANDBOX_SIZE', ['small', 'large'] as const, seed === 'large' ? 'large' : 'small'),
    metrics: readMetrics(env),
    otlpEndpoint: readOtlpEndpoint(env),
    workers: readWorkers(env, databaseUrl),
    watchlists: {
      pollMs: integer(env, 'WATCH_POLL_MS', 200, 20, 60_000),
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 1000, 10, 3_600_000),
      retryMaxMs: integer(env, 'WEBHOOK_RETRY_MAX_MS', 600_000, 10, 86_400_000),
    },
  };
}
