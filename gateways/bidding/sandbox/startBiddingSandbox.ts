import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { createSandboxServer, type RunningSandbox } from '../../shared/index.js';
import { buildBiddingFixtures, type BiddingFixtures } from './buildBiddingFixtures.js';
import { createBiddingRoutes, envelope } from './createBiddingRoutes.js';

const built = new Map<SampleDataSize, BiddingFixtures>();

/** The fixtures of `size`, built once per process (several sandboxes of one size share them). */
export function biddingFixtures(size: SampleDataSize): BiddingFixtures {
  let fixtures = built.get(size);
  if (!fixtures) {
    fixtures = buildBiddingFixtures(size);
    built.set(size, fixtures);
  }
  return fixtures;
}

/**
 * Starts the bidding platform's sandbox on loopback (a free port unless `port` is given) with the
 * fixtures of `size`, requiring `Authorization: Bearer <token>`. Errors, including injected faults,
 * come in the platform's envelope `{ code, msg, data: null }`; the `wrongShape` fault answers an
 * envelope whose `data` lacks `list`.
 */
export function startBiddingSandbox(options: { size: SampleDataSize; token: string; host?: string; port?: number }): Promise<RunningSandbox> {
  return createSandboxServer({
    platform: 'BIDDING',
    routes: createBiddingRoutes(biddingFixtures(options.size)),
    token: options.token,
    errorBody: (status, message) => envelope(status, message, null),
    wrongShapeBody: envelope(200, '成功', { records: [] }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
}
