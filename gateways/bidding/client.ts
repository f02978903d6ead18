import { createPlatformClient, inChunks, MalformedBodyError, readWindowPerCode, type CodeWindow, type JsonReader, type ListWindow, type PlatformSettings } from '../shared/index.js';

// The bidding platform's API in its own field names (tenderProjectCode, bidSectionCode, tendererCode,
// bidderCode, isUnion, winBidderCode…). Everything exported from here speaks our vocabulary.

/** Kind of procurement (项目类型). */
export type TenderCategory = 'WORKS' | 'GOODS' | 'SERVICES';
/** Procurement method (招标方式 / 采购方式). */
export type TenderMethod = 'OPEN' | 'INVITED' | 'COMPETITIVE_NEGOTIATION' | 'COMPETITIVE_CONSULTATION' | 'SINGLE_SOURCE' | 'REQUEST_FOR_QUOTATION';
/** Where a tender stands. */
export type TenderStatus = 'OPEN_FOR_BIDS' | 'UNDER_EVALUATION' | 'AWARDED' | 'FAILED';
/** How a participant took part in a bid. */
export type BidderRole = 'SOLE_BIDDER' | 'CONSORTIUM_LEADER' | 'CONSORTIUM_MEMBER';
/** The parts `queryParticipants` can ask for. */
export type ParticipantPart = 'bids' | 'awards' | 'tenders';

/** A member of a consortium bid (联合体成员). */
export interface ConsortiumMember {
  memberUscc: string;
  memberName: string;
  leader: boolean;
}

/** A bid as the tender lists it (投标记录). */
export interface TenderBid {
  id: string;
  bidderUscc: string;
  bidderName: string;
  /** 万元, exact decimal string. */
  price: string;
  consortium: boolean;
  consortiumMembers: ConsortiumMember[];
  won: boolean;
  fetchedAt: Date;
}

/** The award of a tender (中标结果). */
export interface TenderAward {
  id: string;
  winnerUscc: string;
  winnerName: string;
  price: string;
  noticeDate: string;
  fetchedAt: Date;
}

/** A bid section (标段) of a tender project, the unit bids are made for and awarded. */
export interface Tender {
  code: string;
  name: string;
  projectCode: string;
  projectName: string;
  category: TenderCategory;
  method: TenderMethod;
  status: TenderStatus;
  districtCode: string;
  tendererUscc: string;
  tendererName: string;
  agentUscc: string | null;
  agentName: string | null;
  noticeDate: string;
  bidOpeningAt: Date;
  budget: string;
  evaluationExpertCount: number | null;
  bids: TenderBid[];
  award: TenderAward | null;
  fetchedAt: Date;
}

/** The tender (its section and project, and the tenderer) a bid or an award belongs to. */
export interface TenderReference {
  tenderCode: string;
  tenderName: string;
  projectCode: string;
  projectName: string;
  tendererUscc: string;
  tendererName: string;
}

/** A bid from the participant's side: made alone or as a consortium member. */
export interface Bid extends TenderReference {
  id: string;
  bidOpeningAt: Date;
  price: string;
  role: BidderRole;
  consortiumLeaderUscc: string | null;
  consortiumLeaderName: string | null;
  won: boolean;
  fetchedAt: Date;
}

/** An award from the winner's side (a consortium's award counts for each member). */
export interface Award extends TenderReference {
  id: string;
  winnerUscc: string;
  winnerName: string;
  price: string;
  noticeDate: string;
  role: BidderRole;
  fetchedAt: Date;
}

/** What the platform knows about one USCC; only the parts asked for are present. */
export interface Participant {
  uscc: string;
  bids?: Bid[];
  awards?: Award[];
  tenders?: Tender[];
}

/** The item type of each participant part. */
export interface PartItem {
  bids: Bid;
  awards: Award;
  tenders: Tender;
}

/** The bidding platform's API, batch calls only. */
export interface BiddingClient {
  /** Tenders by bid section code, in as few requests as the platform's cap allows; unknown codes are absent. Rejects only with SourceError. */
  getTenders(codes: readonly string[]): Promise<Map<string, Tender>>;
  /**
   * The asked parts for every USCC, paging through the platform's per-code pages (one request per
   * page for all codes still having more); every asked USCC is in the map. Rejects only with SourceError.
   */
  queryParticipants(usccs: readonly string[], parts: readonly ParticipantPart[]): Promise<Map<string, Participant>>;
  /**
   * One window of the asked parts for every USCC, with each code's total per part, from the platform's
   * per-code pages: one request for all codes and parts (two when no page size holds the window), split past
   * 500 codes; keyed `part:uscc`, every asked pair present. Rejects only with SourceError.
   */
  queryParticipantWindow(usccs: readonly string[], parts: readonly ParticipantPart[], window: ListWindow): Promise<Map<string, CodeWindow<PartItem[ParticipantPart]>>>;
  close(): void;
}

