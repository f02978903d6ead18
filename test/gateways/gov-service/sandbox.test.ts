import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { buildGovServiceFixtures } from '../../../gateways/gov-service/sandbox/buildGovServiceFixtures.js';
import { createGovServiceRoutes } from '../../../gateways/gov-service/sandbox/createGovServiceRoutes.js';
import { sandboxOrganisations } from '../../../gateways/shared/sandbox/sandboxOrganisations.js';
import type { RunningSandbox } from '../../../gateways/shared/sandbox/createSandboxServer.js';

const TOKEN = 'sandbox-token';
const NANSHAN = '11440305003219403F';
const WEIJING = '91440300MA5E9NHA04';
const enterprises = sandboxOrganisations('small').filter((o) => o.kind === 'ENTERPRISE').map((o) => o.uscc);

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await govServiceGateway.startSandbox({ size: 'small', token: TOKEN });
});
afterAll(() => sandbox.stop());

async function call(method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as { code: number; msg: string; data: any } };
}

describe('government service platform sandbox', () => {
  it('refuses a request without the bearer token, in the platform envelope', async () => {
    expect(await call('POST', '/api/v1/applicants/cases:batchQuery', { applicantCodes: [WEIJING] }, null)).toEqual({
      status: 401,
      body: { code: 401, msg: 'missing or wrong access token', data: null },
    });
  });

  it('answers cases of many applicants in one request, with the platform field names', async () => {
    const { status, body } = await call('POST', '/api/v1/applicants/cases:batchQuery', { applicantCodes: [WEIJING, ...enterprises.slice(0, 20)], pageNo: 1, pageSize: 1000 });
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.data.total).toBe(body.data.list.length);
    expect(new Set(body.data.list.map((c: { applicantCode: string }) => c.applicantCode)).size).toBeGreaterThan(5);
    const first = body.data.list.find((c: { applicantCode: string }) => c.applicantCode === WEIJING);
    expect(Object.keys(first).sort()).toEqual(
      [
        'projNo', 'serviceCode', 'serviceName', 'serviceDepartmentCode', 'serviceDepartmentName', 'legalTimeLimit', 'promiseTimeLimit',
        'applicantCode', 'applicantName', 'applyTime', 'acceptTime', 'finishTime', 'projStatus', 'promiseEndTime', 'usedWorkDays',
        'overTimeFlag', 'evaluateInfo',
      ].sort(),
    );
    expect(first.applyTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('pages through the cases: the pages put together are the whole list', async () => {
    const codes = enterprises.slice(0, 30);
    const whole = (await call('POST', '/api/v1/applicants/cases:batchQuery', { applicantCodes: codes, pageSize: 1000 })).body.data;
    const pages = [];
    for (let pageNo = 1; pageNo <= Math.ceil(whole.total / 7); pageNo++) {
      const page = (await call('POST', '/api/v1/applicants/cases:batchQuery', { applicantCodes: codes, pageNo, pageSize: 7 })).body.data;
      expect(page).toMatchObject({ pageNo, pageSize: 7, total: whole.total });
      pages.push(...page.list);
    }
    expect(whole.total).toBeGreaterThan(7);
    expect(pages).toEqual(whole.list);
  });

  it.each([
    ['more than 500 codes', { applicantCodes: Array.from({ length: 501 }, (_, i) => enterprises[i % enterprises.length]) }, 'applicantCodes carries 501 codes; at most 500 per request'],
    ['no codes', { applicantCodes: [] }, 'applicantCodes must be a non-empty array of codes'],
    ['a page larger than 1000', { applicantCodes: [WEIJING], pageSize: 1001 }, 'pageSize must be a whole number from 1 to 1000'],
  ])('answers 400 for %s', async (_, body, msg) => {
    expect(await call('POST', '/api/v1/applicants/cases:batchQuery', body)).toEqual({ status: 400, body: { code: 400, msg, data: null } });
  });

  it('gives department statistics for the departments it knows, leaving out a court', async () => {
    const { body } = await call('POST', '/api/v1/departments/evaluationStats:batchQuery', { serviceDepartmentCodes: [NANSHAN, '11440300003989950P'] });
    expect(body.data.list).toHaveLength(1);
    const nanshan = body.data.list[0];
    expect(nanshan).toMatchObject({ serviceDepartmentCode: NANSHAN, serviceDepartmentName: '深圳市南山区人民政府', statStartDate: '2024-01-01', statEndDate: '2026-11-01' });
    // The sample government body shows bad reviews in several follow-up states, some overdue.
    expect(nanshan.badEvaluateCount).toBeGreaterThan(3);
    expect(nanshan.rectifyStats.length).toBeGreaterThan(2);
    expect(nanshan.rectifyOverTimeCount).toBeGreaterThan(0);
    expect(nanshan.overTimeCount).toBeGreaterThan(0);
  });

  it('serves one case by its number, and 404 for an unknown one', async () => {
    const list = (await call('POST', '/api/v1/applicants/cases:batchQuery', { applicantCodes: [WEIJING] })).body.data.list;
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect((await call('GET', `/api/v1/cases/${list[0].projNo}`)).body.data).toEqual(list[0]);
    expect((await call('GET', '/api/v1/cases/440305202601010999999')).status).toBe(404);
  });

  it('lists the service items of a department with their time limits', async () => {
    const { body } = await call('GET', `/api/v1/serviceItems?serviceDepartmentCode=${NANSHAN}&pageNo=1&pageSize=10`);
    expect(body.data).toMatchObject({ pageNo: 1, pageSize: 10, total: 3 });
    expect(body.data.list[0]).toEqual({
      serviceCode: `${NANSHAN}000102901000`,
      serviceName: '企业投资项目备案',
      serviceDepartmentCode: NANSHAN,
      serviceDepartmentName: '深圳市南山区人民政府',
      legalTimeLimit: 5,
      promiseTimeLimit: 1,
    });
  });

  it('builds the same data every time for the same size', () => {
    const answer = (routes: ReturnType<typeof createGovServiceRoutes>, name: string, body: unknown) =>
      routes.find((r) => r.name === name)?.handle({ method: 'POST', path: '', query: new URLSearchParams(), body, params: [] });
    const a = createGovServiceRoutes(buildGovServiceFixtures('small'));
    const b = createGovServiceRoutes(buildGovServiceFixtures('small'));
    const cases = { applicantCodes: enterprises.slice(0, 400), pageSize: 1000 };
    const stats = { serviceDepartmentCodes: sandboxOrganisations('small').filter((o) => o.kind === 'GOVERNMENT_BODY').map((o) => o.uscc) };
    expect(answer(a, 'applicants/cases:batchQuery', cases)).toEqual(answer(b, 'applicants/cases:batchQuery', cases));
    expect(answer(a, 'departments/evaluationStats:batchQuery', stats)).toEqual(answer(b, 'departments/evaluationStats:batchQuery', stats));
  });
});
