import { defineSandbox } from '../../shared/index.js';
import { buildBiddingFixtures } from './buildBiddingFixtures.js';
import { createBiddingRoutes, envelope } from './createBiddingRoutes.js';

// Errors, including injected faults, come in the platform's envelope `{ code, msg, data: null }`; the
// `wrongShape` fault answers an envelope whose `data` lacks `list`.
const sandbox = defineSandbox({
  platform: 'BIDDING',
  buildFixtures: buildBiddingFixtures,
  createRoutes: createBiddingRoutes,
  errorBody: (status, message) => envelope(status, message, null),
  wrongShapeBody: envelope(200, '成功', { records: [] }),
});

/** The bidding sandbox's fixtures of `size`, built once per process (several sandboxes of one size share them). */
export const biddingFixtures = sandbox.fixtures;

/**
 * Starts the bidding platform's sandbox on loopback (a free port unless `port` is given) with the
 * fixtures of `size`, requiring `Authorization: Bearer <token>`.
 */
export const startBiddingSandbox = sandbox.start;
