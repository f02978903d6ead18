import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import type { RunningSandbox } from '../../../gateways/shared/index.js';
import { composeWithGateway, type ComposedWithGateway } from '../../support/composeWithGateway.js';

// The adapter stitched with the real credit store (embedded database, small sample data) the way the
// hub composes it: merged fields on Enterprise and GovernmentBody, and the links to the case's parties.
describe('the government service platform in the composed graph', () => {
  let composed: ComposedWithGateway;
  let sandbox: RunningSandbox;
  const run = (query: string) => composed.run(query);

  beforeAll(async () => {
    composed = await composeWithGateway(govServiceGateway);
    sandbox = composed.sandbox;
  });
  afterAll(async () => composed?.close());

  it('answers an enterprise with its service cases, linking the handling department with its review summary', async () => {
    sandbox.resetStats();
    const result = await run(`{
      subject(uscc: "91440300MA5E9NHA04") {
        name
        ... on Enterprise {
          serviceCases(first: 2) {
            totalCount
            edges { node {
              caseNumber
              applicant { name }
              handlingDepartment { name ... on GovernmentBody { serviceReviewSummary { casesHandled } } }
            } }
          }
        }
      }
    }`);
    expect(result).toEqual({
      data: {
        subject: {
          name: '深圳市维晶科技有限公司',
          serviceCases: {
            totalCount: 5,
            edges: [
              { node: {
                caseNumber: '440304202606160000618',
                applicant: { name: '深圳市维晶科技有限公司' },
                handlingDepartment: { name: '深圳市福田区住房和建设局', serviceReviewSummary: { casesHandled: 18 } },
              } },
              { node: {
                caseNumber: '440300202603230000617',
                applicant: { name: '深圳市维晶科技有限公司' },
                handlingDepartment: { name: '深圳市人民政府', serviceReviewSummary: { casesHandled: 32 } },
              } },
            ],
          },
        },
      },
    });
    // Level 1: the subject's cases; level 2: the linked departments' statistics, both departments in one call.
    expect(sandbox.stats().byRoute).toEqual({ 'applicants/casePages:batchQuery': 1, 'departments/evaluationStats:batchQuery': 1 });
  });

  it('gives 深圳市南山区人民政府 its review summary beside its credit records', async () => {
    const result = await run(`{
      subject(uscc: "11440305003219403F") {
        name
        ... on GovernmentBody { serviceReviewSummary { casesHandled overdueCases badReviewCount overdueRectifications } }
      }
    }`);
    expect(result).toEqual({
      data: { subject: { name: '深圳市南山区人民政府', serviceReviewSummary: { casesHandled: 47, overdueCases: 3, badReviewCount: 11, overdueRectifications: 2 } } },
    });
  });
});
