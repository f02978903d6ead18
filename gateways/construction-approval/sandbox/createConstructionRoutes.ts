import { SHENZHEN_DISTRICTS } from '../../../src/codes/index.js';
import type { SandboxReply, SandboxRequest, SandboxRoute } from '../../shared/index.js';
import type { ConstructionFixtures, NativeProject } from './ConstructionFixtures.js';
import { summarisePeriod, type NativePeriod } from './summarisePeriod.js';

/** Most codes one batch request may carry; more is answered 400. */
export const MAX_BATCH_CODES = 500;
/** Largest page; the default page is 100. */
export const MAX_PAGE_SIZE = 1000;
/** The longest statistics period, in calendar months touched. */
export const MAX_STAT_MONTHS = 36;
// The system's regions (区划): the city's departments under 440300, each district's under its code.
const KNOWN_REGIONS = new Set(SHENZHEN_DISTRICTS.map((d) => d.code));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The system's envelope around every answer, errors included. */
export function envelope(code: number, msg: string, data: unknown): { code: number; msg: string; data: unknown } {
  return { code, msg, data };
}

const ok = (data: unknown): SandboxReply => ({ status: 200, body: envelope(200, 'success', data) });
const refuse = (status: number, msg: string): SandboxReply => ({ status, body: envelope(status, msg, null) });

class BadRequest extends Error {}

function readCodes(body: unknown, member: string): string[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[member] : undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((c) => typeof c === 'string')) {
    throw new BadRequest(`${member} must be a non-empty array of strings`);
  }
  if (value.length > MAX_BATCH_CODES) throw new BadRequest(`${member} carries ${value.length} codes; at most ${MAX_BATCH_CODES} per request`);
  return value as string[];
}

