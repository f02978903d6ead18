import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { createSandboxServer, type RunningSandbox } from '../../shared/sandbox/createSandboxServer.js';
import { buildGovServiceFixtures, type GovServiceFixtures } from './buildGovServiceFixtures.js';
import { createGovServiceRoutes, govServiceEnvelope } from './createGovServiceRoutes.js';

const fixturesBySize = new Map<SampleDataSize, GovServiceFixtures>();

/** The sandbox's fixtures for `size`, built once per process (the same size always gives the same data). */
export function loadGovServiceFixtures(size: SampleDataSize): GovServiceFixtures {
  let fixtures = fixturesBySize.get(size);
  if (!fixtures) {
    fixtures = buildGovServiceFixtures(size);
    fixturesBySize.set(size, fixtures);
  }
  return fixtures;
}

/**
 * Starts a sandbox of the government service platform (政务服务平台) on loopback: its open API with
 * cases, reviews and department statistics consistent with the sample data of `size`, bearer-token
 * authentication and faults on demand. See gateways/gov-service/README.md for the endpoints.
 */
export function startGovServiceSandbox(options: { size: SampleDataSize; token: string; host?: string; port?: number }): Promise<RunningSandbox> {
  return createSandboxServer({
    platform: 'GOV_SERVICE',
    routes: createGovServiceRoutes(loadGovServiceFixtures(options.size)),
    token: options.token,
    errorBody: (status, message) => govServiceEnvelope(status, message, null),
    // Valid JSON in the platform's envelope, but without the list its API promises.
    wrongShapeBody: govServiceEnvelope(200, 'success', { records: [] }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
}
