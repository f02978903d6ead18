import type { SandboxReply, SandboxRequest, SandboxRoute } from '../../shared/index.js';
import type { ConstructionFixtures, NativeProject } from './ConstructionFixtures.js';

/** Most codes one batch request may carry; more is answered 400. */
export const MAX_BATCH_CODES = 500;
/** Largest page; the default page is 100. */
export const MAX_PAGE_SIZE = 1000;

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
      method: 'POST',
      pattern: /^\/api\/v1\/departs\/approvalStats:batchQuery$/,
      name: 'departs/approvalStats:batchQuery',
      handle: guarded((request) => {
        const codes = readCodes(request.body, 'departCodes');
        return ok({ asOfDate: fixtures.asOf, list: [...new Set(codes)].flatMap((code) => fixtures.statsByDepart.get(code) ?? []) });
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/projects$/,
      name: 'projects',
      handle: guarded((request) => {
        const district = request.query.get('districtCode');
        const builder = request.query.get('buildCorpCode');
        const items = fixtures.projects.filter((p) => (!district || p.districtCode === district) && (!builder || p.buildCorpCode === builder));
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
