import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConstructionFixtures } from '../../../gateways/construction-approval/sandbox/buildConstructionFixtures.js';
import { startConstructionApprovalSandbox } from '../../../gateways/construction-approval/sandbox/startConstructionApprovalSandbox.js';
import type { RunningSandbox } from '../../../gateways/shared/index.js';
import { validateProjectCode } from '../../../src/codes/index.js';

const SAMPLE_BUILDER = '91440300MA5E9NHA04';
const NANSHAN_GOVERNMENT = '11440305003219403F';
const OLD_CODE = '2019-440304-78-03-757151';
const NEW_CODE = '2104-440304-04-03-685863';

describe('construction approval sandbox', () => {
  let sandbox: RunningSandbox;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = sandbox.token) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as { code: number; msg: string; data: any } };
  };

  beforeAll(async () => {
    sandbox = await startConstructionApprovalSandbox({ size: 'small', token: 'sandbox-test-token' });
  });
  afterAll(() => sandbox.stop());

  it('refuses a request without the bearer token in its envelope', async () => {
    const answer = await call('POST', '/api/v1/projects:batchGet', { prjCodes: [OLD_CODE] }, null);
    expect(answer).toEqual({ status: 401, body: { code: 401, msg: 'missing or wrong access token', data: null } });
  });

  it('finds a project by its old-format and its new-format code, and lists unknown codes', async () => {
    const answer = await call('POST', '/api/v1/projects:batchGet', { prjCodes: [OLD_CODE, NEW_CODE, '2104-440304-04-03-000000'] });
    expect(answer.status).toBe(200);
    expect(answer.body.code).toBe(200);
    expect(answer.body.data.list).toHaveLength(1);
    expect(answer.body.data.list[0]).toMatchObject({ prjCode: NEW_CODE, oldPrjCode: OLD_CODE, buildCorpCode: SAMPLE_BUILDER });
    expect(answer.body.data.notFound).toEqual(['2104-440304-04-03-000000']);
  });

  it.each([
    ['more than 500 codes', { prjCodes: Array.from({ length: 501 }, (_, i) => `2104-440304-04-03-${String(i).padStart(6, '0')}`) }, 'prjCodes carries 501 codes; at most 500 per request'],
    ['no codes', { prjCodes: [] }, 'prjCodes must be a non-empty array of strings'],
    ['no body', undefined, 'prjCodes must be a non-empty array of strings'],
  ])('answers 400 for %s', async (_, body, msg) => {
    expect(await call('POST', '/api/v1/projects:batchGet', body)).toEqual({ status: 400, body: { code: 400, msg, data: null } });
  });

  it('pages the projects of many builders with a total', async () => {
    const builders = [SAMPLE_BUILDER, NANSHAN_GOVERNMENT];
    const whole = await call('POST', '/api/v1/builders/projects:batchQuery', { buildCorpCodes: builders, pageSize: 100 });
    const { total, list } = whole.body.data as { total: number; list: { prjNum: string; buildCorpCode: string }[] };
    expect(total).toBe(list.length);
    expect(new Set(list.map((p) => p.buildCorpCode))).toEqual(new Set(builders));
    const pages = [];
    for (let pageNo = 1; pageNo <= Math.ceil(total / 2); pageNo++) {
      const page = await call('POST', '/api/v1/builders/projects:batchQuery', { buildCorpCodes: builders, pageNo, pageSize: 2 });
      expect(page.body.data).toMatchObject({ pageNo, pageSize: 2, total });
      pages.push(...page.body.data.list);
    }
    expect(pages.map((p) => p.prjNum)).toEqual(list.map((p) => p.prjNum));
    expect((await call('POST', '/api/v1/builders/projects:batchQuery', { buildCorpCodes: builders, pageSize: 1001 })).status).toBe(400);
  });

  it('answers approval statistics for the departments that approved something', async () => {
    const answer = await call('POST', '/api/v1/departs/approvalStats:batchQuery', { departCodes: [NANSHAN_GOVERNMENT, '114403000049454669'] });
    expect(answer.body.data.asOfDate).toBe('2026-11-01');
    expect(answer.body.data.list).toHaveLength(1);
    expect(answer.body.data.list[0]).toMatchObject({ departCode: NANSHAN_GOVERNMENT, departName: '深圳市南山区人民政府' });
    expect(answer.body.data.list[0].stageStats[0].acceptNum).toBeGreaterThan(0);
  });

  it('lists projects by district page by page and serves one by number, 404 in its envelope when unknown', async () => {
    const page = await call('GET', '/api/v1/projects?districtCode=440305&pageNo=1&pageSize=5');
    expect(page.body.data.list).toHaveLength(5);
    expect(page.body.data.list.every((p: { districtCode: string }) => p.districtCode === '440305')).toBe(true);
    const first = page.body.data.list[0] as { prjNum: string };
    expect((await call('GET', `/api/v1/projects/${first.prjNum}`)).body.data).toEqual(first);
    expect(await call('GET', '/api/v1/projects/000')).toEqual({ status: 404, body: { code: 404, msg: 'no project numbered 000', data: null } });
  });

  it('builds the same fixtures every time, with valid codes and data for the sample subjects', () => {
    const first = buildConstructionFixtures('small');
    expect(buildConstructionFixtures('small').projects).toEqual(first.projects);
    for (const project of first.projects) {
      const current = validateProjectCode(project.prjCode);
      expect(current.ok).toBe(true);
      if (project.oldPrjCode) {
        expect(current).toMatchObject({ format: 'NEW' });
        expect(validateProjectCode(project.oldPrjCode)).toMatchObject({ ok: true, format: 'OLD' });
      }
    }
    expect(first.byBuilder.get(SAMPLE_BUILDER)?.length).toBeGreaterThan(0);
    expect(first.statsByDepart.get(NANSHAN_GOVERNMENT)?.stageStats.length).toBeGreaterThan(0);
    expect(first.byCode.size).toBe(first.projects.length + first.projects.filter((p) => p.oldPrjCode).length);
  });
});
