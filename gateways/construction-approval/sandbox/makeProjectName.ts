import { type Random, districtByCode } from '../../../src/codes/index.js';
import type { SandboxOrganisation } from '../../shared/index.js';

// Neighbourhoods (片区) per district, for names of public works.
const PLACES: Readonly<Record<string, readonly string[]>> = {
  '440300': ['深圳湾', '前海', '大空港', '光明科学城', '西丽湖'],
  '440303': ['东门', '翠竹', '莲塘', '清水河', '笋岗'],
  '440304': ['香蜜湖', '梅林', '华强北', '车公庙', '沙头'],
  '440305': ['蛇口', '西丽', '粤海', '桃源', '后海'],
  '440306': ['西乡', '福永', '沙井', '松岗', '石岩'],
  '440307': ['坂田', '布吉', '横岗', '平湖', '龙城'],
  '440308': ['沙头角', '梅沙', '海山', '盐田港'],
  '440309': ['民治', '大浪', '观澜', '龙华', '福城'],
  '440310': ['坑梓', '碧岭', '马峦', '石井'],
  '440311': ['公明', '凤凰', '玉塘', '马田'],
};

const ENTERPRISE_WORKS = ['总部大厦建设项目', '研发中心建设项目', '智能制造基地（一期）工程', '厂房扩建工程', '产业园建设项目', '仓储物流中心建设项目', '生产车间技术改造项目'];

// Public works by what the builder's name says it does: [name pattern, works in a place].
const PUBLIC_WORKS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/教育局/, ['学校新建工程', '学校改扩建工程', '幼儿园新建工程']],
  [/卫生健康/, ['社区健康服务中心建设工程', '医院改扩建工程']],
  [/住房和建设局/, ['保障性住房项目', '人才住房项目', '城中村综合整治工程']],
  [/水务局/, ['河道综合整治工程', '排水管网完善工程']],
  [/交通运输局/, ['道路市政工程', '立交改造工程']],
  [/人民政府|城市管理/, ['公园建设工程', '片区城市更新配套工程', '文体中心建设工程']],
];

/** A realistic project name (项目名称) for a project built by `builder` in the district `districtCode`. */
export function makeProjectName(builder: SandboxOrganisation, districtCode: string, random: Random): string {
  if (builder.kind === 'ENTERPRISE') return `${builder.name}${random.pick(ENTERPRISE_WORKS)}`;
  if (/大学$/.test(builder.name)) return `${builder.name}${random.pick(['新校区（二期）建设工程', '实验楼建设工程', '学生宿舍扩建工程'])}`;
  if (/学校$|中学$/.test(builder.name)) return `${builder.name}改扩建工程`;
  if (/医院$/.test(builder.name)) return `${builder.name}${random.pick(['住院大楼建设工程', '门急诊综合楼改扩建工程'])}`;
  const works = PUBLIC_WORKS.find(([pattern]) => pattern.test(builder.name))?.[1];
  if (!works) return `${builder.name}业务用房建设项目`;
  const district = districtCode === '440300' ? '深圳市' : `深圳市${districtByCode(districtCode)?.nameZh ?? ''}`;
  return `${district}${random.pick(PLACES[districtCode] ?? ['中心区'])}${random.pick(works)}`;
}
