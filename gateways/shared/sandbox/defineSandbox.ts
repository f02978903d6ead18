import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import type { SourcePlatform } from '../platforms.js';
import { createSandboxServer, type RunningSandbox, type SandboxRoute, type SandboxServerOptions } from './createSandboxServer.js';

/** How a sandbox is started: the sample data size its fixtures follow, the bearer token it requires, where it listens. */
export interface SandboxStartOptions {
  size: SampleDataSize;
  token: string;
  /** Loopback unless given. */
  host?: string;
  /** A free port unless given. */
  port?: number;
}

/** What one platform's sandbox consists of: its fixtures, its routes over them, and its envelope for errors. */
export interface SandboxDefinition<F> {
  platform: SourcePlatform;
  /** Builds the fixtures consistent with the sample data of `size` (deterministic: one size, one set). */
  buildFixtures(size: SampleDataSize): F;
  createRoutes(fixtures: F): SandboxRoute[];
  errorBody: SandboxServerOptions['errorBody'];
  wrongShapeBody: unknown;
}

/** A defined sandbox: its fixtures by size and the function that starts it. */
export interface Sandbox<F> {
  /** The fixtures of `size`, built once per process (several sandboxes of one size share them read-only). */
  fixtures(size: SampleDataSize): F;
  /** Starts the sandbox with the fixtures of `options.size`, requiring `Authorization: Bearer <token>`. */
  start(options: SandboxStartOptions): Promise<RunningSandbox>;
}

/**
 * Defines a platform sandbox once, so every adapter's `sandbox/start<Platform>Sandbox.ts` is only its
 * definition: fixtures cached per size, and the server of `createSandboxServer` with that platform's routes,
 * error envelope and `wrongShape` body.
 */
export function defineSandbox<F>(definition: SandboxDefinition<F>): Sandbox<F> {
  const bySize = new Map<SampleDataSize, F>();
  const fixtures = (size: SampleDataSize): F => {
    let built = bySize.get(size);
    if (!built) {
      built = definition.buildFixtures(size);
      bySize.set(size, built);
    }
    return built;
  };
  return {
    fixtures,
    start: (options) => createSandboxServer({
      platform: definition.platform,
      routes: definition.createRoutes(fixtures(options.size)),
      token: options.token,
      errorBody: definition.errorBody,
      wrongShapeBody: definition.wrongShapeBody,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.port === undefined ? {} : { port: options.port }),
    }),
  };
}
