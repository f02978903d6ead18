import { defineSandbox } from '../../shared/index.js';
import { buildConstructionFixtures } from './buildConstructionFixtures.js';
import { createConstructionRoutes, envelope } from './createConstructionRoutes.js';

const sandbox = defineSandbox({
  platform: 'CONSTRUCTION_APPROVAL',
  buildFixtures: buildConstructionFixtures,
  createRoutes: createConstructionRoutes,
  errorBody: (status, message) => envelope(status, message, null),
  // Valid JSON and the right envelope code, but no `data`: what a half-migrated endpoint answers.
  wrongShapeBody: { code: 200, msg: 'success', result: [] },
});

/** The fixtures of `size`, built once per process (the sandbox serves them read-only). */
export const loadConstructionFixtures = sandbox.fixtures;

/**
 * Starts a sandbox of the construction-project approval system (工程建设项目审批管理系统) on loopback,
 * serving projects consistent with the sample data of `size`, behind `Authorization: Bearer <token>`.
 */
export const startConstructionApprovalSandbox = sandbox.start;