const SECTION_CODES_PER_REQUEST = 200;
/** The platform's largest `pageSize`. */
const MAX_PAGE_SIZE = 200;
const CREDIT_CODES_PER_REQUEST = 500;
/** Items per part and code per page; the platform allows up to 200. */
export const DEFAULT_PAGE_SIZE = 100;

const CATEGORIES = { 工程: 'WORKS', 货物: 'GOODS', 服务: 'SERVICES' } as const;
const METHODS = {
  公开招标: 'OPEN',
  邀请招标: 'INVITED',
  竞争性谈判: 'COMPETITIVE_NEGOTIATION',
  竞争性磋商: 'COMPETITIVE_CONSULTATION',
  单一来源: 'SINGLE_SOURCE',
  询价: 'REQUEST_FOR_QUOTATION',
} as const;
const STATUSES = { 招标中: 'OPEN_FOR_BIDS', 评标中: 'UNDER_EVALUATION', 已中标: 'AWARDED', 已流标: 'FAILED' } as const;
const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/** An amount in 万元 as an exact decimal string, to the yuan, without trailing zeros. */
function readAmount(r: JsonReader): string {
  const text = r.number().toFixed(4);
  return text.replace(/\.?0+$/, '');
}

/** The platform's Beijing time `YYYY-MM-DD HH:mm:ss`. */
function readBeijingTime(r: JsonReader): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(r.string());
  if (!m) throw new MalformedBodyError(r.path, 'a time YYYY-MM-DD HH:mm:ss', r.value);
  return new Date(`${m[1]}T${m[2]}+08:00`);
}

const readFlag = (r: JsonReader): boolean => r.oneOf(['1', '0']) === '1';

function readRole(isUnion: JsonReader, isLeader: JsonReader): BidderRole {
  if (!readFlag(isUnion)) return 'SOLE_BIDDER';
  return readFlag(isLeader) ? 'CONSORTIUM_LEADER' : 'CONSORTIUM_MEMBER';
}

function readTender(r: JsonReader, fetchedAt: Date): Tender {
  const code = r.get('bidSectionCode').string();
  const winnerUscc = r.get('winBidderCode').optionalString();
  return {
    code,
    name: r.get('bidSectionName').string(),
    projectCode: r.get('tenderProjectCode').string(),
    projectName: r.get('tenderProjectName').string(),
    category: CATEGORIES[r.get('tenderProjectType').oneOf(keys(CATEGORIES))],
    method: METHODS[r.get('tenderMode').oneOf(keys(METHODS))],
    status: STATUSES[r.get('tenderStatus').oneOf(keys(STATUSES))],
    districtCode: r.get('regionCode').string(),
    tendererUscc: r.get('tendererCode').string(),
    tendererName: r.get('tendererName').string(),
    agentUscc: r.get('tenderAgencyCode').optionalString(),
    agentName: r.get('tenderAgencyName').optionalString(),
    noticeDate: r.get('noticeDate').date(),
    bidOpeningAt: readBeijingTime(r.get('bidOpenTime')),
    budget: readAmount(r.get('budgetAmount')),
    evaluationExpertCount: r.get('expertCount').optionalNumber(),
    bids: r.get('bidList').items().map((b) => ({
      id: b.get('bidId').string(),
      bidderUscc: b.get('bidderCode').string(),
      bidderName: b.get('bidderName').string(),
      price: readAmount(b.get('bidPrice')),
      consortium: readFlag(b.get('isUnion')),
      consortiumMembers: b.get('unionMembers').items().map((m) => ({
        memberUscc: m.get('memberCode').string(),
        memberName: m.get('memberName').string(),
        leader: readFlag(m.get('isLeader')),
      })),
      won: readFlag(b.get('isWin')),
      fetchedAt,
    })),
    award:
      winnerUscc === null
        ? null
        : {
            id: r.get('winBidNoticeCode').string(),
            winnerUscc,
            winnerName: r.get('winBidderName').string(),
            price: readAmount(r.get('winBidPrice')),
            noticeDate: r.get('winNoticeDate').date(),
            fetchedAt,
          },
    fetchedAt,
  };
}

/** The tender a bid or award belongs to, as both list items carry it. */
function readTenderOf(r: JsonReader): TenderReference {
  return {
    tenderCode: r.get('bidSectionCode').string(),
    tenderName: r.get('bidSectionName').string(),
    projectCode: r.get('tenderProjectCode').string(),
    projectName: r.get('tenderProjectName').string(),
    tendererUscc: r.get('tendererCode').string(),
    tendererName: r.get('tendererName').string(),
  };
}

