import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxOrganisations, type RunningSandbox } from '../../../gateways/shared/index.js';
import { buildBiddingFixtures } from '../../../gateways/bidding/sandbox/buildBiddingFixtures.js';
import { startBiddingSandbox } from '../../../gateways/bidding/sandbox/startBiddingSandbox.js';

const TOKEN = 'bidding-test-token';
const ENTERPRISE = '91440300MA5E9NHA04';
const NANSHAN = '11440305003219403F';
let sandbox: RunningSandbox;

/** Calls the sandbox over HTTP; resolves with the status and the decoded body. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as { code: number; msg: string; data: any } };
}

beforeAll(async () => {
  sandbox = await startBiddingSandbox({ size: 'small', token: TOKEN });
});
afterAll(() => sandbox.stop());

describe('the bidding platform sandbox', () => {
  it('answers a batch of bid section codes with the known sections and lists the unknown ones', async () => {
    const { status, body } = await call('POST', '/api/v1/tenders:batchGet', { bidSectionCodes: ['E440305202600016001', 'E440304202500018001', 'E000000000000000001'] });
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.data.list.map((s: { bidSectionCode: string; tenderStatus: string }) => [s.bidSectionCode, s.tenderStatus])).toEqual([
      ['E440305202600016001', '已中标'],
      ['E440304202500018001', '已中标'],
    ]);
    expect(body.data.notFound).toEqual(['E000000000000000001']);
    const consortium = body.data.list[1].bidList[0];
    expect(consortium).toMatchObject({ bidderName: '深圳维粤实业有限公司、深圳市维晶科技有限公司（联合体）', isUnion: '1', isWin: '1' });
    expect(consortium.unionMembers).toEqual([
      { memberCode: consortium.bidderCode, memberName: '深圳维粤实业有限公司', isLeader: '1' },
      { memberCode: ENTERPRISE, memberName: '深圳市维晶科技有限公司', isLeader: '0' },
    ]);
  });

  it('answers one section by code, and 404 in the platform envelope for an unknown one', async () => {
    expect((await call('GET', '/api/v1/tenders/E440305202600018001')).body.data).toMatchObject({ tenderStatus: '招标中', bidList: [], winBidderCode: null });
    expect(await call('GET', '/api/v1/tenders/E000000000000000001')).toEqual({ status: 404, body: { code: 404, msg: '没有标段 E000000000000000001', data: null } });
  });

  it('pages each credit code’s parts with pageNo and pageSize, giving the total', async () => {
    const all = await call('POST', '/api/v1/participants:batchQuery', { creditCodes: [ENTERPRISE], parts: ['bids'], pageSize: 200 });
    const { total, list } = all.body.data.list[0].bids;
    expect(total).toBe(list.length);
    expect(total).toBeGreaterThan(10);
    const pages = [];
    for (let pageNo = 1; (pageNo - 1) * 4 < total; pageNo++) {
      const page = await call('POST', '/api/v1/participants:batchQuery', { creditCodes: [ENTERPRISE], parts: ['bids'], pageNo, pageSize: 4 });
      expect(page.body.data.list[0].bids.total).toBe(total);
      pages.push(...page.body.data.list[0].bids.list);
    }
    expect(pages).toEqual(list);
  });

  it('answers every asked code with only the asked parts, empty for a code it does not know', async () => {
    const { body } = await call('POST', '/api/v1/participants:batchQuery', { creditCodes: [NANSHAN, '914403001922038216'], parts: ['tenders', 'awards'] });
    expect(body.data.list.map((e: Record<string, unknown>) => Object.keys(e))).toEqual([
      ['creditCode', 'awards', 'tenders'],
      ['creditCode', 'awards', 'tenders'],
    ]);
    expect(body.data.list[1]).toEqual({ creditCode: '914403001922038216', awards: { total: 0, list: [] }, tenders: { total: 0, list: [] } });
  });

  it('refuses a request without the right token with 401 in the platform envelope', async () => {
    expect(await call('POST', '/api/v1/tenders:batchGet', { bidSectionCodes: [] }, null)).toEqual({ status: 401, body: { code: 401, msg: 'missing or wrong access token', data: null } });
    expect((await call('POST', '/api/v1/tenders:batchGet', { bidSectionCodes: [] }, 'wrong')).status).toBe(401);
  });

  it.each([
    ['/api/v1/participants:batchQuery', { creditCodes: Array.from({ length: 501 }, () => ENTERPRISE) }, 'creditCodes: at most 500 codes per request, got 501'],
    ['/api/v1/tenders:batchGet', { bidSectionCodes: Array.from({ length: 201 }, () => 'E440305202600016001') }, 'bidSectionCodes: at most 200 codes per request, got 201'],
    ['/api/v1/participants:batchQuery', { creditCodes: [ENTERPRISE], pageSize: 201 }, 'pageSize must be a whole number from 1 to 200'],
    ['/api/v1/participants:batchQuery', { creditCodes: [ENTERPRISE], parts: ['bids', 'contracts'] }, 'parts must be an array of bids, awards, tenders'],
    ['/api/v1/tenders:batchGet', { codes: ['E440305202600016001'] }, 'bidSectionCodes must be an array of strings'],
  ])('answers 400 with the reason for %s %#', async (path, request, msg) => {
    expect(await call('POST', path, request)).toEqual({ status: 400, body: { code: 400, msg, data: null } });
  });

  it('gives the sample subjects something to show: the enterprise bids alone and in consortia and wins; Nanshan issues tenders in every state', async () => {
    const { body } = await call('POST', '/api/v1/participants:batchQuery', { creditCodes: [ENTERPRISE, NANSHAN], pageSize: 200 });
    const [enterprise, nanshan] = body.data.list;
    const roles = new Set(enterprise.bids.list.map((b: { isUnion: string; isLeader: string | null }) => `${b.isUnion}/${b.isLeader}`));
    expect([...roles].sort()).toEqual(['0/null', '1/0', '1/1']);
    expect(enterprise.awards.list.some((a: { isUnion: string; isLeader: string }) => a.isUnion === '1' && a.isLeader === '0')).toBe(true);
    expect(new Set(nanshan.tenders.list.map((t: { tenderStatus: string }) => t.tenderStatus))).toEqual(new Set(['招标中', '评标中', '已中标', '已流标']));
  });

  it('names only the sample organisations, by their sample names', () => {
    const names = new Map(sandboxOrganisations('small').map((o) => [o.uscc, o.name]));
    const parties: [string, string][] = [];
    for (const s of buildBiddingFixtures('small').sections) {
      parties.push([s.tendererCode, s.tendererName]);
      if (s.tenderAgencyCode) parties.push([s.tenderAgencyCode, s.tenderAgencyName ?? '']);
      for (const b of s.bidList) {
        if (b.isUnion === '0') parties.push([b.bidderCode, b.bidderName]);
        for (const m of b.unionMembers) parties.push([m.memberCode, m.memberName]);
      }
    }
    expect(parties.filter(([uscc, name]) => names.get(uscc) !== name)).toEqual([]);
  });

  it('builds the same data for the same size', () => {
    expect(JSON.stringify(buildBiddingFixtures('small').sections)).toBe(JSON.stringify(buildBiddingFixtures('small').sections));
  });
});
