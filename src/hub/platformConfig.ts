import { PLATFORMS, type SourcePlatform } from '../../gateways/shared/index.js';
import { ConfigError, flag, integer } from './env.js';

/** How the hub reaches one connected platform. */
export interface PlatformConfig {
  enabled: boolean;
  /** The platform's API base URL; null outside production starts a sandbox on loopback instead. */
  url: string | null;
  /** Bearer token the platform issued to the hub. */
  token: string | null;
  timeoutMs: number;
  retries: number;
}

function readUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError(name, `is not a URL; expected e.g. https://platform.example.gov.cn/api, got "${raw}"`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new ConfigError(name, `must start with http:// or https://, got "${protocol}//"`);
  return raw.replace(/\/+$/, '');
}

/**
 * Reads `<PREFIX>_ENABLED`, `_URL`, `_TOKEN`, `_TIMEOUT_MS` and `_RETRIES` for each platform
 * (prefixes GOV_SERVICE, CONSTRUCTION, BIDDING). In production an enabled platform needs a URL and a
 * token; elsewhere a platform without a URL is served by its sandbox.
 */
export function loadPlatformConfig(env: NodeJS.ProcessEnv, production: boolean): Record<SourcePlatform, PlatformConfig> {
  const read = (platform: SourcePlatform): PlatformConfig => {
    const prefix = PLATFORMS[platform].envPrefix;
    const enabled = flag(env, `${prefix}_ENABLED`, true);
    const url = readUrl(env, `${prefix}_URL`);
    const token = env[`${prefix}_TOKEN`]?.trim() || null;
    if (enabled && production && url === null) {
      throw new ConfigError(`${prefix}_URL`, `is required when NODE_ENV=production: the URL of the ${PLATFORMS[platform].title} API, or set ${prefix}_ENABLED=false`);
    }
    if (enabled && production && token === null) {
      throw new ConfigError(`${prefix}_TOKEN`, `is required when NODE_ENV=production: the access token the ${PLATFORMS[platform].title} issued to the hub`);
    }
    return {
      enabled,
      url,
      token,
      timeoutMs: integer(env, `${prefix}_TIMEOUT_MS`, 3000, 100, 60_000),
      retries: integer(env, `${prefix}_RETRIES`, 2, 0, 5),
    };
  };
  return { GOV_SERVICE: read('GOV_SERVICE'), CONSTRUCTION_APPROVAL: read('CONSTRUCTION_APPROVAL'), BIDDING: read('BIDDING') };
}