function readPage(source: (name: string) => unknown): { pageNo: number; pageSize: number } {
  const read = (name: string, fallback: number, max: number) => {
    const raw = source(name);
    if (raw === undefined || raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new BadRequest(`${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  return { pageNo: read('pageNo', 1, Number.MAX_SAFE_INTEGER), pageSize: read('pageSize', 100, MAX_PAGE_SIZE) };
}

function page(items: readonly NativeProject[], { pageNo, pageSize }: { pageNo: number; pageSize: number }) {
  return { pageNo, pageSize, total: items.length, list: items.slice((pageNo - 1) * pageSize, pageNo * pageSize) };
}

/** `beginDate` and `endDate` (both or neither; null: all time) and `statType` ("month" for a monthly breakdown, needs a period). */
function readStatRequest(member: (name: string) => unknown): { period: NativePeriod | null; monthly: boolean } {
  const begin = member('beginDate') ?? null;
  const end = member('endDate') ?? null;
  const type = member('statType') ?? null;
  if (type !== null && type !== 'month') throw new BadRequest('statType must be "month" or absent');
  if ((begin === null) !== (end === null)) throw new BadRequest('beginDate and endDate go together');
  if (begin === null) {
    if (type !== null) throw new BadRequest('statType needs beginDate and endDate');
    return { period: null, monthly: false };
  }
  if (typeof begin !== 'string' || typeof end !== 'string' || !DATE.test(begin) || !DATE.test(end)) throw new BadRequest('beginDate and endDate are yyyy-MM-dd');
  if (begin > end) throw new BadRequest('beginDate is after endDate');
  const months = (Number(end.slice(0, 4)) - Number(begin.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(begin.slice(5, 7)) + 1;
  if (months > MAX_STAT_MONTHS) throw new BadRequest(`统计区间最长${MAX_STAT_MONTHS}个月 (the period spans ${months} months)`);
  return { period: { beginDate: begin, endDate: end }, monthly: type === 'month' };
}

/** The project's approval status (项目审批状态): 1 审批中 (a stage open), 2 待申报 (between stages), 3 已竣工验收. */
function projectStatus(project: NativeProject): string {
  const last = project.stageList.at(-1);
  if (last?.finishDate === null) return '1';
  return last?.stageCode === 4 ? '3' : '2';
}

const hasOverdueStage = (project: NativeProject) => project.stageList.some((s) => s.actualWorkDays > s.legalDays + s.extendDays);

/** A comma-separated query parameter as a set of values, or null when absent or empty. */
function readList(raw: string | null, name: string, allowed?: ReadonlySet<string>): Set<string> | null {
  if (raw === null || raw === '') return null;
  const values = new Set(raw.split(','));
  for (const value of values) if (allowed && !allowed.has(value)) throw new BadRequest(`${name}: ${value} is not one of ${[...allowed].join(', ')}`);
  return values;
}

function guarded(handle: (request: SandboxRequest) => SandboxReply): (request: SandboxRequest) => SandboxReply {
  return (request) => {
    try {
      return handle(request);
    } catch (error) {
      if (error instanceof BadRequest) return refuse(400, error.message);
      throw error;
    }
  };
}

/**
 * The approval system's API over `fixtures`: batch lookups by project code, by builder (paged) and
 * of department approval statistics, a paged project list and one project by number. Bodies use the
 * system's envelope `{ code, msg, data }`.
 */
export function createConstructionRoutes(fixtures: ConstructionFixtures): SandboxRoute[] {
  const bodyMember = (request: SandboxRequest) => (name: string) =>
    typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>)[name] : undefined;
  return [
    {
      method: 'POST',
      pattern: /^\/api\/v1\/projects:batchGet$/,
      name: 'projects:batchGet',
      handle: guarded((request) => {
        const codes = readCodes(request.body, 'prjCodes');
        const found = new Set<NativeProject>();
        const notFound: string[] = [];
        for (const code of codes) {
          const project = fixtures.byCode.get(code);
          if (project) found.add(project);
          else notFound.push(code);
        }
        return ok({ list: [...found], notFound });
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/builders\/projects:batchQuery$/,
      name: 'builders/projects:batchQuery',
      handle: guarded((request) => {
        const codes = readCodes(request.body, 'buildCorpCodes');
        const paging = readPage(bodyMember(request));
        return ok(page([...new Set(codes)].flatMap((code) => fixtures.byBuilder.get(code) ?? []), paging));
      }),
    },
    {
      // Paged per builder: page pageNo of each builder's projects with its total, as the bidding platform pages per code.
      method: 'POST',
      pattern: /^\/api\/v1\/builders\/projectPages:batchQuery$/,
      name: 'builders/projectPages:batchQuery',
      handle: guarded((request) => {
        const codes = readCodes(request.body, 'buildCorpCodes');
        const paging = readPage(bodyMember(request));
        const list = [...new Set(codes)].map((code) => {
          const { total, list: projects } = page(fixtures.byBuilder.get(code) ?? [], paging);
          return { buildCorpCode: code, total, list: projects };
        });
        return ok({ ...paging, list });
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/departs\/approvalStats:batchQuery$/,
      name: 'departs/approvalStats:batchQuery',
      handle: guarded((request) => {
        const codes = readCodes(request.body, 'departCodes');
        const { period, monthly } = readStatRequest(bodyMember(request));
        const list = [...new Set(codes)].flatMap((code) => {
          const all = fixtures.statsByDepart.get(code);
          if (!all) return [];
          if (!period) return [all];
          const counted = summarisePeriod(fixtures.stagesByDepart.get(code) ?? [], period, monthly);
          // A department that decided nothing in the period is left out, as one that never approved anything.
          if (counted.stageStats.length === 0) return [];
          return [{ ...all, ...period, stageStats: counted.stageStats, ...(counted.monthStats ? { monthStats: counted.monthStats } : {}) }];
        });
        return ok({ asOfDate: fixtures.asOf, list });
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/regions\/approvalStats:batchQuery$/,
      name: 'regions/approvalStats:batchQuery',
      handle: guarded((request) => {
        const codes = readCodes(request.body, 'regionCodes');
        const unknown = codes.find((code) => !KNOWN_REGIONS.has(code));
        if (unknown !== undefined) throw new BadRequest(`regionCodes: ${unknown} is not a region of the system`);
        const { period, monthly } = readStatRequest(bodyMember(request));
        if (!period) throw new BadRequest('beginDate and endDate are required for region statistics');
        const list = [...new Set(codes)].map((regionCode) => {
          const departs = [...fixtures.departDistrict].filter(([, district]) => district === regionCode).map(([depart]) => depart);
          const counted = summarisePeriod(departs.flatMap((d) => fixtures.stagesByDepart.get(d) ?? []), period, monthly);
          return { regionCode, departCount: departs.length, ...period, stageStats: counted.stageStats, ...(counted.monthStats ? { monthStats: counted.monthStats } : {}) };
        });
        return ok({ asOfDate: fixtures.asOf, list });
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/projects$/,
      name: 'projects',
      handle: guarded((request) => {
        const district = request.query.get('districtCode');
        const districts = readList(request.query.get('districtCodes'), 'districtCodes');
        const builder = request.query.get('buildCorpCode');
        const statuses = readList(request.query.get('prjStatus'), 'prjStatus', new Set(['1', '2', '3']));
        const overdue = readList(request.query.get('overdueFlag'), 'overdueFlag', new Set(['0', '1']));
        const items = fixtures.projects.filter(
          (p) =>
            (!district || p.districtCode === district) &&
            (!districts || districts.has(p.districtCode)) &&
            (!builder || p.buildCorpCode === builder) &&
            (!statuses || statuses.has(projectStatus(p))) &&
            (!overdue || overdue.has(hasOverdueStage(p) ? '1' : '0')),
        );
        return ok(page(items, readPage((name) => request.query.get(name) ?? undefined)));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/projects\/([^/]+)$/,
      name: 'projects/{prjNum}',
      handle: (request) => {
        const project = fixtures.byPrjNum.get(request.params[0] ?? '');
        return project ? ok(project) : refuse(404, `no project numbered ${request.params[0]}`);
      },
    },
  ];
}
