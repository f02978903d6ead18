import { afterEach, describe, expect, it } from 'vitest';
import { createGovServiceClient, type GovServiceClient } from '../../../gateways/gov-service/client.js';
import { defaultPlatformSettings } from '../../../gateways/shared/PlatformSettings.js';
import { createSandboxServer, type RunningSandbox, type SandboxRoute } from '../../../gateways/shared/sandbox/createSandboxServer.js';

// A hand-written native case, so that the mapping is checked against the platform's names, not our fixtures.
const NATIVE_CASE = {
  projNo: '440305202609150000042',
  serviceCode: '11440305003219403F000102902000',
  serviceName: '产业发展专项资金申请',
  serviceDepartmentCode: '11440305003219403F',
  serviceDepartmentName: '深圳市南山区人民政府',
  legalTimeLimit: 60,
  promiseTimeLimit: 30,
  applicantCode: '91440300MA5E9NHA04',
  applicantName: '深圳市维晶科技有限公司',
  applyTime: '2026-09-15 09:30:00',
  acceptTime: '2026-09-15 10:02:11',
  finishTime: '2026-10-30 16:45:00',
  projStatus: '已办结',
  promiseEndTime: '2026-10-27',
  usedWorkDays: 33,
  overTimeFlag: '1',
  evaluateInfo: {
    evaluateId: 'PJ440305202609150000042',
    evaluateLevel: 1,
    evaluateTime: '2026-10-31 20:15:00',
    evaluateChannel: '6',
    evaluateContent: '超过承诺时限仍未办结',
    rectifyInfo: { rectifyId: 'ZG440305202609150000042', rectifyStatus: '整改中', rectifyDeadline: '2026-11-21', rectifyFinishTime: null, rectifyOverTimeFlag: '0' },
  },
};

const NATIVE_STATS = {
  serviceDepartmentCode: '11440305003219403F',
  serviceDepartmentName: '深圳市南山区人民政府',
  statStartDate: '2024-01-01',
  statEndDate: '2026-11-01',
  projCount: 12,
  finishCount: 10,
  inTimeFinishCount: 9,
  overTimeCount: 2,
  evaluateCount: 8,
  evaluateLevelStats: [{ evaluateLevel: 5, evaluateCount: 6 }, { evaluateLevel: 1, evaluateCount: 2 }],
  badEvaluateCount: 2,
  rectifyStats: [{ rectifyStatus: '已反馈', rectifyCount: 1 }, { rectifyStatus: '申诉中', rectifyCount: 1 }],
  rectifyOverTimeCount: 1,
};

let platform: RunningSandbox | null = null;
let client: GovServiceClient | null = null;
afterEach(async () => {
  client?.close();
  await platform?.stop();
  platform = client = null;
});

const envelope = (data: unknown) => ({ status: 200, body: { code: 200, msg: 'success', data } });

async function startPlatform(routes: SandboxRoute[]): Promise<GovServiceClient> {
  platform = await createSandboxServer({ platform: 'GOV_SERVICE', routes, token: 't', errorBody: (code, msg) => ({ code, msg, data: null }) });
  client = createGovServiceClient({ ...defaultPlatformSettings('GOV_SERVICE', platform.url, 't'), retries: 0 });
  return client;
}

const casesRoute = (handle: SandboxRoute['handle']): SandboxRoute => ({ method: 'POST', pattern: /^\/api\/v1\/applicants\/cases:batchQuery$/, name: 'cases', handle });
const statsRoute = (data: unknown): SandboxRoute => ({
  method: 'POST',
  pattern: /^\/api\/v1\/departments\/evaluationStats:batchQuery$/,
  name: 'stats',
  handle: () => envelope(data),
});