function readBid(r: JsonReader, fetchedAt: Date): Bid {
  return {
    id: r.get('bidId').string(),
    ...readTenderOf(r),
    bidOpeningAt: readBeijingTime(r.get('bidOpenTime')),
    price: readAmount(r.get('bidPrice')),
    role: readRole(r.get('isUnion'), r.get('isLeader')),
    consortiumLeaderUscc: r.get('unionLeaderCode').optionalString(),
    consortiumLeaderName: r.get('unionLeaderName').optionalString(),
    won: readFlag(r.get('isWin')),
    fetchedAt,
  };
}

function readAward(r: JsonReader, fetchedAt: Date): Award {
  return {
    id: r.get('winBidNoticeCode').string(),
    ...readTenderOf(r),
    winnerUscc: r.get('winBidderCode').string(),
    winnerName: r.get('winBidderName').string(),
    price: readAmount(r.get('winBidPrice')),
    noticeDate: r.get('winNoticeDate').date(),
    role: readRole(r.get('isUnion'), r.get('isLeader')),
    fetchedAt,
  };
}

/** Creates the client of the bidding platform described by `settings`; `pageSize` is for tests of paging. */
export function createBiddingClient(settings: PlatformSettings, options: { pageSize?: number } = {}): BiddingClient {
  const api = createPlatformClient(settings);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  // The platform pages per code and part: each round asks page n of every code still having more.
  async function queryChunk(usccs: string[], parts: readonly ParticipantPart[]): Promise<Participant[]> {
    const participants = new Map(usccs.map((uscc) => [uscc, { uscc } as Participant]));
    for (const p of participants.values()) for (const part of parts) p[part] = [];
    // Per code, the parts that still have pages to fetch.
    let pending = new Map(usccs.map((uscc) => [uscc, new Set(parts)]));
    for (let pageNo = 1; pending.size > 0; pageNo++) {
      const asked = [...new Set([...pending.values()].flatMap((s) => [...s]))];
      const current = pending;
      pending = await api.post('/api/v1/participants:batchQuery', { creditCodes: [...current.keys()], parts: asked, pageNo, pageSize }, (data, fetchedAt) => {
        const next = new Map<string, Set<ParticipantPart>>();
        for (const e of data.get('list').items()) {
          const uscc = e.get('creditCode').string();
          const participant = participants.get(uscc);
          const wanted = current.get(uscc);
          if (!participant || !wanted) continue; // a code we did not ask for now
          for (const part of wanted) {
            const r = e.get(part);
            const read = part === 'bids' ? readBid : part === 'awards' ? readAward : readTender;
            const rows = r.get('list').items().map((item) => read(item, fetchedAt));
            const total = r.get('total').integer();
            (participant[part] as unknown[]).push(...rows);
            if (total > pageNo * pageSize && rows.length > 0) next.set(uscc, (next.get(uscc) ?? new Set()).add(part));
          }
        }
        return next;
      });
    }
    return [...participants.values()];
  }

  return {
    async getTenders(codes) {
      const pages = await inChunks(codes, SECTION_CODES_PER_REQUEST, (bidSectionCodes) =>
        api.post('/api/v1/tenders:batchGet', { bidSectionCodes }, (data, fetchedAt) => data.get('list').items().map((t) => readTender(t, fetchedAt))),
      );
      return new Map(pages.flat().map((t) => [t.code, t]));
    },
    async queryParticipants(usccs, parts) {
      const chunks = await inChunks(usccs, CREDIT_CODES_PER_REQUEST, (c) => queryChunk(c, parts));
      return new Map(chunks.flat().map((p) => [p.uscc, p]));
    },
    async queryParticipantWindow(usccs, parts, window) {
      const readers: Record<ParticipantPart, (r: JsonReader, fetchedAt: Date) => PartItem[ParticipantPart]> = { bids: readBid, awards: readAward, tenders: readTender };
      // Each code's parts under `part:uscc`, so that readWindowPerCode cuts every list of the answer alike.
      const fetchPage = (keys: readonly string[], pageNo: number, size: number) =>
        api.post('/api/v1/participants:batchQuery', { creditCodes: [...new Set(keys.map((k) => k.slice(k.indexOf(':') + 1)))], parts, pageNo, pageSize: size }, (data, fetchedAt) =>
          new Map(data.get('list').items().flatMap((e) => {
            const uscc = e.get('creditCode').string();
            return parts.map((part) => {
              const r = e.get(part);
              return [`${part}:${uscc}`, { total: r.get('total').integer(), rows: r.get('list').items().map((item) => readers[part](item, fetchedAt)) }] as const;
            });
          })),
        );
      const chunks = await inChunks(usccs, CREDIT_CODES_PER_REQUEST, (codes) =>
        readWindowPerCode(codes.flatMap((uscc) => parts.map((part) => `${part}:${uscc}`)), window, MAX_PAGE_SIZE, fetchPage));
      return new Map(chunks.flatMap((chunk) => [...chunk]));
    },
    close: () => api.close(),
  };
}
