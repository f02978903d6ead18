/** Share level names of schema/governance.graphql (the governance module owns their meaning). */
export type ShareLevelName = 'OPEN' | 'CONDITIONAL' | 'RESTRICTED';

/** What a `@share` directive declares: the level and the sharing catalogue's particulars. */
export interface ShareParticulars {
  level: ShareLevelName;
  sourceUnit: string;
  reportingCycle: string;
  legalBasis?: string;
}

/** The platform that collects everything the credit store holds. */
export const CREDIT_PLATFORM = 'Shenzhen public credit information platform (深圳市公共信用信息平台)';
/** The regulation under which public credit information is collected, disclosed and shared. */
export const CREDIT_REGULATIONS = 'Shenzhen Special Economic Zone Social Credit Regulations (深圳经济特区社会信用条例)';

/** Credit records and their parts: reported by the deciding units, disclosed under the regulations. */
export const CREDIT_RECORDS: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: `The source unit named on each record (数据来源单位), collected by the ${CREDIT_PLATFORM}`,
  reportingCycle: 'As its catalogue item sets (目录报送周期); double-publicity decisions within 7 working days (7个工作日内)',
  legalBasis: `${CREDIT_REGULATIONS}; public credit information catalogue (公共信用信息目录); publicity windows and each catalogue item's disclosure attribute (公开属性) are enforced at query time`,
};

/** Registration particulars of every kind of subject (the interface); each subject type names its own authority. */
export const SUBJECT_REGISTRATION: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: `The registration authority of each subject (登记管理部门), collected by the ${CREDIT_PLATFORM}`,
  reportingCycle: 'Daily (每日)',
  legalBasis: `Rules on the Unified Social Credit Code (法人和其他组织统一社会信用代码制度建设总体方案); ${CREDIT_REGULATIONS}`,
};

/**
 * Registration particulars beyond the code and name (industry, capital, status, scope, authority, former names): public
 * business registration information (企业信息公示暂行条例 art. 6: the registration authority publishes them).
 */
export const REGISTRATION: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: `The registration authority of each subject (登记机关: the district branches of the Shenzhen Administration for Market Regulation for businesses, the civil-affairs bureaus for social organisations), collected by the ${CREDIT_PLATFORM}`,
  reportingCycle: 'Daily (每日)',
  legalBasis: `Interim Regulations on Enterprise Information Publicity (企业信息公示暂行条例) art. 6; ${CREDIT_REGULATIONS}`,
};

/** The national industry classification itself. */
export const INDUSTRY_CLASSIFICATION: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: 'National Bureau of Statistics (国家统计局), GB/T 4754-2017; the division of each subject as its registration authority recorded it',
  reportingCycle: 'When the standard is revised (标准修订时)',
  legalBasis: 'GB/T 4754-2017 Industrial classification for national economic activities (国民经济行业分类), a published national standard',
};

// A personal credit archive is shared with the civil servant's employer and the bodies that select or evaluate
// cadres for a declared purpose, never published.
/** A civil servant's personal credit archive (个人诚信档案). */
export const CIVIL_SERVANT_ARCHIVE: ShareParticulars = {
  level: 'CONDITIONAL',
  sourceUnit: `Organisation and personnel departments (组织人事部门) of the employing bodies, collected by the ${CREDIT_PLATFORM}`,
  reportingCycle: 'When a sanction, commendation or commitment is decided (实时)',
  legalBasis: 'Guiding Opinions on Strengthening Integrity in the Civil Service (关于加强公务员诚信建设的指导意见); Personal Information Protection Law (个人信息保护法)',
};

/** The public credit information catalogue (公共信用信息目录). */
export const CATALOGUE: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: 'Shenzhen Development and Reform Commission (深圳市发展和改革委员会), keeper of the catalogue',
  reportingCycle: 'When the catalogue is revised (目录修订时)',
  legalBasis: `${CREDIT_REGULATIONS}: the catalogue is published (公共信用信息目录向社会公布)`,
};

/** Administrative division codes (行政区划代码). */
export const DISTRICT_CODES: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: 'Ministry of Civil Affairs (民政部), administrative division codes; the local codes of functional areas are Chengxin Hub\'s own',
  reportingCycle: 'Yearly (每年)',
  legalBasis: 'GB/T 2260 Codes for the administrative divisions of the PRC (中华人民共和国行政区划代码); functional areas without a GB/T 2260 code (Dapeng New Area, Shenzhen-Shanwei Special Cooperation Zone) carry local codes',
};

/** The policy list of the 19 special-governance fields. */
export const GOVERNANCE_FIELD_LIST: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: 'National Development and Reform Commission (国家发展和改革委员会), the policy list',
  reportingCycle: 'When the policy list changes (政策调整时)',
  legalBasis: 'Notice on special governance of dishonesty in 19 fields (关于对失信问题开展专项治理的通知); Shenzhen guiding opinion on government integrity (2020) 三.5, whose wording the names follow',
};

/** Paging wrappers the hub computes for each request: no source data of their own. */
export const PAGING: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: 'Chengxin Hub (诚信枢纽), computed from the records of the page',
  reportingCycle: 'Per request (每次查询)',
};

/**
 * The `@share(...)` SDL of `particulars` for type-graphql's `@Directive`. Strings are written as JSON literals,
 * which are valid GraphQL strings.
 */
export function shareDirective({ level, sourceUnit, reportingCycle, legalBasis }: ShareParticulars): string {
  const args = [`level: ${level}`, `sourceUnit: ${JSON.stringify(sourceUnit)}`, `reportingCycle: ${JSON.stringify(reportingCycle)}`];
  if (legalBasis !== undefined) args.push(`legalBasis: ${JSON.stringify(legalBasis)}`);
  return `@share(${args.join(', ')})`;
}

/** The `@personal(kind: …)` SDL for type-graphql's `@Directive`. */
export function personalDirective(kind: 'ID_NUMBER' | 'PHONE' | 'NAME'): string {
  return `@personal(kind: ${kind})`;
}

/** Counts over credit records computed per request: they disclose no more than the records they count. */
export const RECORD_STATISTICS: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: `Chengxin Hub (诚信枢纽), counted from the records of the ${CREDIT_PLATFORM} the caller may read (each record's source unit as reported)`,
  reportingCycle: 'Per request, from the records as they stand (每次查询实时统计)',
  legalBasis: `${CREDIT_REGULATIONS}; each count covers exactly the records \`creditRecords\` lists to the same caller (publicity windows, repair, withdrawal and catalogue disclosure classes applied), so a count never discloses a record its reader could not list`,
};

/** The organisation directory: registration particulars of every organisation, in USCC order. */
export const DIRECTORY: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: `The registration authority of each organisation (登记管理部门), collected by the ${CREDIT_PLATFORM}`,
  reportingCycle: 'Daily (每日)',
  legalBasis: `Rules on the Unified Social Credit Code (法人和其他组织统一社会信用代码制度建设总体方案); ${CREDIT_REGULATIONS}`,
};
