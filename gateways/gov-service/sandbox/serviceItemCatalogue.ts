/** A kind of service item (政务服务事项) a type of department implements, before it gets its code. */
export interface ServiceItemTemplate {
  /** The item's basic code (事项基本编码, 12 digits); the implementation code prefixes the department's USCC. */
  baseCode: string;
  name: string;
  /** Statutory time limit (法定办结时限), working days. */
  legalTimeLimit: number;
  /** Promised time limit (承诺办结时限), working days; Shenzhen promises well under the statutory one. */
  promiseTimeLimit: number;
  /** Relative number of applications. */
  weight: number;
}

/** Which departments implement which items: the first entry whose pattern matches the department's name wins. */
export interface CatalogueEntry {
  pattern: RegExp;
  items: readonly ServiceItemTemplate[];
}

const t = (baseCode: string, name: string, legalTimeLimit: number, promiseTimeLimit: number, weight = 1): ServiceItemTemplate => ({
  baseCode,
  name,
  legalTimeLimit,
  promiseTimeLimit,
  weight,
});

/**
 * The sandbox's catalogue of service items by department, modelled on Shenzhen's published item lists.
 * Bodies that take no applications from enterprises (courts, procuratorates, Party organs, supervisory
 * commissions, audit, statistics, the data bureau that runs the platform) implement nothing.
 */
export const SERVICE_ITEM_CATALOGUE: readonly CatalogueEntry[] = [
  { pattern: /法院|检察院|中共|纪律检查|监察委员会|审计局|统计局|政务服务和数据管理局|退役军人|国有资产|建筑工务署|司法局/, items: [] },
  {
    pattern: /市场监督管理/,
    items: [
      t('000105100000', '企业设立登记', 15, 1, 6),
      t('000105101000', '企业变更登记', 15, 1, 5),
      t('000105102000', '食品经营许可', 20, 5, 3),
      t('000105103000', '特种设备使用登记', 15, 5, 1),
    ],
  },
  {
    pattern: /住房和建设/,
    items: [
      t('000113001000', '建筑工程施工许可证核发', 15, 3, 3),
      t('000113002000', '建筑业企业资质认定', 20, 10, 1),
      t('000113003000', '商品房预售许可', 20, 5, 1),
    ],
  },
  {
    pattern: /税务局/,
    items: [
      t('000111001000', '增值税专用发票（增值税税控系统）最高开票限额审批', 20, 5, 3),
      t('000111002000', '清税注销', 20, 3, 2),
    ],
  },
  {
    pattern: /人力资源/,
    items: [
      t('000112001000', '劳务派遣经营许可', 20, 10, 1),
      t('000112002000', '企业实行不定时工作制和综合计算工时工作制审批', 20, 10, 2),
      t('000112003000', '人力资源服务许可', 20, 5, 1),
    ],
  },
  {
    pattern: /生态环境/,
    items: [
      t('000117001000', '建设项目环境影响报告表审批', 30, 10, 2),
      t('000117002000', '排污许可证核发', 20, 10, 2),
    ],
  },
  {
    pattern: /教育局/,
    items: [
      t('000101001000', '民办学校设立审批', 40, 20, 1),
      t('000101002000', '校外培训机构办学许可', 30, 15, 1),
    ],
  },
  {
    pattern: /卫生健康/,
    items: [
      t('000120001000', '医疗机构执业登记', 45, 20, 1),
      t('000120002000', '公共场所卫生许可', 20, 5, 3),
      t('000120003000', '放射诊疗许可', 20, 10, 1),
    ],
  },
  {
    pattern: /街道办事处/,
    items: [
      t('000199001000', '临时占用道路审批（街道）', 20, 5, 1),
      t('000199002000', '户外招牌设置备案', 10, 3, 1),
    ],
  },
  {
    pattern: /人民政府$/,
    items: [
      t('000102901000', '企业投资项目备案', 5, 1, 3),
      t('000102902000', '产业发展专项资金申请', 60, 30, 3),
      t('000102903000', '临时使用土地审批', 20, 10, 1),
    ],
  },
  {
    pattern: /发展和改革/,
    items: [
      t('000102001000', '企业投资项目核准', 20, 10, 1),
      t('000102002000', '固定资产投资项目节能审查', 20, 10, 1),
    ],
  },
  {
    pattern: /科技创新/,
    items: [t('000106001000', '高新技术企业认定申请', 60, 30, 2), t('000106002000', '科技型中小企业评价', 20, 10, 2)],
  },
  { pattern: /工业和信息化/, items: [t('000107001000', '工业企业技术改造投资项目备案', 10, 3, 2)] },
  {
    pattern: /公安局/,
    items: [t('000108001000', '公章刻制备案', 1, 1, 3), t('000108002000', '保安服务公司设立许可', 20, 15, 1)],
  },
  { pattern: /民政局/, items: [t('000109001000', '养老机构备案', 10, 5, 1)] },
  { pattern: /财政局/, items: [t('000110001000', '代理记账机构执业许可', 20, 10, 1)] },
  {
    pattern: /规划和自然资源/,
    items: [t('000114001000', '建设用地规划许可证核发', 20, 5, 1), t('000114002000', '建设工程规划许可证核发', 20, 5, 2)],
  },
  {
    pattern: /交通运输/,
    items: [t('000115001000', '道路货物运输经营许可', 20, 5, 2), t('000115002000', '网络预约出租汽车经营许可', 20, 10, 1)],
  },
  { pattern: /水务局/, items: [t('000116001000', '城镇污水排入排水管网许可', 20, 5, 2)] },
  {
    pattern: /文化广电旅游体育/,
    items: [t('000121001000', '营业性演出审批', 20, 3, 2), t('000121002000', '娱乐场所经营许可', 20, 10, 1)],
  },
  {
    pattern: /应急管理/,
    items: [t('000123001000', '危险化学品经营许可', 30, 10, 1), t('000123002000', '第二类非药品类易制毒化学品生产备案', 5, 3, 1)],
  },
  { pattern: /城市管理和综合执法/, items: [t('000124001000', '设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批', 20, 5, 2)] },
  { pattern: /消防救援/, items: [t('000125001000', '公众聚集场所投入使用、营业前消防安全检查', 10, 3, 2)] },
  { pattern: /医疗保障/, items: [t('000126001000', '定点医药机构申请', 30, 15, 1)] },
];

/** The items a department implements, by its name (none for a body that takes no applications). */
export function findServiceItemTemplates(departmentName: string): readonly ServiceItemTemplate[] {
  return SERVICE_ITEM_CATALOGUE.find((entry) => entry.pattern.test(departmentName))?.items ?? [];
}
