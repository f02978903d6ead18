import { execute, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings } from '../../../gateways/shared/PlatformSettings.js';
import type { RunningSandbox } from '../../../gateways/shared/sandbox/createSandboxServer.js';
import type { GatewaySubschema } from '../../../gateways/shared/Gateway.js';
import { findUndocumented } from '../../hub/schemaDocs.js';

const NANSHAN = '11440305003219403F'; // 深圳市南山区人民政府
const WEIJING = '91440300MA5E9NHA04'; // 深圳市维晶科技有限公司
const HUITENG = '91440305319665151J'; // 深圳辉腾餐饮管理有限公司: bad reviews of Nanshan's service
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

describe('the government service subschema', () => {
  it('documents every type, field, argument and enum value', () => {
    expect(findUndocumented(schema)).toEqual([]);
  });
});

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
            provenance { platform recordId fetchedAt }
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
              casesHandled: 47,
              finishedCases: 42,
              onTimeRate: 0.9286,
              overdueCases: 3,
              reviewCount: 32,
              reviewsByLevel: [
                { level: 'VERY_SATISFIED', count: 10 },
                { level: 'SATISFIED', count: 9 },
                { level: 'BASICALLY_SATISFIED', count: 2 },
                { level: 'DISSATISFIED', count: 3 },
                { level: 'VERY_DISSATISFIED', count: 8 },
              ],
              badReviewCount: 11,
              badReviewRate: 0.3438,
              rectificationsByStatus: [
                { status: 'PENDING', count: 1 },
                { status: 'IN_PROGRESS', count: 1 },
                { status: 'RECTIFIED', count: 2 },
                { status: 'FEEDBACK_GIVEN', count: 5 },
                { status: 'UNDER_APPEAL', count: 0 },
                { status: 'APPEAL_UPHELD', count: 2 },
              ],
              overdueRectifications: 2,
              provenance: { platform: 'GOV_SERVICE', recordId: NANSHAN, fetchedAt: expect.any(Date) },
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
          totalCount
          edges { node {
          caseNumber
          serviceItem { code name statutoryTimeLimitDays promisedTimeLimitDays provenance { platform recordId } }
          handlingDepartmentUscc handlingDepartmentName applicantUscc applicantName
          status appliedAt acceptedAt finishedAt promisedDueDate workingDaysUsed onTime overdue
          review { level bad reviewedAt channel comment rectification { status } provenance { recordId } }
          provenance { platform recordId fetchedAt }
          } }
        }
      }
    }`);
    const fetchedAt = expect.any(Date);
    expect(result).toEqual({
      data: {
        _govServiceEnterprisesByUscc: [
          {
            serviceCases: { totalCount: 5, edges: [
              { node: {
                caseNumber: '440304202606160000618',
                serviceItem: {
                  code: '1144030400570623X5000113001000',
                  name: '建筑工程施工许可证核发',
                  statutoryTimeLimitDays: 15,
                  promisedTimeLimitDays: 3,
                  provenance: { platform: 'GOV_SERVICE', recordId: '1144030400570623X5000113001000' },
                },
                handlingDepartmentUscc: '1144030400570623X5',
                handlingDepartmentName: '深圳市福田区住房和建设局',
                applicantUscc: WEIJING,
                applicantName: '深圳市维晶科技有限公司',
                status: 'FINISHED',
                // The platform writes Beijing time; the graph gives UTC.
                appliedAt: new Date('2026-06-16T11:46:18+08:00'),
                acceptedAt: new Date('2026-06-16T12:00:57+08:00'),
                finishedAt: new Date('2026-06-17T11:37:17+08:00'),
                promisedDueDate: '2026-06-22',
                workingDaysUsed: 1,
                onTime: true,
                overdue: false,
                review: {
                  level: 'VERY_SATISFIED',
                  bad: false,
                  reviewedAt: new Date('2026-06-20T14:20:19+08:00'),
                  channel: 'MOBILE',
                  comment: null,
                  rectification: null,
                  provenance: { recordId: 'PJ440304202606160000618' },
                },
                provenance: { platform: 'GOV_SERVICE', recordId: '440304202606160000618', fetchedAt },
              } },
              { node: {
                caseNumber: '440300202603230000617',
                serviceItem: {
                  code: '114403000049454669000102901000',
                  name: '企业投资项目备案',
                  statutoryTimeLimitDays: 5,
                  promisedTimeLimitDays: 1,
                  provenance: { platform: 'GOV_SERVICE', recordId: '114403000049454669000102901000' },
                },
                handlingDepartmentUscc: '114403000049454669',
                handlingDepartmentName: '深圳市人民政府',
                applicantUscc: WEIJING,
                applicantName: '深圳市维晶科技有限公司',
                status: 'FINISHED',
                appliedAt: new Date('2026-03-23T10:25:50+08:00'),
                acceptedAt: new Date('2026-03-24T17:47:25+08:00'),
                finishedAt: new Date('2026-03-26T09:09:00+08:00'),
                promisedDueDate: '2026-03-25',
                workingDaysUsed: 2,
                onTime: false,
                overdue: true,
                review: {
                  level: 'VERY_SATISFIED',
                  bad: false,
                  reviewedAt: new Date('2026-03-26T09:18:04+08:00'),
                  channel: 'SELF_SERVICE_TERMINAL',
                  comment: null,
                  rectification: null,
                  provenance: { recordId: 'PJ440300202603230000617' },
                },
                provenance: { platform: 'GOV_SERVICE', recordId: '440300202603230000617', fetchedAt },
              } },
            ] },
          },
        ],
      },
    });
  });

  it('shows a bad review with its follow-up, overdue when still pending past the deadline', async () => {
    const result = await run(`{
      _govServiceEnterprisesByUscc(usccs: ["${HUITENG}"]) {
        serviceCases { edges { node { caseNumber review { level bad rectification { status deadline completedAt overdue provenance { recordId } } } } } }
      }
    }`);
    const cases = (result.data?._govServiceEnterprisesByUscc as { serviceCases: { edges: { node: { caseNumber: string; review: unknown } }[] } }[])[0]?.serviceCases.edges.map((e) => e.node);
    expect(cases?.filter((c) => (c.review as { bad?: boolean } | null)?.bad)).toEqual([
      {
        caseNumber: '440305202410220000567',
        review: {
          level: 'VERY_DISSATISFIED',
          bad: true,
          rectification: { status: 'PENDING', deadline: '2024-12-09', completedAt: null, overdue: true, provenance: { recordId: 'ZG440305202410220000567' } },
        },
      },
      {
        caseNumber: '440305202406130000565',
        review: {
          level: 'DISSATISFIED',
          bad: true,
          rectification: {
            status: 'FEEDBACK_GIVEN',
            deadline: '2024-08-06',
            completedAt: new Date('2024-07-30T09:10:07+08:00'),
            overdue: false,
            provenance: { recordId: 'ZG440305202406130000565' },
          },
        },
      },
    ]);
  });

  it('filters by status and pages with a count; an applicant the platform does not know has no cases', async () => {
    const result = await run(`{
      _govServiceEnterprisesByUscc(usccs: ["${WEIJING}", "${HUITENG}", "914403001922038216"]) {
        uscc
        all: serviceCases(first: 100) { totalCount edges { node { caseNumber } } }
        finished: serviceCases(status: FINISHED, first: 100) { totalCount edges { node { status } } }
        one: serviceCases(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { caseNumber } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    type Page<T> = { totalCount: number; pageInfo?: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };
    const [weijing, huiteng, unknown] = result.data?._govServiceEnterprisesByUscc as { all: Page<unknown>; finished: Page<{ status: string }>; one: Page<unknown> }[];
    expect(weijing?.all.totalCount).toBe(5);
    expect(huiteng?.all.edges).toHaveLength(6);
    expect(huiteng?.finished.edges.every((e) => e.node.status === 'FINISHED')).toBe(true);
    expect(huiteng?.finished.totalCount).toBe(huiteng?.finished.edges.length);
    expect(weijing?.one).toEqual({ totalCount: 5, pageInfo: { hasNextPage: true, endCursor: expect.any(String) }, edges: [weijing?.all.edges[0]] });
    expect(unknown).toEqual({
      uscc: '914403001922038216', all: { totalCount: 0, edges: [] }, finished: { totalCount: 0, edges: [] },
      one: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
    });
    // Three applicants, three pages asked differently: one request per status and page, whatever the number of applicants.
    expect(sandbox.stats().byRoute).toEqual({ 'applicants/casePages:batchQuery': 3 });
    // The next page after the first case starts at the second.
    const next = await run(`query ($after: String) { _govServiceEnterprisesByUscc(usccs: ["${WEIJING}"]) { serviceCases(first: 2, after: $after) { edges { node { caseNumber } } } } }`, { after: weijing?.one.pageInfo?.endCursor });
    expect(next.data).toEqual({ _govServiceEnterprisesByUscc: [{ serviceCases: { edges: weijing!.all.edges.slice(1, 3) } }] });
  });

  it('refuses a page size over 100 as bad input, without asking the platform', async () => {
    const result = await run(`{ _govServiceEnterprisesByUscc(usccs: ["${WEIJING}"]) { serviceCases(first: 101) { totalCount } } }`);
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      data: { _govServiceEnterprisesByUscc: [{ serviceCases: null }] },
      errors: [
        {
          message: 'Argument "first": must be from 0 to 100, got 101; page with `after` for more',
          locations: [{ line: 1, column: 65 }],
          path: ['_govServiceEnterprisesByUscc', 0, 'serviceCases'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
        },
      ],
    });
    expect(sandbox.stats().requests).toBe(0);
  });
});
