import type { SandboxReply, SandboxRequest, SandboxRoute } from '../../shared/sandbox/createSandboxServer.js';
import { SHENZHEN_DISTRICTS } from '../../../src/codes/index.js';
import { findFixtureCase, type FixtureCase, type GovServiceFixtures } from './buildGovServiceFixtures.js';
import { formatDay, toDayNumber as toDay } from './dayNumber.js';
import { readStatRequest, toNativePeriodStats } from './nativeEvaluationStats.js';
import { summariseCases } from './summariseCases.js';

/** Most codes one batch request may carry. */
export const MAX_BATCH_CODES = 500;
/** Largest page the platform serves. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;

/** The platform's envelope around every answer, errors included. */
export function govServiceEnvelope(code: number, msg: string, data: unknown): { code: number; msg: string; data: unknown } {
  return { code, msg, data };
}

const ok = (data: unknown): SandboxReply => ({ status: 200, body: govServiceEnvelope(200, 'success', data) });
const fail = (status: number, msg: string): SandboxReply => ({ status, body: govServiceEnvelope(status, msg, null) });

// The platform writes local (Beijing) time as "yyyy-MM-dd HH:mm:ss".
function formatTime(day: number | null, minute: number, salt: number): string | null {
  if (day === null) return null;
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const ss = String((minute * 7 + salt) % 60).padStart(2, '0');
  return `${formatDay(day)} ${hh}:${mm}:${ss}`;
}

