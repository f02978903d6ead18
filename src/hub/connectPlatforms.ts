import { randomBytes } from 'node:crypto';
import { defaultPlatformSettings, PLATFORMS, type Gateway, type PlatformObserver, type GatewaySubschema, type RunningSandbox, type SourcePlatform, type SubjectLink } from '../../gateways/shared/index.js';
import type { HubConfig } from './config.js';
import type { Logger } from './logger.js';

/** The adapters the hub stitches, and the sandboxes it started for platforms configured without a URL. */
export interface ConnectedPlatforms {
  adapters: Array<GatewaySubschema & { platform: SourcePlatform; subjectLinks: SubjectLink[] }>;
  sandboxes: Partial<Record<SourcePlatform, RunningSandbox>>;
  /** Closes the adapters' connections and stops the sandboxes. */
  close(): Promise<void>;
}

/**
 * Builds each platform's adapter from configuration. A platform without a URL (outside production, as
 * `loadConfig` enforces) gets a sandbox on loopback with fixtures of `config.sandboxSize` and a fresh
 * token; a switched-off platform keeps its fields in the graph, which then answer SOURCE_UNAVAILABLE.
 * `observer` (the hub's metrics) hears every platform call.
 */
export async function connectPlatforms(config: HubConfig, gateways: readonly Gateway[], logger: Logger, observer?: PlatformObserver): Promise<ConnectedPlatforms> {
  const sandboxes: ConnectedPlatforms['sandboxes'] = {};
  const adapters: ConnectedPlatforms['adapters'] = [];
  const close = async () => {
    for (const adapter of adapters) adapter.close();
    await Promise.all(Object.values(sandboxes).map((s) => s.stop()));
  };
  try {
    for (const gateway of gateways) {
      const platform = gateway.platform;
      const wanted = config.platforms[platform];
      let baseUrl = wanted.url ?? 'http://platform-switched-off.invalid';
      let token = wanted.token;
      if (wanted.enabled && wanted.url === null) {
        const started = Date.now();
        const sandbox = await gateway.startSandbox({ size: config.sandboxSize, token: randomBytes(24).toString('base64url'), host: '127.0.0.1' });
        sandboxes[platform] = sandbox;
        baseUrl = sandbox.url;
        token = sandbox.token;
        logger.info('platform sandbox started', { platform, url: sandbox.url, size: config.sandboxSize, ms: Date.now() - started });
      } else {
        logger.info(wanted.enabled ? 'platform connected' : 'platform switched off', { platform, ...(wanted.enabled ? { url: baseUrl } : { variable: `${PLATFORMS[platform].envPrefix}_ENABLED` }) });
      }
      const settings = { ...defaultPlatformSettings(platform, baseUrl, token), enabled: wanted.enabled, timeoutMs: wanted.timeoutMs, retries: wanted.retries, ...(observer ? { observer } : {}) };
      adapters.push({ ...gateway.createSubschema(settings), platform, subjectLinks: gateway.subjectLinks });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { adapters, sandboxes, close };
}
