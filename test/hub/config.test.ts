import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/hub/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database with the small sample data on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: null, pgliteDir: null, seed: 'small', usingDevelopmentKey: true });
  });

  it('does not load sample data into a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/credit' }).seed).toBe('none');
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
});
