import { createRandom, type Random } from '../../../src/codes/index.js';
import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { sandboxOrganisations, type SandboxOrganisation } from '../../shared/index.js';
import { addFeaturedTenders } from './addFeaturedTenders.js';
import { makeProjectName } from './makeProjectName.js';
import type { NativeBid, NativeSection } from './NativeTender.js';
import {
  AS_OF_DAY,
  createProjectCodes,
  isStatutoryTender,
  pickGroups,
  pickPrices,
  toDate,
  toDay,
  toNativeSection,
  type BiddingPools,
  type SectionOutcome,
  type SectionPlan,
} from './SectionPlan.js';

/** A bid one participant took part in (alone or in a consortium), with its section. */
export interface Participation {
  section: NativeSection;
  bid: NativeBid;
}

/** The bidding platform's data set, with the indexes its endpoints answer from. */
export interface BiddingFixtures {
  sections: NativeSection[];
  sectionsByCode: Map<string, NativeSection>;
  /** Per USCC: its bids, alone or as a consortium member, newest bid opening first. */
  bidsByParticipant: Map<string, Participation[]>;
  /** Per USCC: the won bids it took part in, newest award first. */
  awardsByParticipant: Map<string, Participation[]>;
  /** Per USCC: the sections it issued as tenderer, newest notice first. */
  sectionsByTenderer: Map<string, NativeSection[]>;
}

// The sample enterprise of the README bids; it must not be drawn as a tender agency.
const FEATURED_BIDDERS = new Set(['91440300MA5E9NHA04']);

/** Seed of the bidding fixtures; the organisations come from the sample data's own seed. */
export const BIDDING_FIXTURE_SEED = 0x20261101;
const FIRST_NOTICE_DAY = toDay('2023-01-01');
const PROJECTS: Record<SampleDataSize, number> = { small: 700, large: 16_000 };

function buildPools(organisations: SandboxOrganisation[]): BiddingPools {
  const byUscc = new Map(organisations.map((o) => [o.uscc, o]));
  const enterprises = organisations.filter((o) => o.kind === 'ENTERPRISE');
  // Tender agencies (招标代理机构) are consulting and project-management firms; they never bid.
  const agentCount = Math.max(8, Math.round(enterprises.length / 400));
  const rank = (o: SandboxOrganisation) => (/咨询/.test(o.name) ? 0 : /工程管理|项目管理/.test(o.name) ? 1 : /管理/.test(o.name) ? 2 : 3);
  const agents = enterprises
    .filter((o) => rank(o) < 3 && !FEATURED_BIDDERS.has(o.uscc))
    .sort((a, b) => rank(a) - rank(b)) // stable: generator order within a rank
    .slice(0, agentCount);
  const agentSet = new Set(agents.map((o) => o.uscc));
  const bidders = enterprises.filter((o) => !agentSet.has(o.uscc));
  const byDistrict = (list: SandboxOrganisation[]) => {
    const map = new Map<string, SandboxOrganisation[]>();
    for (const o of list) push(map, o.districtCode, o);
    return map;
  };
  const fitting = (words: RegExp) => {
    const all = bidders.filter((o) => words.test(o.name));
    return { all, byDistrict: byDistrict(all) };
  };
  return {
    byUscc,
    tenderers: {
      bodies: organisations.filter((o) => o.kind === 'GOVERNMENT_BODY'),
      institutions: organisations.filter((o) => o.kind === 'PUBLIC_INSTITUTION'),
      // A few enterprises (state-owned, in reality) tender too.
      enterprises: bidders.filter((_, i) => i % 50 === 7),
    },
    agents,
    bidders,
    biddersByDistrict: byDistrict(bidders),
    fitting: {
      工程: fitting(/建设|建筑|工程|装饰|园林|市政|环境|机电|设计|安装|实业/),
      货物: fitting(/科技|电子|信息|智能|设备|贸易|实业|医疗|仪器|网络|供应链|精密/),
      服务: fitting(/服务|物业|咨询|科技|信息|网络|保安|餐饮|文化|教育|人力|管理/),
    },
  };
}

function pickWinner(random: Random, prices: number[]): number {
  const order = prices.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  return (order[Math.min(order.length - 1, random.pick([0, 0, 0, 1, 1, 2]))] as readonly [number, number])[1];
}

const MODES: Record<NativeSection['tenderProjectType'], NativeSection['tenderMode'][]> = {
  工程: ['公开招标', '公开招标', '公开招标', '公开招标', '公开招标', '邀请招标', '竞争性谈判'],
  货物: ['公开招标', '公开招标', '公开招标', '竞争性谈判', '竞争性磋商', '询价', '询价', '单一来源'],
  服务: ['公开招标', '公开招标', '公开招标', '竞争性磋商', '竞争性磋商', '竞争性谈判', '单一来源'],
};
const BUDGETS: Record<NativeSection['tenderProjectType'], [number, number]> = { 工程: [200, 20_000], 货物: [20, 2_000], 服务: [10, 1_500] };

