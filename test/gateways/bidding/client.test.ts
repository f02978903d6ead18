import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBiddingClient } from '../../../gateways/bidding/client.js';
import { startBiddingSandbox } from '../../../gateways/bidding/sandbox/startBiddingSandbox.js';
import { createSandboxServer, defaultPlatformSettings, sandboxOrganisations, type RunningSandbox } from '../../../gateways/shared/index.js';

const TOKEN = 'bidding-client-token';
const ENTERPRISE = '91440300MA5E9NHA04';

/** A section in the platform's own shape, with a consortium bid that won. */
function nativeSection() {
  return {
    tenderProjectCode: 'E440305202600016',
    tenderProjectName: '南山区2026年政务服务中心智慧大厅信息化设备采购项目',
    bidSectionCode: 'E440305202600016001',
    bidSectionName: '南山区2026年政务服务中心智慧大厅信息化设备采购项目',
    tenderProjectType: '货物',
    tenderMode: '公开招标',
    regionCode: '440305',
    tendererCode: '11440305003219403F',
    tendererName: '深圳市南山区人民政府',
    tenderAgencyCode: null,
    tenderAgencyName: null,
    noticeDate: '20260408',
    bidOpenTime: '2026-05-06 09:30:00',
    budgetAmount: 486.5,
    expertCount: 7,
    tenderStatus: '已中标',
    bidList: [
      {
        bidId: 'E440305202600016001-TB01',
        bidderCode: ENTERPRISE,
        bidderName: '深圳市维晶科技有限公司、深圳市溢芯电子有限公司（联合体）',
        bidPrice: 387.82149999,
        isUnion: '1',
        unionMembers: [
          { memberCode: ENTERPRISE, memberName: '深圳市维晶科技有限公司', isLeader: '1' },
          { memberCode: '91440306MA5JR6Q37K', memberName: '深圳市溢芯电子有限公司', isLeader: '0' },
        ],
        isWin: '1',
      },
    ],
    winBidNoticeCode: 'E440305202600016001-ZB',
    winBidderCode: ENTERPRISE,
    winBidderName: '深圳市维晶科技有限公司、深圳市溢芯电子有限公司（联合体）',
    winBidPrice: 387.8215,
    winNoticeDate: '2026-05-18',
  };
}

