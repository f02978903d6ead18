// The bidding platform's own record shapes, in its own field names (招标投标公共服务平台 data exchange
// style). Only the sandbox and client.ts speak these names.

/** A consortium member of a bid (联合体成员); `isLeader` is '1' for the lead member (牵头人). */
export interface NativeUnionMember {
  memberCode: string;
  memberName: string;
  isLeader: '1' | '0';
}

/** A bid received by a bid section (投标记录), visible from bid opening (开标) on. */
export interface NativeBid {
  bidId: string;
  /** For a consortium: the lead member's USCC; `bidderName` then names the consortium. */
  bidderCode: string;
  bidderName: string;
  /** Bid price (投标报价), 万元. */
  bidPrice: number;
  isUnion: '1' | '0';
  unionMembers: NativeUnionMember[];
  isWin: '1' | '0';
}

/** The platform's status words for a bid section. */
export const NATIVE_TENDER_STATUSES = ['招标中', '评标中', '已中标', '已流标'] as const;
/** The platform's procurement methods (招标方式 / 采购方式). */
export const NATIVE_TENDER_MODES = ['公开招标', '邀请招标', '竞争性谈判', '竞争性磋商', '单一来源', '询价'] as const;
/** The platform's project types (项目类型). */
export const NATIVE_PROJECT_TYPES = ['工程', '货物', '服务'] as const;

/** A bid section (标段) of a tender project (招标项目), with its bids and award (中标结果). */
export interface NativeSection {
  tenderProjectCode: string;
  tenderProjectName: string;
  bidSectionCode: string;
  bidSectionName: string;
  tenderProjectType: (typeof NATIVE_PROJECT_TYPES)[number];
  tenderMode: (typeof NATIVE_TENDER_MODES)[number];
  regionCode: string;
  tendererCode: string;
  tendererName: string;
  /** Null when the tenderer runs the tender itself (自行招标). */
  tenderAgencyCode: string | null;
  tenderAgencyName: string | null;
  noticeDate: string;
  /** Beijing time, `YYYY-MM-DD HH:mm:ss`. */
  bidOpenTime: string;
  /** 万元. */
  budgetAmount: number;
  expertCount: number;
  tenderStatus: (typeof NATIVE_TENDER_STATUSES)[number];
  /** Empty before bid opening: bids are sealed. */
  bidList: NativeBid[];
  winBidNoticeCode: string | null;
  winBidderCode: string | null;
  winBidderName: string | null;
  winBidPrice: number | null;
  winNoticeDate: string | null;
}
