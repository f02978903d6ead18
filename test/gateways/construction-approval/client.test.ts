import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConstructionApprovalClient } from '../../../gateways/construction-approval/client.js';
import { startConstructionApprovalSandbox } from '../../../gateways/construction-approval/sandbox/startConstructionApprovalSandbox.js';
import { createSandboxServer, defaultPlatformSettings, SourceError, type RunningSandbox } from '../../../gateways/shared/index.js';

const OLD_CODE = '2019-440304-78-03-757151';
const NEW_CODE = '2104-440304-04-03-685863';

async function failureOf(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('construction approval client', () => {
  let sandbox: RunningSandbox;
  const connect = (url = sandbox.url, token = sandbox.token) =>
    createConstructionApprovalClient({ ...defaultPlatformSettings('CONSTRUCTION_APPROVAL', url, token), backoffMs: 5 });

  beforeAll(async () => {
    sandbox = await startConstructionApprovalSandbox({ size: 'small', token: 'client-test-token' });
  });
  afterEach(() => sandbox.clearFault());
  afterAll(() => sandbox.stop());

  it('maps a project into our vocabulary, found by both of its codes', async () => {
    const client = connect();
    const byCode = await client.getProjects([OLD_CODE, NEW_CODE]);
    client.close();
    expect(byCode.get(OLD_CODE)).toBe(byCode.get(NEW_CODE));
    const { stages, fetchedAt, ...project } = byCode.get(OLD_CODE)!;
    expect(fetchedAt).toBeInstanceOf(Date);
    expect(project).toEqual({
      projectNumber: '440304201900005',
      projectCode: NEW_CODE,
      oldProjectCode: OLD_CODE,
      name: '深圳市维晶科技有限公司智能制造基地（一期）工程',
      builderUscc: '91440300MA5E9NHA04',
      builderName: '深圳市维晶科技有限公司',
      approvalDepartmentUscc: '114403040051778687',
      approvalDepartmentName: '深圳市福田区人民政府',
      districtCode: '440304',
      totalInvestment: 12050.05,
    });
    expect(stages[1]).toEqual({
      recordId: '440304201900005-02',
      stage: 'CONSTRUCTION_ENGINEERING_PERMIT',
      approvalDepartmentUscc: '114403000009123091',
      approvalDepartmentName: '深圳市规划和自然资源局',
      acceptedOn: '2019-09-27',
      finishedOn: '2019-11-14',
      statutoryWorkingDays: 20,
      extensionWorkingDays: 10,
      actualWorkingDays: 31,
      documentNumber: '建字第440304201970320号',
    });
  });

  it('reads every page of the builder query', async () => {
    const builders = ['91440300MA5E9NHA04', '11440305003219403F'];
    const whole = connect();
    const expected = await whole.queryProjectsByBuilders(builders);
    whole.close();
    sandbox.resetStats();
    const paged = createConstructionApprovalClient({ ...defaultPlatformSettings('CONSTRUCTION_APPROVAL', sandbox.url, sandbox.token) }, { pageSize: 2 });
    const byBuilder = await paged.queryProjectsByBuilders(builders);
    paged.close();
    const total = [...expected.values()].flat().length;
    expect(total).toBeGreaterThan(2);
    expect([...byBuilder.entries()].map(([uscc, projects]) => [uscc, projects.map((p) => p.projectNumber)])).toEqual(
      [...expected.entries()].map(([uscc, projects]) => [uscc, projects.map((p) => p.projectNumber)]),
    );
    expect(sandbox.stats().byRoute).toEqual({ 'builders/projects:batchQuery': Math.ceil(total / 2) });
  });

  it('gives every department asked an entry, without stages when it approved nothing', async () => {
    const client = connect();
    const stats = await client.queryApprovalStatistics(['11440305003219403F', '114403000049454669']);
    client.close();
    expect(stats.get('11440305003219403F')?.stages[0]).toMatchObject({ stage: 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING', statutoryWorkingDays: 20 });
    expect(stats.get('114403000049454669')).toEqual({
      departmentUscc: '114403000049454669', departmentName: null, asOf: '2026-11-01', periodStart: null, periodEnd: '2026-11-01', stages: [], months: [], fetchedAt: expect.any(Date),
    });
  });

  it('names the missing envelope member when the system answers the wrong shape', async () => {
    sandbox.setFault({ wrongShape: true });
    const client = connect();
    const error = await failureOf(client.getProjects([OLD_CODE]));
    client.close();
    expect(error.extensions).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', platform: 'CONSTRUCTION_APPROVAL' });
    expect(error.message).toContain('body.data: expected an object');
  });

  describe('against a system answering bad records', () => {
    let broken: RunningSandbox;
    const project = { prjNum: 'P1', prjCode: NEW_CODE, oldPrjCode: null, prjName: 'x', buildCorpCode: null, buildCorpName: null, prjApprovalDepart: null, prjApprovalDepartName: null, districtCode: null, totalInvestment: null };
    const stage = { stageInstId: 'S1', stageCode: 1, approvalDepartCode: null, approvalDepartName: null, acceptDate: '20260105', finishDate: null, legalDays: 20, extendDays: 0, actualWorkDays: 3, approvalDocNum: null };
    const answers: Record<string, unknown> = {
      '/api/v1/projects:batchGet': { code: 200, msg: 'success', data: { list: [{ ...project, prjNum: null, stageList: [] }], notFound: [] } },
      '/api/v1/builders/projects:batchQuery': { code: 200, msg: 'success', data: { total: 1, list: [{ ...project, stageList: [{ ...stage, stageCode: 9 }] }] } },
      '/api/v1/departs/approvalStats:batchQuery': { code: 500, msg: '系统繁忙', data: null },
    };
    beforeAll(async () => {
      broken = await createSandboxServer({
        platform: 'CONSTRUCTION_APPROVAL',
        token: 't',
        errorBody: (code, msg) => ({ code, msg, data: null }),
        routes: Object.entries(answers).map(([path, body]) => ({ method: 'POST', pattern: new RegExp(`^${path}$`), name: path, handle: () => ({ status: 200, body }) })),
      });
    });
    afterAll(() => broken.stop());

    it.each([
      ['a missing project number', (c: ReturnType<typeof connect>) => c.getProjects([NEW_CODE]), 'body.data.list[0].prjNum: expected a string, got null'],
      ['an unknown stage code', (c: ReturnType<typeof connect>) => c.queryProjectsByBuilders(['91440300MA5E9NHA04']), 'body.data.list[0].stageList[0].stageCode: expected a stage code 1..4, got number 9'],
    ])('reports %s as SOURCE_BAD_RESPONSE naming where', async (_, run, message) => {
      const client = connect(broken.url, 't');
      const error = await failureOf(run(client));
      client.close();
      expect(error.extensions).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', platform: 'CONSTRUCTION_APPROVAL' });
      expect(error.message).toContain(message);
    });

    it('reports an error code inside HTTP 200 as SOURCE_UNAVAILABLE with the platform message, as every adapter does', async () => {
      const client = connect(broken.url, 't');
      const error = await failureOf(client.queryApprovalStatistics(['11440305003219403F']));
      client.close();
      expect(error.extensions).toEqual({
        code: 'SOURCE_UNAVAILABLE',
        platform: 'CONSTRUCTION_APPROVAL',
        cause: 'answered code 500 (系统繁忙) for POST /api/v1/departs/approvalStats:batchQuery',
      });
    });
  });
});