function toNativeCase(c: FixtureCase): Record<string, unknown> {
  const salt = c.projNo.charCodeAt(c.projNo.length - 1);
  const e = c.evaluation;
  const r = e?.rectification ?? null;
  return {
    projNo: c.projNo,
    serviceCode: c.item.serviceCode,
    serviceName: c.item.serviceName,
    serviceDepartmentCode: c.item.department.uscc,
    serviceDepartmentName: c.item.department.name,
    legalTimeLimit: c.item.legalTimeLimit,
    promiseTimeLimit: c.item.promiseTimeLimit,
    applicantCode: c.applicant.uscc,
    applicantName: c.applicant.name,
    applyTime: formatTime(c.applyDay, c.applyMinute, salt),
    acceptTime: formatTime(c.acceptDay, c.acceptMinute, salt + 1),
    finishTime: formatTime(c.finishDay, c.finishMinute, salt + 2),
    projStatus: c.status,
    promiseEndTime: c.promiseEndDay === null ? null : formatDay(c.promiseEndDay),
    usedWorkDays: c.usedWorkDays,
    overTimeFlag: c.overTime ? '1' : '0',
    evaluateInfo: e && {
      evaluateId: `PJ${c.projNo}`,
      evaluateLevel: e.level,
      evaluateTime: formatTime(e.day, e.minute, salt + 3),
      evaluateChannel: e.channel,
      evaluateContent: e.content,
      rectifyInfo: r && {
        rectifyId: `ZG${c.projNo}`,
        rectifyStatus: r.status,
        rectifyDeadline: formatDay(r.deadlineDay),
        rectifyFinishTime: formatTime(r.finishDay, r.finishMinute, salt + 4),
        rectifyOverTimeFlag: r.overTime ? '1' : '0',
      },
    },
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reply: SandboxReply };

function readCodes(body: unknown, member: string): Parsed<string[]> {
  const codes = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[member] : undefined;
  if (!Array.isArray(codes) || codes.length === 0 || !codes.every((c) => typeof c === 'string')) {
    return { ok: false, reply: fail(400, `${member} must be a non-empty array of codes`) };
  }
  if (codes.length > MAX_BATCH_CODES) return { ok: false, reply: fail(400, `${member} carries ${codes.length} codes; at most ${MAX_BATCH_CODES} per request`) };
  return { ok: true, value: [...new Set(codes as string[])] };
}

function readPage(pageNo: unknown, pageSize: unknown): Parsed<{ pageNo: number; pageSize: number }> {
  const no = pageNo === undefined || pageNo === null || pageNo === '' ? 1 : Number(pageNo);
  const size = pageSize === undefined || pageSize === null || pageSize === '' ? DEFAULT_PAGE_SIZE : Number(pageSize);
  if (!Number.isInteger(no) || no < 1) return { ok: false, reply: fail(400, 'pageNo must be a whole number from 1') };
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) return { ok: false, reply: fail(400, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`) };
  return { ok: true, value: { pageNo: no, pageSize: size } };
}

function page<T>(all: T[], pageNo: number, pageSize: number): { pageNo: number; pageSize: number; total: number; list: T[] } {
  return { pageNo, pageSize, total: all.length, list: all.slice((pageNo - 1) * pageSize, pageNo * pageSize) };
}

// The platform's areas (区划): the city's own departments under 440300, each district's under its code.
const KNOWN_AREAS = new Set(SHENZHEN_DISTRICTS.map((d) => d.code));
const PROJ_STATUSES = new Set(['办理中', '已办结', '不予受理', '已撤回']);

/** The endpoints of the government service platform's open API, answering from `fixtures`. */
export function createGovServiceRoutes(fixtures: GovServiceFixtures): SandboxRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/v1\/applicants\/cases:batchQuery$/,
      name: 'applicants/cases:batchQuery',
      handle({ body }: SandboxRequest) {
        const codes = readCodes(body, 'applicantCodes');
        if (!codes.ok) return codes.reply;
        const b = body as Record<string, unknown>;
        const paging = readPage(b.pageNo, b.pageSize);
        if (!paging.ok) return paging.reply;
        const all = codes.value.flatMap((code) => fixtures.casesByApplicant.get(code) ?? []);
        const { list, ...rest } = page(all, paging.value.pageNo, paging.value.pageSize);
        return ok({ ...rest, list: list.map(toNativeCase) });
      },
    },
    {
      // Paged per applicant: page pageNo of each applicant's cases (optionally of one projStatus) with its total.
      method: 'POST',
      pattern: /^\/api\/v1\/applicants\/casePages:batchQuery$/,
      name: 'applicants/casePages:batchQuery',
      handle({ body }: SandboxRequest) {
        const codes = readCodes(body, 'applicantCodes');
        if (!codes.ok) return codes.reply;
        const b = body as Record<string, unknown>;
        const paging = readPage(b.pageNo, b.pageSize);
        if (!paging.ok) return paging.reply;
        const status = b.projStatus ?? null;
        if (status !== null && !PROJ_STATUSES.has(String(status))) return fail(400, `projStatus must be one of ${[...PROJ_STATUSES].join(', ')}`);
        const list = [...new Set(codes.value)].map((code) => {
          const all = (fixtures.casesByApplicant.get(code) ?? []).filter((c) => status === null || c.status === status);
          const { total, list: cases } = page(all, paging.value.pageNo, paging.value.pageSize);
          return { applicantCode: code, total, list: cases.map(toNativeCase) };
        });
        return ok({ ...paging.value, list });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/departments\/evaluationStats:batchQuery$/,
      name: 'departments/evaluationStats:batchQuery',
      handle({ body }: SandboxRequest) {
        const codes = readCodes(body, 'serviceDepartmentCodes');
        if (!codes.ok) return codes.reply;
        const asked = readStatRequest(body as Record<string, unknown>);
        if (!asked.ok) return fail(400, asked.message);
        const { period, monthly } = asked.value;
        const list = [];
        for (const code of codes.value) {
          const department = fixtures.departments.get(code);
          if (!department) continue;
          // The whole statistics period is kept up to date by the platform; other periods are counted on demand.
          const counted = period ? summariseCases(fixtures.casesByDepartment.get(code) ?? [], period, monthly) : null;
          const stats = counted?.total ?? fixtures.statsByDepartment.get(code);
          if (!stats) continue;
          list.push({
            serviceDepartmentCode: department.uscc,
            serviceDepartmentName: department.name,
            ...toNativePeriodStats(fixtures, period, stats, monthly && counted ? counted.cycles : null),
          });
        }
        return ok({ statEndDate: fixtures.asOf, list });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/areas\/evaluationStats:batchQuery$/,
      name: 'areas/evaluationStats:batchQuery',
      handle({ body }: SandboxRequest) {
        const codes = readCodes(body, 'areaCodes');
        if (!codes.ok) return codes.reply;
        const unknown = codes.value.find((code) => !KNOWN_AREAS.has(code));
        if (unknown !== undefined) return fail(400, `areaCodes: ${unknown} is not an area of the platform`);
        const asked = readStatRequest(body as Record<string, unknown>);
        if (!asked.ok) return fail(400, asked.message);
        const { monthly } = asked.value;
        const period = asked.value.period ?? { fromDay: toDay(fixtures.statStartDate), toDay: toDay(fixtures.asOf) };
        const list = codes.value.map((areaCode) => {
          const departments = [...fixtures.departments.values()].filter((d) => d.districtCode === areaCode);
          const counted = summariseCases(departments.flatMap((d) => fixtures.casesByDepartment.get(d.uscc) ?? []), period, monthly);
          return { areaCode, departmentCount: departments.length, ...toNativePeriodStats(fixtures, period, counted.total, monthly ? counted.cycles : null) };
        });
        return ok({ statEndDate: fixtures.asOf, list });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/serviceItems$/,
      name: 'serviceItems',
      handle({ query }: SandboxRequest) {
        const paging = readPage(query.get('pageNo') ?? undefined, query.get('pageSize') ?? undefined);
        if (!paging.ok) return paging.reply;
        const departmentCode = query.get('serviceDepartmentCode');
        const items = departmentCode ? (fixtures.departments.get(departmentCode)?.items ?? []) : [...fixtures.items.values()];
        const { list, ...rest } = page(items, paging.value.pageNo, paging.value.pageSize);
        return ok({
          ...rest,
          list: list.map((item) => ({
            serviceCode: item.serviceCode,
            serviceName: item.serviceName,
            serviceDepartmentCode: item.department.uscc,
            serviceDepartmentName: item.department.name,
            legalTimeLimit: item.legalTimeLimit,
            promiseTimeLimit: item.promiseTimeLimit,
          })),
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/cases\/([^/]+)$/,
      name: 'cases/{projNo}',
      handle({ params }: SandboxRequest) {
        const c = findFixtureCase(fixtures, params[0] ?? '');
        return c ? ok(toNativeCase(c)) : fail(404, `no case numbered ${params[0] ?? ''}`);
      },
    },
  ];
}
