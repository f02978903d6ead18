import type { Random } from '../../../src/codes/index.js';
import type { SandboxOrganisation } from '../../shared/index.js';
import {
  AS_OF_DAY,
  isStatutoryTender,
  pickGroups,
  pickPrices,
  roundToYuan,
  toDay,
  type BiddingPools,
  type createProjectCodes,
  type SectionOutcome,
  type SectionPlan,
} from './SectionPlan.js';
import type { NativeSection } from './NativeTender.js';

// The README's sample subjects: the Nanshan district government and an enterprise of Futian.
const NANSHAN_GOVERNMENT = '11440305003219403F';
const SAMPLE_ENTERPRISE = '91440300MA5E9NHA04';
const FUTIAN_EDUCATION = '114403040086063819';
const NANSHAN_EDUCATION = '11440305006358679H';

/** One hand-written tender: who issues it, who bids (`'featured'` stands for the sample enterprise) and how it ends. */
interface FeaturedTender {
  tenderer: string;
  name: string;
  type: NativeSection['tenderProjectType'];
  mode: NativeSection['tenderMode'];
  notice: string;
  open: string;
  budget: number;
  /** Groups naming the sample enterprise; `partner` is drawn at random. */
  featuredGroup: ('featured' | 'partner')[] | null;
  others: number;
  outcome: SectionOutcome;
  /** Who wins when awarded: the featured group or another bidder. */
  winner?: 'featured' | 'other';
  award?: string;
}

const FEATURED: FeaturedTender[] = [
  { tenderer: NANSHAN_GOVERNMENT, name: '南山区2026年政务服务中心智慧大厅信息化设备采购项目', type: '货物', mode: '公开招标', notice: '2026-04-08', open: '2026-05-06', budget: 486.5, featuredGroup: ['featured'], others: 4, outcome: 'awarded', winner: 'featured', award: '2026-05-18' },
  { tenderer: FUTIAN_EDUCATION, name: '福田区中小学智慧校园建设工程设计施工总承包（EPC）', type: '工程', mode: '公开招标', notice: '2025-09-15', open: '2025-10-14', budget: 3860, featuredGroup: ['partner', 'featured'], others: 5, outcome: 'awarded', winner: 'featured', award: '2025-10-30' },
  { tenderer: NANSHAN_GOVERNMENT, name: '南山区2025年度城市运行管理平台运维服务项目', type: '服务', mode: '竞争性磋商', notice: '2025-03-03', open: '2025-03-13', budget: 298, featuredGroup: ['featured', 'partner'], others: 3, outcome: 'awarded', winner: 'other', award: '2025-03-25' },
  { tenderer: NANSHAN_EDUCATION, name: '南山区教育局2024年教学设备采购项目', type: '货物', mode: '公开招标', notice: '2024-06-03', open: '2024-06-28', budget: 652.8, featuredGroup: ['featured'], others: 5, outcome: 'awarded', winner: 'other', award: '2024-07-10' },
  { tenderer: NANSHAN_GOVERNMENT, name: '南山区2026年粤海街道智慧社区感知设备采购项目', type: '货物', mode: '公开招标', notice: '2026-09-28', open: '2026-10-22', budget: 218.36, featuredGroup: ['featured'], others: 4, outcome: 'evaluating' },
  { tenderer: NANSHAN_GOVERNMENT, name: '南山区2025年度政务数据治理服务项目', type: '服务', mode: '公开招标', notice: '2025-11-10', open: '2025-12-04', budget: 175, featuredGroup: ['featured'], others: 1, outcome: 'failed' },
  { tenderer: NANSHAN_GOVERNMENT, name: '南山区西丽街道公共停车场建设工程施工', type: '工程', mode: '公开招标', notice: '2026-10-20', open: '2026-11-12', budget: 2450, featuredGroup: null, others: 0, outcome: 'open' },
];

/**
 * Plans the hand-written tenders that give the README's sample subjects something to show: the
 * Nanshan district government (11440305003219403F) issues tenders in every state (awarded, under
 * evaluation, failed, open), and 91440300MA5E9NHA04 bids alone, leads a consortium, joins one as a
 * member, wins twice (once as a consortium member) and loses. Skipped where a subject is missing
 * from the size's organisations.
 */
export function addFeaturedTenders(random: Random, pools: BiddingPools, nextCode: ReturnType<typeof createProjectCodes>): SectionPlan[] {
  const featured = pools.byUscc.get(SAMPLE_ENTERPRISE);
  const plans: SectionPlan[] = [];
  for (const tender of FEATURED) {
    const tenderer = pools.byUscc.get(tender.tenderer);
    if (!tenderer || (tender.featuredGroup && !featured)) continue;
    const used = new Set([SAMPLE_ENTERPRISE]);
    // `count` groups sharing nobody with the groups drawn before for this tender.
    const fresh = (count: number) =>
      pickGroups(random, pools, tenderer.districtCode, count + 4, tender.type)
        .filter((g) => {
          if (g.some((o) => used.has(o.uscc))) return false;
          for (const o of g) used.add(o.uscc);
          return true;
        })
        .slice(0, count);
    const groups: SandboxOrganisation[][] = [];
    if (tender.featuredGroup && featured) {
      const partner = fresh(1)[0]?.[0];
      groups.push(tender.featuredGroup.map((who) => (who === 'featured' ? featured : partner)).filter((o): o is SandboxOrganisation => o !== undefined));
    }
    groups.push(...fresh(tender.others));
    const prices = pickPrices(random, tender.budget, groups.length);
    let winner: number | null = null;
    if (tender.outcome === 'awarded') {
      winner = tender.winner === 'featured' ? 0 : 1;
      // The winner offers the lowest price, as under the lowest-price method (最低价中标).
      prices[winner] = roundToYuan(Math.min(...prices) * 0.985);
    }
    const noticeDay = toDay(tender.notice);
    const openDay = toDay(tender.open);
    if ((tender.outcome === 'open') !== openDay > AS_OF_DAY) throw new Error(`featured tender ${tender.name}: the opening date contradicts outcome ${tender.outcome}`);
    plans.push({
      tenderer,
      type: tender.type,
      mode: tender.mode,
      projectCode: nextCode(tenderer.districtCode, noticeDay),
      projectName: tender.name,
      sectionNo: 0,
      noticeDay,
      openDay,
      openClock: '09:30:00',
      budget: tender.budget,
      agent: random.pick(pools.agents),
      expertCount: isStatutoryTender(tender.mode) ? 7 : 5,
      groups,
      prices,
      outcome: tender.outcome,
      winner,
      awardDay: tender.award ? toDay(tender.award) : null,
    });
  }
  return plans;
}
