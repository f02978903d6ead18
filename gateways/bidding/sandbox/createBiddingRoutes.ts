import type { SandboxReply, SandboxRoute } from '../../shared/index.js';
import type { BiddingFixtures, Participation } from './buildBiddingFixtures.js';

/** Most bid section codes one `tenders:batchGet` takes. */
export const MAX_SECTION_CODES = 200;
/** Most credit codes one `participants:batchQuery` takes. */
export const MAX_CREDIT_CODES = 500;
/** Largest page of each part per credit code. */
export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;
const PARTS = ['bids', 'awards', 'tenders'] as const;

/** The platform's envelope: `{ code, msg, data }`, errors included. */
export function envelope(code: number, msg: string, data: unknown): { code: number; msg: string; data: unknown } {
  return { code, msg, data };
}

const ok = (data: unknown): SandboxReply => ({ status: 200, body: envelope(200, '成功', data) });
const badRequest = (msg: string): SandboxReply => ({ status: 400, body: envelope(400, msg, null) });

/** Reads a list of codes from the request body, or explains what is wrong with it. */
function readCodes(body: unknown, field: string, cap: number): string[] | SandboxReply {
  const codes = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return badRequest(`${field} must be an array of strings`);
  if (codes.length > cap) return badRequest(`${field}: at most ${cap} codes per request, got ${codes.length}`);
  return codes as string[];
}

function readPositive(value: unknown, field: string, fallback: number, max: number): number | SandboxReply {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) return badRequest(`${field} must be a whole number from 1 to ${max}`);
  return value as number;
}

/** The section fields a bid row and an award row both carry. */
function toSectionPart(section: Participation['section']) {
  return {
    bidSectionCode: section.bidSectionCode,
    bidSectionName: section.bidSectionName,
    tenderProjectCode: section.tenderProjectCode,
    tenderProjectName: section.tenderProjectName,
    tendererCode: section.tendererCode,
    tendererName: section.tendererName,
  };
}

function toBidRow(code: string, { section, bid }: Participation) {
  const member = bid.unionMembers.find((m) => m.memberCode === code);
  return {
    bidId: bid.bidId,
    ...toSectionPart(section),
    bidOpenTime: section.bidOpenTime,
    bidPrice: bid.bidPrice,
    isUnion: bid.isUnion,
    isLeader: member?.isLeader ?? null,
    unionLeaderCode: bid.isUnion === '1' ? bid.bidderCode : null,
    unionLeaderName: bid.isUnion === '1' ? bid.unionMembers.find((m) => m.isLeader === '1')?.memberName ?? null : null,
    isWin: bid.isWin,
  };
}

function toAwardRow(code: string, { section, bid }: Participation) {
  return {
    winBidNoticeCode: section.winBidNoticeCode,
    ...toSectionPart(section),
    winBidderCode: section.winBidderCode,
    winBidderName: section.winBidderName,
    winBidPrice: section.winBidPrice,
    winNoticeDate: section.winNoticeDate,
    isUnion: bid.isUnion,
    isLeader: bid.unionMembers.find((m) => m.memberCode === code)?.isLeader ?? null,
  };
}

function page<T, R>(items: readonly T[] | undefined, pageNo: number, pageSize: number, map: (item: T) => R) {
  const all = items ?? [];
  return { total: all.length, list: all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(map) };
}

/**
 * The bidding platform's endpoints over `fixtures`:
 * `POST /api/v1/tenders:batchGet`, `GET /api/v1/tenders/{bidSectionCode}` and
 * `POST /api/v1/participants:batchQuery` (see the folder's README for the contract).
 */
export function createBiddingRoutes(fixtures: BiddingFixtures): SandboxRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/v1\/tenders:batchGet$/,
      name: 'tenders:batchGet',
      handle({ body }) {
        const codes = readCodes(body, 'bidSectionCodes', MAX_SECTION_CODES);
        if (!Array.isArray(codes)) return codes;
        const unique = [...new Set(codes)];
        return ok({ list: unique.flatMap((c) => fixtures.sectionsByCode.get(c) ?? []), notFound: unique.filter((c) => !fixtures.sectionsByCode.has(c)) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/tenders\/([^/]+)$/,
      name: 'tenders/get',
      handle({ params }) {
        const section = fixtures.sectionsByCode.get(params[0] ?? '');
        return section ? ok(section) : { status: 404, body: envelope(404, `没有标段 ${params[0]}`, null) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/participants:batchQuery$/,
      name: 'participants:batchQuery',
      handle({ body }) {
        const codes = readCodes(body, 'creditCodes', MAX_CREDIT_CODES);
        if (!Array.isArray(codes)) return codes;
        const request = body as Record<string, unknown>;
        const parts = request.parts ?? [...PARTS];
        if (!Array.isArray(parts) || !parts.every((p) => (PARTS as readonly unknown[]).includes(p))) return badRequest(`parts must be an array of ${PARTS.join(', ')}`);
        const pageNo = readPositive(request.pageNo, 'pageNo', 1, Number.MAX_SAFE_INTEGER);
        if (typeof pageNo !== 'number') return pageNo;
        const pageSize = readPositive(request.pageSize, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        if (typeof pageSize !== 'number') return pageSize;
        const list = [...new Set(codes)].map((code) => ({
          creditCode: code,
          ...(parts.includes('bids') ? { bids: page(fixtures.bidsByParticipant.get(code), pageNo, pageSize, (p) => toBidRow(code, p)) } : {}),
          ...(parts.includes('awards') ? { awards: page(fixtures.awardsByParticipant.get(code), pageNo, pageSize, (p) => toAwardRow(code, p)) } : {}),
          ...(parts.includes('tenders') ? { tenders: page(fixtures.sectionsByTenderer.get(code), pageNo, pageSize, (s) => s) } : {}),
        }));
        return ok({ pageNo, pageSize, list });
      },
    },
  ];
}
