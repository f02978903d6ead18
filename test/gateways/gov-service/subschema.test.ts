import { stitchSchemas } from '@graphql-tools/stitch';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings } from '../../../gateways/shared/PlatformSettings.js';
import { sandboxOrganisations } from '../../../gateways/shared/sandbox/sandboxOrganisations.js';
import type { RunningSandbox } from '../../../gateways/shared/sandbox/createSandboxServer.js';
import type { GatewaySubschema } from '../../../gateways/shared/Gateway.js';

const NANSHAN = '11440305003219403F';
const WEIJING = '91440300MA5E9NHA04';
const COURT = '11440300003989950P'; // 深圳市中级人民法院: takes no applications on the platform

let sandbox: RunningSandbox;
let gateway: GatewaySubschema;
let schema: GraphQLSchema;

beforeAll(async () => {
  sandbox = await govServiceGateway.startSandbox({ size: 'small', token: 'test-token' });
  gateway = govServiceGateway.createSubschema(defaultPlatformSettings('GOV_SERVICE', sandbox.url, 'test-token'));
  schema = gateway.subschema.schema;
});
afterAll(async () => {
  gateway.close();
  await sandbox.stop();
});
beforeEach(() => sandbox.resetStats());

const run = (source: string, variables?: Record<string, unknown>) =>
  execute({ schema, document: parse(source), contextValue: {}, ...(variables ? { variableValues: variables } : {}) });

describe('GovernmentBody.serviceReviewSummary', () => {
  it('gives the review summary of 深圳市南山区人民政府, every level and status listed, and null for a court', async () => {
    const result = await run(
      `query ($usccs: [USCC!]!) {
        _govServiceGovernmentBodiesByUscc(usccs: $usccs) {
          uscc
          serviceReviewSummary {
            departmentName periodStart periodEnd casesHandled finishedCases onTimeRate overdueCases
            reviewCount reviewsByLevel { level count } badReviewCount badReviewRate
            rectificationsByStatus { status count } overdueRectifications
            provenance { platform recordId }
          }
        }
      }`,
      { usccs: [NANSHAN, COURT] },
    );
    expect(result).toEqual({
      data: {
        _govServiceGovernmentBodiesByUscc: [
          {
            uscc: NANSHAN,
            serviceReviewSummary: {
              departmentName: '深圳市南山区人民政府',
              periodStart: '2024-01-01',
              periodEnd: '2026-11-01',
              casesHandled: 41,
              finishedCases: 39,
              onTimeRate: 0.9231,
              overdueCases: 3,
              reviewCount: 28,
              reviewsByLevel: [
                { level: 'VERY_SATISFIED', count: 13 },
                { level: 'SATISFIED', count: 2 },
                { level: 'BASICALLY_SATISFIED', count: 3 },
                { level: 'DISSATISFIED', count: 8 },
                { level: 'VERY_DISSATISFIED', count: 2 },
              ],
              badReviewCount: 10,
              badReviewRate: 0.3571,
              rectificationsByStatus: [
                { status: 'PENDING', count: 0 },
                { status: 'IN_PROGRESS', count: 2 },
                { status: 'RECTIFIED', count: 1 },
                { status: 'FEEDBACK_GIVEN', count: 6 },
                { status: 'UNDER_APPEAL', count: 0 },
                { status: 'APPEAL_UPHELD', count: 1 },
              ],
              overdueRectifications: 2,
              provenance: { platform: 'GOV_SERVICE', recordId: NANSHAN },
            },
          },
          { uscc: COURT, serviceReviewSummary: null },
        ],
      },
    });
    expect(sandbox.stats().byRoute).toEqual({ 'departments/evaluationStats:batchQuery': 1 });
  });
});

describe('Enterprise.serviceCases', () => {
  it('lists the cases of 深圳市维晶科技有限公司 newest first, in our vocabulary, with provenance', async () => {
    const result = await run(`{
      _govServiceEnterprisesByUscc(usccs: ["${WEIJING}"]) {
        serviceCases(first: 2) {
          caseNumber
          serviceItem { code name statutoryTimeLimitDays promisedTimeLimitDays provenance { platform recordId } }
          handlingDepartmentUscc handlingDepartmentName applicantUscc applicantName
          status appliedAt acceptedAt finishedAt promisedDueDate workingDaysUsed onTime overdue
          review { level bad reviewedAt channel comment rectification { status } provenance { recordId } }
          provenance { platform recordId fetchedAt }
        }
      }
    }`);
    const fetchedAt = expect.any(Date);
    expect(result).toEqual({
      data: {
        _govServiceEnterprisesByUscc: [
          {
            serviceCases: [
              {
                caseNumber: '440304202605270000612',
                serviceItem: {
                  code: '11440304009439466A000105100000',
                  name: '企业设立登记',
                  statutoryTimeLimitDays: 15,
                  promisedTimeLimitDays: 1,
                  provenance: { platform: 'GOV_SERVICE', recordId: '11440304009439466A000105100000' },
                },
                handlingDepartmentUscc: '11440304009439466A',
                handlingDepartmentName: '深圳市市场监督管理局福田监管局',
                applicantUscc: WEIJING,
                applicantName: '深圳市维晶科技有限公司',
                status: 'FINISHED',
                // The platform writes Beijing time; the graph gives UTC.
                appliedAt: new Date('2026-05-27T10:32:34+08:00'),
                acceptedAt: new Date('2026-05-27T11:44:59+08:00'),
                finishedAt: new Date('2026-05-27T13:42:46+08:00'),
                promisedDueDate: '2026-05-28',
                workingDaysUsed: 0,
                onTime: true,
                overdue: false,
                review: {
                  level: 'VERY_SATISFIED',
                  bad: false,
                  reviewedAt: new Date('2026-05-27T20:09:56+08:00'),
                  channel: 'WEB',
                  comment: null,
                  rectification: null,
                  provenance: { recordId: 'PJ440304202605270000612' },
                },
                provenance: { platform: 'GOV_SERVICE', recordId: '440304202605270000612', fetchedAt },
              },
              {
                caseNumber: '440304202602130000609',
                serviceItem: {
                  code: '11440304009439466A000105101000',
                  name: '企业变更登记',
                  statutoryTimeLimitDays: 15,
                  promisedTimeLimitDays: 1,
                  provenance: { platform: 'GOV_SERVICE', recordId: '11440304009439466A000105101000' },
                },
                handlingDepartmentUscc: '11440304009439466A',
                handlingDepartmentName: '深圳市市场监督管理局福田监管局',
                applicantUscc: WEIJING,
                applicantName: '深圳市维晶科技有限公司',
                status: 'FINISHED',
                appliedAt: new Date('2026-02-13T13:11:14+08:00'),
                acceptedAt: new Date('2026-02-13T14:11:15+08:00'),
                finishedAt: new Date('2026-02-16T17:53:10+08:00'),
                promisedDueDate: '2026-02-16',
                workingDaysUsed: 1,
                onTime: true,
                overdue: false,
                review: {
                  level: 'VERY_SATISFIED',
                  bad: false,
                  reviewedAt: new Date('2026-02-17T14:34:58+08:00'),
                  channel: 'WEB',
                  comment: null,
                  rectification: null,
                  provenance: { recordId: 'PJ440304202602130000609' },
                },
                provenance: { platform: 'GOV_SERVICE', recordId: '440304202602130000609', fetchedAt },
              },
            ],
          },
        ],
      },
    });
  });
});
