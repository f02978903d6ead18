import { type Random, districtByCode } from '../../../src/codes/index.js';
import type { SandboxOrganisation } from '../../shared/index.js';
import type { NativeSection } from './NativeTender.js';

// Sub-district streets (街道) per district, so works projects name real places of the tenderer's district.
const STREETS: Readonly<Record<string, readonly string[]>> = {
  '440303': ['桂园', '黄贝', '东门', '翠竹', '东晓', '南湖', '笋岗', '东湖', '莲塘', '清水河'],
  '440304': ['园岭', '南园', '福田', '沙头', '香蜜湖', '梅林', '莲花', '华富', '福保', '华强北'],
  '440305': ['南头', '南山', '沙河', '蛇口', '招商', '粤海', '桃源', '西丽'],
  '440306': ['新安', '西乡', '航城', '福永', '福海', '沙井', '新桥', '松岗', '燕罗', '石岩'],
  '440307': ['平湖', '坂田', '布吉', '南湾', '横岗', '龙城', '龙岗', '坪地', '吉华', '宝龙'],
  '440308': ['梅沙', '盐田', '沙头角', '海山'],
  '440309': ['观湖', '民治', '龙华', '大浪', '福城', '观澜'],
  '440310': ['坪山', '马峦', '碧岭', '石井', '坑梓', '龙田'],
  '440311': ['光明', '公明', '新湖', '凤凰', '玉塘', '马田'],
};
const DISTRICTS = Object.keys(STREETS);

const WORKS = ['市政道路提升改造', '雨污分流管网改造', '社区公园建设', '老旧小区综合整治', '学校改扩建', '人行天桥建设', '河道综合治理', '边坡治理', '公共厕所升级改造', '体育中心修缮', '公共停车场建设', '综合管廊建设'];
const WORKS_LOTS = ['施工', '施工总承包', '设计施工总承包（EPC）', '监理'];
const GOODS = ['办公设备', '信息化设备', '医疗设备', '教学设备', '执法记录仪', '服务器及存储设备', '公务用车', '图书', '实验室仪器', '消防器材', '安防监控设备', '空调设备'];
const SERVICES = ['物业管理', '信息系统运维', '安保', '保洁', '食堂餐饮', '法律顾问', '审计', '工程造价咨询', '档案数字化', '网络安全等级保护测评', '会议及活动组织', '政务热线外包'];

/** A district body's name without the city prefix, as project names use it ("南山区教育局"). */
function shortName(tenderer: SandboxOrganisation): string {
  return tenderer.name.replace(/^深圳市(?=\p{Script=Han}{1,2}区)/u, '');
}

/**
 * A plausible project name for a tender of `tenderer` in `year`: works name a street of the
 * tenderer's district, goods and services the tenderer and the year.
 */
export function makeProjectName(random: Random, tenderer: SandboxOrganisation, type: NativeSection['tenderProjectType'], year: number): string {
  if (type === '工程') {
    // A city-level tenderer builds somewhere in one of the districts.
    const district = STREETS[tenderer.districtCode] ? tenderer.districtCode : random.pick(DISTRICTS);
    const area = districtByCode(district)?.nameZh ?? '';
    return `${area}${random.pick(STREETS[district] ?? [])}街道${random.pick(WORKS)}工程${random.pick(WORKS_LOTS)}`;
  }
  if (type === '货物') return `${shortName(tenderer)}${year}年${random.pick(GOODS)}采购项目`;
  return `${shortName(tenderer)}${year}年度${random.pick(SERVICES)}服务项目`;
}
