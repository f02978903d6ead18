import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/hub/config.js';
import { createCheckSigner } from '../../src/workflows/creditChecks/index.js';

describe('loadConfig', () => {
  it('defaults to the embedded database with the small sample data on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: null, pgliteDir: null, seed: 'small', usingDevelopmentKey: true });
  });

  it('serves no metrics unless METRICS_PORT is set, and then on loopback unless METRICS_HOST says otherwise', () => {
    expect(loadConfig({}).metrics).toBeNull();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ host: '127.0.0.1', port: 9464, viaClusterPrimary: false });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ host: '0.0.0.0', port: 9464, viaClusterPrimary: false });
  });

  it('traces only when OTEL_EXPORTER_OTLP_ENDPOINT names an OTLP/HTTP collector', () => {
    expect(loadConfig({}).otlpEndpoint).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' }).otlpEndpoint).toBe('http://127.0.0.1:4318');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('runs several hub processes only on PostgreSQL', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ HUB_WORKERS: '4', DATABASE_URL: 'postgres://u:p@db:5432/credit' }).workers).toBe(4);
  });

  it('does not load sample data into a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/credit' }).seed).toBe('none');
  });

  it('serves every platform from a local sandbox unless told otherwise, and reads each platform’s settings', () => {
    const config = loadConfig({ BIDDING_URL: 'https://bids.example/api/', BIDDING_TOKEN: 't0k', BIDDING_TIMEOUT_MS: '1500', GOV_SERVICE_ENABLED: 'off' });
    expect(config.platforms).toEqual({
      GOV_SERVICE: { enabled: false, url: null, token: null, timeoutMs: 3000, retries: 2 },
      CONSTRUCTION_APPROVAL: { enabled: true, url: null, token: null, timeoutMs: 3000, retries: 2 },
      BIDDING: { enabled: true, url: 'https://bids.example/api', token: 't0k', timeoutMs: 1500, retries: 2 },
    });
    expect(config.sandboxSize).toBe('small');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'PORT: must be a whole number from 0 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT', 'PORT: must be a whole number from 0 to 65535, got "70000"'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL', 'DATABASE_URL: must start with postgres:// or postgresql://, got "mysql://"'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'DATABASE_URL: is not a URL; expected postgres://user:password@host:5432/database'],
    [{ SEED: 'huge' }, 'SEED', 'SEED: must be one of small, large, none, got "huge"'],
    [{ CHENGXIN_DATA_KEY: 'abc' }, 'CHENGXIN_DATA_KEY', 'CHENGXIN_DATA_KEY: must be 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`'],
    [{ NODE_ENV: 'production' }, 'CHENGXIN_DATA_KEY', 'CHENGXIN_DATA_KEY: is required when NODE_ENV=production (it encrypts citizen ID numbers); generate one with `openssl rand -hex 32`'],
    [{ DATABASE_URL: 'postgres://x@y/z', PGLITE_DIR: '/tmp/x' }, 'PGLITE_DIR', 'PGLITE_DIR: cannot be used together with DATABASE_URL; unset one of them'],
    [{ SEED: 'large' }, 'SEED', 'SEED: large needs DATABASE_URL or PGLITE_DIR: the large data set does not fit in an in-memory embedded database'],
    [{ BIDDING_URL: 'ftp://bids.example/api' }, 'BIDDING_URL', 'BIDDING_URL: must start with http:// or https://, got "ftp://"'],
    [{ CONSTRUCTION_URL: 'nowhere' }, 'CONSTRUCTION_URL', 'CONSTRUCTION_URL: is not a URL; expected e.g. https://platform.example.gov.cn/api, got "nowhere"'],
    [{ GOV_SERVICE_TIMEOUT_MS: '5' }, 'GOV_SERVICE_TIMEOUT_MS', 'GOV_SERVICE_TIMEOUT_MS: must be a whole number from 100 to 60000, got "5"'],
    [{ BIDDING_ENABLED: 'maybe' }, 'BIDDING_ENABLED', 'BIDDING_ENABLED: must be true or false, got "maybe"'],
    [{ NODE_ENV: 'production', CHENGXIN_DATA_KEY: 'a'.repeat(64) }, 'GOV_SERVICE_URL',
      'GOV_SERVICE_URL: is required when NODE_ENV=production: the URL of the government service platform (政务服务平台) API, or set GOV_SERVICE_ENABLED=false'],
    [{ HUB_WORKERS: '2' }, 'HUB_WORKERS',
      'HUB_WORKERS: 2 processes need DATABASE_URL: the embedded PGlite lives inside one process, so several cannot share it; set DATABASE_URL to a PostgreSQL server or leave HUB_WORKERS at 1'],
    [{ METRICS_PORT: 'nine' }, 'METRICS_PORT', 'METRICS_PORT: must be a whole number from 0 to 65535, got "nine"'],
    [{ NODE_ENV: 'production', CHENGXIN_DATA_KEY: 'a'.repeat(64), GOV_SERVICE_ENABLED: 'false', CONSTRUCTION_ENABLED: 'false', BIDDING_URL: 'https://bids.example/api' }, 'BIDDING_TOKEN',
      'BIDDING_TOKEN: is required when NODE_ENV=production: the access token the public bidding platform (招标投标公共服务平台) issued to the hub'],
    [{ NODE_ENV: 'production', CHENGXIN_DATA_KEY: 'a'.repeat(64), GOV_SERVICE_ENABLED: 'false', CONSTRUCTION_ENABLED: 'false', BIDDING_ENABLED: 'false', DEMO_CONSUMERS: 'false' }, 'CREDIT_CHECK_SIGNING_KEY',
      'CREDIT_CHECK_SIGNING_KEY: is required when NODE_ENV=production: an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519); signed credit checks must verify for years'],
  ])('rejects %j naming %s', (env, variable, message) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as ConfigError).message).toBe(message);
  });

  it('outside production without CREDIT_CHECK_SIGNING_KEY derives the signing key from the data key: the same key after every start', () => {
    const kid = (env: NodeJS.ProcessEnv) => createCheckSigner(loadConfig(env).checkSigningKeyPem).kid;
    const dataKey = 'b'.repeat(64);
    expect(loadConfig({ CHENGXIN_DATA_KEY: dataKey }).checkSigningKeyDerived).toBe(true);
    expect(kid({ CHENGXIN_DATA_KEY: dataKey })).toBe(kid({ CHENGXIN_DATA_KEY: dataKey }));
    expect(kid({ CHENGXIN_DATA_KEY: 'c'.repeat(64) })).not.toBe(kid({ CHENGXIN_DATA_KEY: dataKey }));
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const configured = loadConfig({ CHENGXIN_DATA_KEY: dataKey, CREDIT_CHECK_SIGNING_KEY: pem });
    expect(configured).toMatchObject({ checkSigningKeyPem: pem.trim(), checkSigningKeyDerived: false });
  });
});
