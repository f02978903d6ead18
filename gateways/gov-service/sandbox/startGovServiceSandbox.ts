import { defineSandbox } from '../../shared/index.js';
import { buildGovServiceFixtures } from './buildGovServiceFixtures.js';
import { createGovServiceRoutes, govServiceEnvelope } from './createGovServiceRoutes.js';

const sandbox = defineSandbox({
  platform: 'GOV_SERVICE',
  buildFixtures: buildGovServiceFixtures,
  createRoutes: createGovServiceRoutes,
  errorBody: (status, message) => govServiceEnvelope(status, message, null),
  // Valid JSON in the platform's envelope, but without the list its API promises.
  wrongShapeBody: govServiceEnvelope(200, 'success', { records: [] }),
});

/** The sandbox's fixtures for `size`, built once per process (the same size always gives the same data). */
export const loadGovServiceFixtures = sandbox.fixtures;

/**
 * Starts a sandbox of the government service platform (政务服务平台) on loopback: its open API with
 * cases, reviews and department statistics consistent with the sample data of `size`, bearer-token
 * authentication and faults on demand. See gateways/gov-service/README.md for the endpoints.
 */
export const startGovServiceSandbox = sandbox.start;