describe('government service client', () => {
  it('maps a native case into our vocabulary, Beijing times to UTC', async () => {
    const c = await startPlatform([casesRoute(() => envelope({ pageNo: 1, pageSize: 1000, total: 1, list: [NATIVE_CASE] }))]);
    const byApplicant = await c.listCasesByApplicants(['91440300MA5E9NHA04']);
    const fetchedAt = expect.any(Date);
    expect(Object.fromEntries(byApplicant)).toEqual({
      '91440300MA5E9NHA04': [
        {
          caseNumber: '440305202609150000042',
          serviceItem: { code: '11440305003219403F000102902000', name: '产业发展专项资金申请', statutoryTimeLimitDays: 60, promisedTimeLimitDays: 30, fetchedAt },
          handlingDepartmentUscc: '11440305003219403F',
          handlingDepartmentName: '深圳市南山区人民政府',
          applicantUscc: '91440300MA5E9NHA04',
          applicantName: '深圳市维晶科技有限公司',
          status: 'FINISHED',
          appliedAt: '2026-09-15T01:30:00.000Z',
          acceptedAt: '2026-09-15T02:02:11.000Z',
          finishedAt: '2026-10-30T08:45:00.000Z',
          promisedDueDate: '2026-10-27',
          workingDaysUsed: 33,
          overdue: true,
          review: {
            id: 'PJ440305202609150000042',
            level: 'VERY_DISSATISFIED',
            reviewedAt: '2026-10-31T12:15:00.000Z',
            channel: 'HOTLINE',
            comment: '超过承诺时限仍未办结',
            rectification: { id: 'ZG440305202609150000042', status: 'IN_PROGRESS', deadline: '2026-11-21', completedAt: null, overdue: false, fetchedAt },
            fetchedAt,
          },
          fetchedAt,
        },
      ],
    });
  });

  it('fills in the levels and statuses the statistics leave out', async () => {
    const c = await startPlatform([statsRoute({ list: [NATIVE_STATS] })]);
    const stats = (await c.getReviewStatsByDepartments(['11440305003219403F', '11440300003989950P'])).get('11440305003219403F');
    expect(stats?.reviewsByLevel).toEqual([
      { level: 'VERY_SATISFIED', count: 6 },
      { level: 'SATISFIED', count: 0 },
      { level: 'BASICALLY_SATISFIED', count: 0 },
      { level: 'DISSATISFIED', count: 0 },
      { level: 'VERY_DISSATISFIED', count: 2 },
    ]);
    expect(stats?.rectificationsByStatus).toEqual([
      { status: 'PENDING', count: 0 },
      { status: 'IN_PROGRESS', count: 0 },
      { status: 'RECTIFIED', count: 0 },
      { status: 'FEEDBACK_GIVEN', count: 1 },
      { status: 'UNDER_APPEAL', count: 1 },
      { status: 'APPEAL_UPHELD', count: 0 },
    ]);
    expect(stats).toMatchObject({ casesHandled: 12, finishedCases: 10, onTimeFinishedCases: 9, overdueCases: 2, reviewCount: 8, badReviewCount: 2, overdueRectifications: 1 });
  });

  it('follows the pages to the end and sends at most 500 codes per request', async () => {
    const seen: { codes: number; pageNo: number }[] = [];
    const c = await startPlatform([
      casesRoute(({ body }) => {
        const { applicantCodes, pageNo } = body as { applicantCodes: string[]; pageNo: number };
        seen.push({ codes: applicantCodes.length, pageNo });
        // This platform serves pages of one case whatever is asked, three cases per chunk of codes.
        const list = pageNo <= 3 ? [{ ...NATIVE_CASE, projNo: `${applicantCodes.length}-${pageNo}` }] : [];
        return envelope({ pageNo, pageSize: 1, total: 3, list });
      }),
    ]);
    const codes = Array.from({ length: 501 }, (_, i) => `code-${i}`);
    const byApplicant = await c.listCasesByApplicants(codes);
    expect(byApplicant.get('91440300MA5E9NHA04')?.map((x) => x.caseNumber).sort()).toEqual(['1-1', '1-2', '1-3', '500-1', '500-2', '500-3']);
    expect(seen.sort((a, b) => a.codes - b.codes || a.pageNo - b.pageNo)).toEqual([
      { codes: 1, pageNo: 1 },
      { codes: 1, pageNo: 2 },
      { codes: 1, pageNo: 3 },
      { codes: 500, pageNo: 1 },
      { codes: 500, pageNo: 2 },
      { codes: 500, pageNo: 3 },
    ]);
  });

  it.each([
    ['an unknown review level', { ...NATIVE_CASE, evaluateInfo: { ...NATIVE_CASE.evaluateInfo, evaluateLevel: 7 } }, 'body.data.list[0].evaluateInfo.evaluateLevel: expected one of'],
    ['a missing case number', { ...NATIVE_CASE, projNo: undefined }, 'body.data.list[0].projNo: expected a string'],
    ['a time in another format', { ...NATIVE_CASE, applyTime: '15/09/2026' }, 'body.data.list[0].applyTime: expected a time yyyy-MM-dd HH:mm:ss'],
    ['an unknown case status', { ...NATIVE_CASE, projStatus: '挂起' }, 'body.data.list[0].projStatus: expected one of 办理中, 已办结, 不予受理, 已撤回, got the string "挂起"'],
  ])('turns %s into SOURCE_BAD_RESPONSE naming the path', async (_, nativeCase, message) => {
    const c = await startPlatform([casesRoute(() => envelope({ pageNo: 1, pageSize: 1000, total: 1, list: [nativeCase] }))]);
    const error = await c.listCasesByApplicants(['91440300MA5E9NHA04']).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'SOURCE_BAD_RESPONSE', platform: 'GOV_SERVICE' } });
    expect((error as Error).message).toContain(message);
  });

  it('turns an error code inside a 200 envelope into SOURCE_UNAVAILABLE with the platform message', async () => {
    const c = await startPlatform([{ ...statsRoute(null), handle: () => ({ status: 200, body: { code: 503, msg: '系统维护中', data: null } }) }]);
    await expect(c.getReviewStatsByDepartments(['11440305003219403F'])).rejects.toMatchObject({
      message: 'GOV_SERVICE: answered code 503 (系统维护中) for POST /api/v1/departments/evaluationStats:batchQuery',
      extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'GOV_SERVICE' },
    });
  });
});
