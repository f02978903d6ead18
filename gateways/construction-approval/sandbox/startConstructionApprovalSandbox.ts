import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { createSandboxServer, type RunningSandbox } from '../../shared/index.js';
import { buildConstructionFixtures } from './buildConstructionFixtures.js';
import type { ConstructionFixtures } from './ConstructionFixtures.js';
import { createConstructionRoutes, envelope } from './createConstructionRoutes.js';

const fixturesBySize = new Map<SampleDataSize, ConstructionFixtures>();

/** The fixtures of `size`, built once per process (the sandbox serves them read-only). */
export function loadConstructionFixtures(size: SampleDataSize): ConstructionFixtures {
  let fixtures = fixturesBySize.get(size);
  if (!fixtures) {
    fixtures = buildConstructionFixtures(size);
    fixturesBySize.set(size, fixtures);
  }
  return fixtures;
}

/**
 * Starts a sandbox of the construction-project approval system (工程建设项目审批管理系统) on loopback,
 * serving projects consistent with the sample data of `size`, behind `Authorization: Bearer <token>`.
 */
export function startConstructionApprovalSandbox(options: { size: SampleDataSize; token: string; host?: string; port?: number }): Promise<RunningSandbox> {
  const fixtures = loadConstructionFixtures(options.size);
  return createSandboxServer({
    platform: 'CONSTRUCTION_APPROVAL',
    routes: createConstructionRoutes(fixtures),
    token: options.token,
    errorBody: (status, message) => envelope(status, message, null),
    // Valid JSON and the right envelope code, but no `data`: what a half-migrated endpoint answers.
    wrongShapeBody: { code: 200, msg: 'success', result: [] },
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
}
