import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constructionApprovalGateway } from '../../../gateways/construction-approval/index.js';
import type { RunningSandbox } from '../../../gateways/shared/index.js';
import { composeWithGateway, type ComposedWithGateway } from '../../support/composeWithGateway.js';

// The adapter stitched with the real credit store (embedded database, small sample data) the way the
// hub composes it: merged fields on Enterprise and GovernmentBody, and the subject links.
describe('construction approval in the composed graph', () => {
  let composed: ComposedWithGateway;
  let sandbox: RunningSandbox;
  const run = (query: string) => composed.run(query);

  beforeAll(async () => {
    composed = await composeWithGateway(constructionApprovalGateway);
    sandbox = composed.sandbox;
  });
  afterAll(async () => composed?.close());

  it('answers a subject’s credit name with its projects, and links the builder and approving departments', async () => {
    sandbox.resetStats();
    const result = await run(`{
      subject(uscc: "91440300MA5E9NHA04") { name ... on Enterprise { constructionProjects { totalCount edges { node { code } } } } }
      constructionProject(code: "2019-440304-78-03-757151") {
        name builder { name } approvalDepartment { name }
        stages { stage approvalDepartment { name ... on GovernmentBody { approvalPerformance { approvalsHandled } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      subject: {
        name: '深圳市维晶科技有限公司',
        constructionProjects: { totalCount: 3, edges: [{ node: { code: '2609-440304-05-02-029950' } }, { node: { code: '2608-440304-11-03-011476' } }, { node: { code: '2104-440304-04-03-685863' } }] },
      },
      constructionProject: {
        name: '深圳市维晶科技有限公司智能制造基地（一期）工程',
        builder: { name: '深圳市维晶科技有限公司' },
        approvalDepartment: { name: '深圳市福田区人民政府' },
        stages: [
          { stage: 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING', approvalDepartment: { name: '深圳市福田区人民政府', approvalPerformance: { approvalsHandled: 50 } } },
          { stage: 'CONSTRUCTION_ENGINEERING_PERMIT', approvalDepartment: { name: '深圳市规划和自然资源局', approvalPerformance: { approvalsHandled: 369 } } },
          { stage: 'CONSTRUCTION_PERMIT', approvalDepartment: { name: '深圳市福田区住房和建设局', approvalPerformance: { approvalsHandled: 70 } } },
          { stage: 'COMPLETION_ACCEPTANCE', approvalDepartment: { name: '深圳市福田区住房和建设局', approvalPerformance: { approvalsHandled: 70 } } },
        ],
      },
    });
    // Level 1: the project and the subject's projects; level 2: the linked departments' performance.
    expect(sandbox.stats().byRoute).toEqual({ 'projects:batchGet': 1, 'builders/projectPages:batchQuery': 1, 'departs/approvalStats:batchQuery': 1 });
  });

  it('gives the Nanshan government its approval performance beside its credit records', async () => {
    const result = await run(`{ subject(uscc: "11440305003219403F") { name ... on GovernmentBody { approvalPerformance { approvalsHandled overdueApprovals } } } }`);
    expect(result).toEqual({ data: { subject: { name: '深圳市南山区人民政府', approvalPerformance: { approvalsHandled: 44, overdueApprovals: 4 } } } });
  });
});