describe('the bidding client against a platform answering set bodies', () => {
  let platform: RunningSandbox;
  let answer: unknown;
  beforeAll(async () => {
    platform = await createSandboxServer({
      platform: 'BIDDING',
      token: TOKEN,
      errorBody: (code, msg) => ({ code, msg, data: null }),
      routes: [{ method: 'POST', pattern: /^\/api\/v1\/tenders:batchGet$/, name: 'tenders:batchGet', handle: () => ({ status: 200, body: answer }) }],
    });
  });
  afterAll(() => platform.stop());
  const client = () => createBiddingClient({ ...defaultPlatformSettings('BIDDING', platform.url, TOKEN), retries: 0 });

  it('maps a section to our vocabulary: codes, enums, Beijing time, amounts in 万元 as exact decimals', async () => {
    answer = { code: 200, msg: '成功', data: { list: [nativeSection()], notFound: [] } };
    const tenders = await client().getTenders(['E440305202600016001']);
    const fetchedAt = tenders.get('E440305202600016001')?.fetchedAt;
    expect(fetchedAt).toBeInstanceOf(Date);
    expect([...tenders.values()]).toEqual([
      {
        code: 'E440305202600016001',
        name: '南山区2026年政务服务中心智慧大厅信息化设备采购项目',
        projectCode: 'E440305202600016',
        projectName: '南山区2026年政务服务中心智慧大厅信息化设备采购项目',
        category: 'GOODS',
        method: 'OPEN',
        status: 'AWARDED',
        districtCode: '440305',
        tendererUscc: '11440305003219403F',
        tendererName: '深圳市南山区人民政府',
        agentUscc: null,
        agentName: null,
        noticeDate: '2026-04-08',
        bidOpeningAt: new Date('2026-05-06T01:30:00.000Z'),
        budget: '486.5',
        evaluationExpertCount: 7,
        bids: [
          {
            id: 'E440305202600016001-TB01',
            bidderUscc: ENTERPRISE,
            bidderName: '深圳市维晶科技有限公司、深圳市溢芯电子有限公司（联合体）',
            price: '387.8215',
            consortium: true,
            consortiumMembers: [
              { memberUscc: ENTERPRISE, memberName: '深圳市维晶科技有限公司', leader: true },
              { memberUscc: '91440306MA5JR6Q37K', memberName: '深圳市溢芯电子有限公司', leader: false },
            ],
            won: true,
            fetchedAt,
          },
        ],
        award: { id: 'E440305202600016001-ZB', winnerUscc: ENTERPRISE, winnerName: '深圳市维晶科技有限公司、深圳市溢芯电子有限公司（联合体）', price: '387.8215', noticeDate: '2026-05-18', fetchedAt },
        fetchedAt,
      },
    ]);
  });

  const withSection = (change: (s: Record<string, any>) => void) => {
    const section: Record<string, any> = nativeSection();
    change(section);
    return { code: 200, msg: '成功', data: { list: [section] } };
  };

  it.each([
    ['a price written as text', withSection((s) => (s.bidList[0].bidPrice = '387.82')), 'unexpected body: body.data.list[0].bidList[0].bidPrice: expected a number, got the string "387.82"'],
    ['an unknown procurement method', withSection((s) => (s.tenderMode = '框架协议')), 'unexpected body: body.data.list[0].tenderMode: expected one of 公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 单一来源, 询价, got the string "框架协议"'],
    ['a time without its clock', withSection((s) => (s.bidOpenTime = '2026-05-06')), 'unexpected body: body.data.list[0].bidOpenTime: expected a time YYYY-MM-DD HH:mm:ss, got the string "2026-05-06"'],
    ['an award without its winner’s name', withSection((s) => (s.winBidderName = null)), 'unexpected body: body.data.list[0].winBidderName: expected a string, got null'],
    ['a consortium flag that is not 1 or 0', withSection((s) => (s.bidList[0].isUnion = true)), 'unexpected body: body.data.list[0].bidList[0].isUnion: expected a string, got boolean true'],
    ['an envelope without its list', { code: 200, msg: '成功', data: { rows: [] } }, 'unexpected body: body.data.list: expected an array, got nothing (the member is missing)'],
    ['an envelope without its code', { data: { list: [] } }, 'unexpected body: body.code: expected a number, got nothing (the member is missing)'],
  ])('turns %s into SOURCE_BAD_RESPONSE naming the place', async (_what, body, cause) => {
    answer = body;
    await expect(client().getTenders(['E440305202600016001'])).rejects.toMatchObject({ message: `BIDDING: ${cause}`, extensions: { code: 'SOURCE_BAD_RESPONSE', platform: 'BIDDING', cause } });
  });

  // Every adapter maps any envelope code other than 200 alike (gateways/README.md, "Failures").
  it.each([
    [{ code: 503, msg: '系统繁忙', data: null }, 'answered code 503 (系统繁忙) for POST /api/v1/tenders:batchGet'],
    [{ code: 400, msg: '参数错误', data: null }, 'answered code 400 (参数错误) for POST /api/v1/tenders:batchGet'],
  ])('reports the platform error code in %j as SOURCE_UNAVAILABLE with its message', async (body, cause) => {
    answer = body;
    await expect(client().getTenders(['E440305202600016001'])).rejects.toMatchObject({ message: `BIDDING: ${cause}`, extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING', cause } });
  });
});

describe('the bidding client against the sandbox', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startBiddingSandbox({ size: 'small', token: TOKEN });
  });
  afterAll(() => sandbox.stop());
  // A time limit the local sandbox meets even on a busy machine: these tests are about paging, not speed.
  const settings = () => ({ ...defaultPlatformSettings('BIDDING', sandbox.url, TOKEN), timeoutMs: 60_000 });

  it('pages through every code’s parts, asking again only for the codes that have more', async () => {
    // 500 codes: one request per page (more would be split into two requests per page).
    const usccs = sandboxOrganisations('small').slice(0, 500).map((o) => o.uscc);
    const whole = await createBiddingClient(settings()).queryParticipants(usccs, ['bids', 'awards', 'tenders']);
    const most = Math.max(...[...whole.values()].map((p) => Math.max(p.bids?.length ?? 0, p.awards?.length ?? 0, p.tenders?.length ?? 0)));
    sandbox.resetStats();
    const paged = await createBiddingClient(settings(), { pageSize: 7 }).queryParticipants(usccs, ['bids', 'awards', 'tenders']);
    expect(sandbox.stats().requests).toBe(Math.ceil(most / 7));
    expect(paged).toEqual(new Map([...whole].map(([uscc, p]) => [uscc, expect.objectContaining({ bids: p.bids?.map((b) => ({ ...b, fetchedAt: expect.any(Date) })) })])));
    expect([...paged.values()].map((p) => p.awards?.map((a) => a.id))).toEqual([...whole.values()].map((p) => p.awards?.map((a) => a.id)));
    expect([...paged.values()].map((p) => p.tenders?.map((t) => t.code))).toEqual([...whole.values()].map((p) => p.tenders?.map((t) => t.code)));
  });

  it('splits codes over the platform’s caps into several requests', async () => {
    // Every sandbox organisation and 75 codes the platform does not know: each code gets an answer.
    const usccs = [...sandboxOrganisations('small').map((o) => o.uscc), ...Array.from({ length: 75 }, (_, i) => `9144030000000${String(i).padStart(4, '0')}X`)];
    sandbox.resetStats();
    const participants = await createBiddingClient(settings()).queryParticipants(usccs, ['awards']);
    expect(participants.size).toBe(new Set(usccs).size);
    expect(participants.get(ENTERPRISE)?.awards?.length).toBeGreaterThan(0);
    expect(sandbox.stats().byRoute).toEqual({ 'participants:batchQuery': 2 });
  });
});