function planRandomProject(random: Random, pools: BiddingPools, nextCode: ReturnType<typeof createProjectCodes>): SectionPlan[] {
  const { bodies, institutions, enterprises } = pools.tenderers;
  const roll = random.next();
  const tenderer = roll < 0.65 ? random.pick(bodies) : roll < 0.9 ? random.pick(institutions) : random.pick(enterprises);
  const type = random.pick(['工程', '货物', '货物', '服务', '服务'] as const);
  const mode = random.pick(MODES[type]);
  const noticeDay = random.dayBetween(FIRST_NOTICE_DAY, AS_OF_DAY - 3);
  // Statutory tenders leave at least 20 days from notice to opening (招标投标法 art. 24).
  const openDay = noticeDay + (isStatutoryTender(mode) ? random.int(20, 35) : random.int(5, 15));
  const projectCode = nextCode(tenderer.districtCode, noticeDay);
  const projectName = makeProjectName(random, tenderer, type, Number(toDate(noticeDay).slice(0, 4)));
  const sectionCount = random.chance(0.75) ? 1 : random.chance(0.7) ? 2 : 3;
  const agent = random.chance(0.8) ? random.pick(pools.agents) : null;
  const openClock = random.pick(['09:30:00', '10:00:00', '14:30:00']);
  const plans: SectionPlan[] = [];
  for (let s = 1; s <= sectionCount; s++) {
    const [low, high] = BUDGETS[type];
    const budget = Math.round(low + random.next() ** 2 * (high - low)) + random.int(0, 99) / 100;
    const bidderCount = mode === '单一来源' ? 1 : random.chance(0.08) ? 2 : random.int(3, 9);
    const groups = openDay > AS_OF_DAY ? [] : pickGroups(random, pools, tenderer.districtCode, bidderCount, type);
    const prices = pickPrices(random, budget, groups.length);
    let outcome: SectionOutcome;
    let winner: number | null = null;
    let awardDay: number | null = null;
    if (openDay > AS_OF_DAY) outcome = 'open';
    // Fewer than three bids fails a tender (流标) and any competitive procurement except single source.
    else if (groups.length === 0 || (mode !== '单一来源' && groups.length < 3)) outcome = 'failed';
    else {
      awardDay = openDay + random.int(5, 30);
      outcome = awardDay > AS_OF_DAY ? 'evaluating' : 'awarded';
      if (outcome === 'awarded') winner = pickWinner(random, prices);
      else awardDay = null;
    }
    plans.push({
      tenderer, type, mode, projectCode, projectName, sectionNo: sectionCount === 1 ? 0 : s, noticeDay, openDay, openClock, budget, agent,
      expertCount: isStatutoryTender(mode) ? random.pick([5, 7, 9]) : mode === '单一来源' || mode === '询价' ? 3 : random.pick([3, 5]),
      groups, prices, outcome, winner, awardDay,
    });
  }
  return plans;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes sections by code, tenderer and participant (each consortium member counts as a participant). */
export function indexSections(sections: NativeSection[]): BiddingFixtures {
  const fixtures: BiddingFixtures = { sections, sectionsByCode: new Map(), bidsByParticipant: new Map(), awardsByParticipant: new Map(), sectionsByTenderer: new Map() };
  // Walking the sections newest first fills every list newest first, with no per-list sort.
  const newestBy = (date: (s: NativeSection) => string) => (a: NativeSection, b: NativeSection) => {
    const [da, db] = [date(a), date(b)];
    return da < db ? 1 : da > db ? -1 : a.bidSectionCode < b.bidSectionCode ? -1 : 1;
  };
  for (const section of [...sections].sort(newestBy((s) => s.noticeDate))) {
    fixtures.sectionsByCode.set(section.bidSectionCode, section);
    push(fixtures.sectionsByTenderer, section.tendererCode, section);
  }
  for (const section of [...sections].sort(newestBy((s) => s.bidOpenTime))) {
    for (const bid of section.bidList) {
      if (bid.isUnion === '1') for (const m of bid.unionMembers) push(fixtures.bidsByParticipant, m.memberCode, { section, bid });
      else push(fixtures.bidsByParticipant, bid.bidderCode, { section, bid });
    }
  }
  for (const section of sections.filter((s) => s.winNoticeDate !== null).sort(newestBy((s) => s.winNoticeDate ?? ''))) {
    const bid = section.bidList.find((b) => b.isWin === '1');
    if (!bid) continue;
    for (const code of bid.isUnion === '1' ? bid.unionMembers.map((m) => m.memberCode) : [bid.bidderCode]) push(fixtures.awardsByParticipant, code, { section, bid });
  }
  return fixtures;
}

/**
 * Builds the bidding platform's deterministic data set for the sample data of `size`: tender projects
 * and their sections issued by the sample government bodies, institutions and a few enterprises from
 * 2023 to 2026-11-01, with bids (consortia included), awards, failed tenders (流标) and tenders still
 * open or under evaluation; plus hand-written tenders for the sample subjects (see addFeaturedTenders).
 * Same size, same data.
 */
export function buildBiddingFixtures(size: SampleDataSize): BiddingFixtures {
  const pools = buildPools(sandboxOrganisations(size));
  const random = createRandom(BIDDING_FIXTURE_SEED, `bidding/${size}`);
  const nextCode = createProjectCodes();
  const plans: SectionPlan[] = [];
  for (let p = 0; p < PROJECTS[size]; p++) plans.push(...planRandomProject(random.fork(`project/${p}`), pools, nextCode));
  plans.push(...addFeaturedTenders(random.fork('featured'), pools, nextCode));
  return indexSections(plans.map(toNativeSection));
}
