import type { Random } from '../../../src/codes/index.js';
import type { SandboxOrganisation } from '../../shared/index.js';
import type { NativeBid, NativeSection } from './NativeTender.js';

/** How a section ended, as of the sample data's "today". */
export type SectionOutcome = 'open' | 'failed' | 'evaluating' | 'awarded';

/** Everything needed to write one bid section; the random and the featured generators both fill it. */
export interface SectionPlan {
  tenderer: SandboxOrganisation;
  type: NativeSection['tenderProjectType'];
  mode: NativeSection['tenderMode'];
  projectCode: string;
  projectName: string;
  /** 1-based; 0 when the project has a single section. */
  sectionNo: number;
  noticeDay: number;
  openDay: number;
  openClock: string;
  budget: number;
  agent: SandboxOrganisation | null;
  expertCount: number;
  /** The bids in order; a group of several organisations is a consortium led by its first. */
  groups: SandboxOrganisation[][];
  prices: number[];
  outcome: SectionOutcome;
  /** Index into `groups` of the winner when awarded. */
  winner: number | null;
  awardDay: number | null;
}

/** The sample data's "today": nothing is noticed, opened or awarded after it. */
export const AS_OF_DAY = toDay('2026-11-01');
const SECTION_NAMES = ['一', '二', '三'];

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export function toDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

const dates = new Map<number, string>();

/** YYYY-MM-DD of a day number. */
export function toDate(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

/** Rounds an amount in 万元 to the yuan (four decimals). */
export function roundToYuan(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

/** Allocates project codes `E` + area + year + 5-digit sequence (招标项目编号), sequential per area and year. */
export function createProjectCodes(): (regionCode: string, noticeDay: number) => string {
  const next = new Map<string, number>();
  return (regionCode, noticeDay) => {
    const key = `${regionCode}${toDate(noticeDay).slice(0, 4)}`;
    const seq = (next.get(key) ?? 0) + 1;
    next.set(key, seq);
    return `E${key}${String(seq).padStart(5, '0')}`;
  };
}

/** The pools of organisations the generators draw from. */
export interface BiddingPools {
  byUscc: Map<string, SandboxOrganisation>;
  tenderers: { bodies: SandboxOrganisation[]; institutions: SandboxOrganisation[]; enterprises: SandboxOrganisation[] };
  agents: SandboxOrganisation[];
  bidders: SandboxOrganisation[];
  biddersByDistrict: Map<string, SandboxOrganisation[]>;
  /** Per kind of procurement, the bidders whose name suits it (a building firm for works). */
  fitting: Record<NativeSection['tenderProjectType'], { all: SandboxOrganisation[]; byDistrict: Map<string, SandboxOrganisation[]> }>;
}

/** Picks `count` distinct bidding groups, mostly firms whose name suits `type`; some bids are consortia of two or three. */
export function pickGroups(random: Random, pools: BiddingPools, districtCode: string, count: number, type: NativeSection['tenderProjectType']): SandboxOrganisation[][] {
  const fitting = pools.fitting[type];
  const taken = new Set<string>();
  const groups: SandboxOrganisation[][] = [];
  const draw = (): SandboxOrganisation | null => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [all, byDistrict] = random.chance(0.75) ? [fitting.all, fitting.byDistrict] : [pools.bidders, pools.biddersByDistrict];
      const local = byDistrict.get(districtCode) ?? [];
      const o = local.length > 0 && random.chance(0.5) ? random.pick(local) : random.pick(all);
      if (!taken.has(o.uscc)) {
        taken.add(o.uscc);
        return o;
      }
    }
    return null;
  };
  for (let i = 0; i < count; i++) {
    const leader = draw();
    if (!leader) break;
    const group = [leader];
    if (random.chance(type === '工程' ? 0.2 : 0.06)) {
      for (let m = random.int(1, 2); m > 0; m--) {
        const member = draw();
        if (member) group.push(member);
      }
    }
    groups.push(group);
  }
  return groups;
}

/** Bid prices between 80 % and 101 % of the budget; the winner is one of the three cheapest. */
export function pickPrices(random: Random, budget: number, count: number): number[] {
  return Array.from({ length: count }, () => roundToYuan(budget * (0.8 + random.next() * 0.21)));
}

/** Whether the mode is a tender under the Bidding Law, which fails (流标) with fewer than three bids. */
export function isStatutoryTender(mode: NativeSection['tenderMode']): boolean {
  return mode === '公开招标' || mode === '邀请招标';
}

/** Writes a planned section in the platform's own shape. */
export function toNativeSection(plan: SectionPlan): NativeSection {
  const bidSectionCode = `${plan.projectCode}${String(Math.max(1, plan.sectionNo)).padStart(3, '0')}`;
  const bidList: NativeBid[] = plan.groups.map((group, i) => {
    const leader = group[0] as SandboxOrganisation;
    const isUnion = group.length > 1;
    return {
      bidId: `${bidSectionCode}-TB${String(i + 1).padStart(2, '0')}`,
      bidderCode: leader.uscc,
      bidderName: isUnion ? `${group.map((o) => o.name).join('、')}（联合体）` : leader.name,
      bidPrice: plan.prices[i] ?? 0,
      isUnion: isUnion ? '1' : '0',
      unionMembers: isUnion ? group.map((o, m) => ({ memberCode: o.uscc, memberName: o.name, isLeader: m === 0 ? '1' : '0' })) : [],
      isWin: plan.outcome === 'awarded' && plan.winner === i ? '1' : '0',
    };
  });
  const won = plan.outcome === 'awarded' && plan.winner !== null ? bidList[plan.winner] : undefined;
  return {
    tenderProjectCode: plan.projectCode,
    tenderProjectName: plan.projectName,
    bidSectionCode,
    bidSectionName: plan.sectionNo === 0 ? plan.projectName : `${plan.projectName}（第${SECTION_NAMES[plan.sectionNo - 1] ?? plan.sectionNo}标段）`,
    tenderProjectType: plan.type,
    tenderMode: plan.mode,
    regionCode: plan.tenderer.districtCode,
    tendererCode: plan.tenderer.uscc,
    tendererName: plan.tenderer.name,
    tenderAgencyCode: plan.agent?.uscc ?? null,
    tenderAgencyName: plan.agent?.name ?? null,
    noticeDate: toDate(plan.noticeDay),
    bidOpenTime: `${toDate(plan.openDay)} ${plan.openClock}`,
    budgetAmount: plan.budget,
    expertCount: plan.expertCount,
    tenderStatus: ({ open: '招标中', failed: '已流标', evaluating: '评标中', awarded: '已中标' } as const)[plan.outcome],
    bidList,
    winBidNoticeCode: won ? `${bidSectionCode}-ZB` : null,
    winBidderCode: won?.bidderCode ?? null,
    winBidderName: won?.bidderName ?? null,
    winBidPrice: won?.bidPrice ?? null,
    winNoticeDate: won && plan.awardDay !== null ? toDate(plan.awardDay) : null,
  };
}

