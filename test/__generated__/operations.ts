/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date written YYYY-MM-DD (dates of decisions and deadlines, China Standard Time). */
  Date: { input: string; output: string; }
  /** An exact decimal number written as a string, e.g. "12.3456". Money amounts are in 10,000 yuan (万元). */
  Decimal: { input: string; output: string; }
  /** Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V — registration department and category (e.g. 91 enterprise, 11 government body), 6-digit area code, 9-character organisation code and a check character. Input is normalised (case, whitespace, full-width characters) and must pass both the organisation-code check (position 17) and the final check; output is the normalised code. */
  USCC: { input: string; output: string; }
};

/** An item of the public credit information catalogue (公共信用信息目录): what conduct it covers, which unit reports it, how and how often, and how far it may be disclosed and shared. Information outside the catalogue is not public credit information. */
export type CatalogItem = {
  __typename?: 'CatalogItem';
  /** Catalogue item code (目录编码). */
  code: Scalars['String']['output'];
  /** Conduct covered (覆盖的行为). */
  conduct: Scalars['String']['output'];
  /** Data format (数据格式). */
  dataFormat: DataFormat;
  /** Disclosure attribute (公开属性). */
  disclosure: Disclosure;
  /** Legal basis for collecting the item (归集依据). */
  legalBasis: Scalars['String']['output'];
  /** Item name in English. */
  name: Scalars['String']['output'];
  /** Item name in Chinese (信息项名称). */
  nameZh: Scalars['String']['output'];
  /** Kind of record the item produces. */
  recordKind: CreditRecordKind;
  /** Reporting cycle (报送周期). */
  reportingCycle: ReportingCycle;
  /** Retention period in years (保存期限). */
  retentionYears: Scalars['Int']['output'];
  /** Sharing class (共享类型). */
  sharingClass: SharingClass;
  /** Reporting channel (报送渠道). */
  sourceChannel: SourceChannel;
  /** Source unit (信源单位) that reports this item. */
  sourceUnit: Maybe<CreditSubject>;
};

/** A civil servant (公务员) with a personal credit archive (个人诚信档案). The citizen ID number is stored encrypted; only its masked form is shown. */
export type CivilServant = {
  __typename?: 'CivilServant';
  /** Sanctions, accountability and commendations of this civil servant, newest first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** The employing government body (所在单位). */
  employer: Maybe<CreditSubject>;
  /** Opaque identifier (not the ID number). */
  id: Scalars['ID']['output'];
  /** Citizen ID number with birth month and day masked (脱敏身份证号), e.g. 3423011964****3224. */
  idNumberMasked: Scalars['String']['output'];
  /** Name (姓名). */
  name: Scalars['String']['output'];
  /** Post (职务 / 职级). */
  post: Scalars['String']['output'];
};


/** A civil servant (公务员) with a personal credit archive (个人诚信档案). The citizen ID number is stored encrypted; only its masked form is shown. */
export type CivilServantCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** A credit record (信用记录) about an organisation or a civil servant: a licence, penalty, judgment, listing, sanction, commendation or commitment, as reported by its source unit. */
export type CreditRecord = {
  __typename?: 'CreditRecord';
  /** The deciding authority (决定机关 / 作出决定的机关或法院). */
  authority: Maybe<CreditSubject>;
  /** The catalogue item (目录条目) under which the record was reported. */
  catalogItem: Maybe<CatalogItem>;
  /** The civil servant the record is about; null for an organisation's record. */
  civilServant: Maybe<CivilServant>;
  /** Confiscated amount in 10,000 yuan (没收违法所得、没收非法财物的金额, 万元), exact. */
  confiscatedAmount: Maybe<Scalars['Decimal']['output']>;
  /** Facts and content of the decision (主要事实 / 处罚内容). */
  content: Maybe<Scalars['String']['output']>;
  /** Decision date (决定日期). */
  decisionDate: Scalars['Date']['output'];
  /** Kind-specific particulars (明细). */
  details: CreditRecordDetails;
  /** Decision document number (决定书文号 / 案号); with the authority, the natural key of the record. */
  documentNumber: Scalars['String']['output'];
  /** Fine amount in 10,000 yuan (罚款金额, 万元), exact. */
  fineAmount: Maybe<Scalars['Decimal']['output']>;
  /** Special-governance field (专项治理领域) the record belongs to, if any. */
  governanceField: Maybe<GovernanceField>;
  /** Opaque identifier of the record in the hub. */
  id: Scalars['ID']['output'];
  /** Kind of record (信用信息类别). */
  kind: CreditRecordKind;
  /** Legal basis (依据). */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** Publicity window (公示期); null for kinds not disclosed as negative records. */
  publicity: Maybe<Publicity>;
  /** Severity of a negative record (失信程度); null for licences, commendations and commitments. */
  severity: Maybe<Severity>;
  /** The source unit that reported the record (数据来源单位 / 信源单位). */
  sourceUnit: Maybe<CreditSubject>;
  /** Disclosure status (状态). */
  status: RecordStatus;
  /** The organisation the record is about (信用主体); null for a civil servant's record. */
  subject: Maybe<CreditSubject>;
  /** Short title of the decision (事项名称). */
  title: Scalars['String']['output'];
};

/** A page of credit records, newest decision first (Relay connection). */
export type CreditRecordConnection = {
  __typename?: 'CreditRecordConnection';
  /** The records of this page. */
  edges: Array<CreditRecordEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of records matching the filter, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Kind-specific particulars of a record (from the double-publicity CF_/XK_ fields and court lists). */
export type CreditRecordDetails = {
  __typename?: 'CreditRecordDetails';
  /** Court case number (案号), e.g. (2019)粤0305执1194号. */
  caseNumber: Maybe<Scalars['String']['output']>;
  /** Licence certificate number (许可证书编号). */
  certificateNumber: Maybe<Scalars['String']['output']>;
  /** Dishonest conduct (失信行为情形) of a judgment defaulter. */
  dishonestConduct: Maybe<Scalars['String']['output']>;
  /** Licence category (许可类别): ordinary, franchise, recognition, verification, registration, other. */
  licenceCategory: Maybe<Scalars['String']['output']>;
  /** Obligation set by the enforcement basis (生效法律文书确定的义务). */
  obligation: Maybe<Scalars['String']['output']>;
  /** Penalty categories (处罚类别), Administrative Penalty Law art. 9, e.g. FINE_CONFISCATION. */
  penaltyCategories: Maybe<Array<Scalars['String']['output']>>;
  /** Performance of the obligation (履行情况): NONE or PARTIAL. */
  performance: Maybe<Scalars['String']['output']>;
  /** Sanction on a civil servant (处分种类): WARNING, DEMERIT, MAJOR_DEMERIT, DEMOTION, REMOVAL_FROM_POST, DISMISSAL. */
  sanction: Maybe<Scalars['String']['output']>;
  /** Licence valid from (有效期自). */
  validFrom: Maybe<Scalars['Date']['output']>;
  /** Licence valid to (有效期至). */
  validTo: Maybe<Scalars['Date']['output']>;
  /** Why the record was withdrawn from publicity (撤销原因). */
  withdrawalReason: Maybe<Scalars['String']['output']>;
};

/** An edge of a credit-record connection. */
export type CreditRecordEdge = {
  __typename?: 'CreditRecordEdge';
  /** Opaque cursor of this record; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: CreditRecord;
};

/** Filter on credit records. Each list means "any of"; the conditions are combined with AND. */
export type CreditRecordFilter = {
  /** Decided on or after this date. */
  decidedFrom: InputMaybe<Scalars['Date']['input']>;
  /** Decided on or before this date. */
  decidedTo: InputMaybe<Scalars['Date']['input']>;
  /** Districts by area code, e.g. 440305 (the subject's district; for civil servants, the employer's). */
  districts: InputMaybe<Array<Scalars['String']['input']>>;
  /** Special-governance fields (专项治理领域). */
  governanceFields: InputMaybe<Array<GovernanceField>>;
  /** Kinds of record. */
  kinds: InputMaybe<Array<CreditRecordKind>>;
  /** Severities. */
  severities: InputMaybe<Array<Severity>>;
  /** Source units (数据来源单位) by USCC. */
  sourceUnits: InputMaybe<Array<Scalars['USCC']['input']>>;
  /** Statuses. */
  statuses: InputMaybe<Array<RecordStatus>>;
};

/** Kind of credit record (信用信息类别). */
export type CreditRecordKind =
  /** 问责 (negative) */
  | 'ACCOUNTABILITY'
  /** 行政许可 (neutral) */
  | 'ADMINISTRATIVE_LICENCE'
  /** 行政处罚 (negative) */
  | 'ADMINISTRATIVE_PENALTY'
  /** 表彰奖励 (positive) */
  | 'COMMENDATION'
  /** 信用承诺 (neutral) */
  | 'CREDIT_COMMITMENT'
  /** 纪律处分 (negative) */
  | 'DISCIPLINARY_SANCTION'
  /** 政务处分 (negative) */
  | 'GOVERNMENT_SANCTION'
  /** 失信被执行人 (negative) */
  | 'JUDGMENT_DEFAULTER'
  /** 司法判决 (negative) */
  | 'JUDICIAL_JUDGMENT'
  /** 严重失信主体名单 (negative) */
  | 'SERIOUS_DISHONESTY';

/** A credit subject (信用主体): an organisation identified by its Unified Social Credit Code. Government bodies are held to the same credit discipline as enterprises (政务诚信). */
export type CreditSubject = {
  /** Credit records about this subject (信用记录), newest decision first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** District of registration (所属行政区). */
  district: Maybe<District>;
  /** Date of establishment or registration (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Kind of subject, derived from the USCC prefix (主体类别). */
  kind: SubjectKind;
  /** Legal representative or head (法定代表人 / 负责人). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Registered name (名称). */
  name: Scalars['String']['output'];
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: Scalars['USCC']['output'];
};


/** A credit subject (信用主体): an organisation identified by its Unified Social Credit Code. Government bodies are held to the same credit discipline as enterprises (政务诚信). */
export type CreditSubjectCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** Format of the reported data (数据格式). */
export type DataFormat =
  /** Documents such as scanned decisions (文件) */
  | 'FILE'
  /** Structured records with the standard fields (结构化数据) */
  | 'STRUCTURED';

/** Disclosure attribute (公开属性): public, disclosed on request under conditions, or not public. */
export type Disclosure =
  /** Disclosed on request to those entitled (依申请公开 / 授权查询) */
  | 'CONDITIONAL'
  /** Not disclosed (不予公开) */
  | 'NOT_PUBLIC'
  /** Disclosed to the public (社会公开) */
  | 'PUBLIC';

/** A district or zone of Shenzhen (行政区), by its GB/T 2260 area code (行政区划代码). */
export type District = {
  __typename?: 'District';
  /** Area code, e.g. 440305 for Nanshan (行政区划代码). */
  code: Scalars['String']['output'];
  /** CITY for Shenzhen itself, DISTRICT for the ten districts, ZONE for Qianhai. */
  level: Scalars['String']['output'];
  /** English name, e.g. Nanshan. */
  nameEn: Scalars['String']['output'];
  /** Chinese name, e.g. 南山区. */
  nameZh: Scalars['String']['output'];
};

/** An enterprise (企业), individual business (个体工商户) or farmers' cooperative (农民专业合作社). */
export type Enterprise = CreditSubject & {
  __typename?: 'Enterprise';
  /** Credit records about this subject (信用记录), newest decision first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** District of registration (所属行政区). */
  district: Maybe<District>;
  /** Date of establishment or registration (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Kind of subject, derived from the USCC prefix (主体类别). */
  kind: SubjectKind;
  /** Legal representative or head (法定代表人 / 负责人). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Registered name (名称). */
  name: Scalars['String']['output'];
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: Scalars['USCC']['output'];
};


/** An enterprise (企业), individual business (个体工商户) or farmers' cooperative (农民专业合作社). */
export type EnterpriseCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** One of the 19 fields of special governance of dishonesty (失信专项治理领域) named in the policy. */
export type GovernanceField =
  /** 13. Academic fraud and exam cheating (学术不端和考试作弊) */
  | 'ACADEMIC_FRAUD'
  /** 16. Charity fraud (慈善捐赠失信) */
  | 'CHARITY_FRAUD'
  /** 9. Unreasonably cheap tours (不合理低价游) */
  | 'CHEAP_TOURS'
  /** 7. Counterfeit drugs (假药劣药) */
  | 'COUNTERFEIT_DRUGS'
  /** 4. Environmental-protection dishonesty (生态环境保护领域失信) */
  | 'ENVIRONMENTAL_DISHONESTY'
  /** 18. Fake lottery tickets (假彩票) */
  | 'FAKE_LOTTERY'
  /** 3. Financial dishonesty and internet finance risk (金融领域失信和互联网金融风险) */
  | 'FINANCIAL_DISHONESTY'
  /** 15. Illegal social organisations (非法社会组织) */
  | 'ILLEGAL_SOCIAL_ORGANISATIONS'
  /** 14. Insurance fraud (保险领域失信) */
  | 'INSURANCE_FRAUD'
  /** 11. Non-enforcement of court judgments (法院判决不执行) */
  | 'JUDGMENT_NON_ENFORCEMENT'
  /** 6. Illegal medical practice and medical fraud (非法医疗和医疗欺诈) */
  | 'MEDICAL_FRAUD'
  /** 2. Online false information and rumours (互联网虚假信息造谣传谣) */
  | 'ONLINE_RUMOURS'
  /** 17. False advertising and ticket scalping in commercial performances (营业性演出虚假宣传和倒卖票证) */
  | 'PERFORMANCE_FALSE_ADVERTISING'
  /** 5. Poverty-alleviation fraud (扶贫脱贫失信) */
  | 'POVERTY_ALLEVIATION_FRAUD'
  /** 19. Match fixing, corrupt refereeing and doping (假球黑哨和使用兴奋剂) */
  | 'SPORTS_CORRUPTION'
  /** 10. Tax evasion and fake invoices (偷逃税和虚开发票) */
  | 'TAX_EVASION'
  /** 1. Telecom and online fraud (电信网络诈骗) */
  | 'TELECOM_FRAUD'
  /** 12. Transport dishonesty (交通运输领域失信) */
  | 'TRANSPORT_DISHONESTY'
  /** 8. Unpaid wages (拖欠工资) */
  | 'UNPAID_WAGES';

/** A field of special governance of dishonesty (失信专项治理领域), one of 19. */
export type GovernanceFieldInfo = {
  __typename?: 'GovernanceFieldInfo';
  /** Code used in filters and on records (the GovernanceField enum value). */
  code: Scalars['String']['output'];
  /** English name. */
  nameEn: Scalars['String']['output'];
  /** Chinese name. */
  nameZh: Scalars['String']['output'];
  /** Number of the field in the policy list, 1 to 19. */
  number: Scalars['Int']['output'];
};

/** A government body (党政机关 / 行政机关), USCC prefix 11: departments and courts, with their own credit archive (政务信用档案). */
export type GovernmentBody = CreditSubject & {
  __typename?: 'GovernmentBody';
  /** Credit records about this subject (信用记录), newest decision first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** Departments and branches under this body (下属单位). */
  departments: Array<CreditSubject>;
  /** District of registration (所属行政区). */
  district: Maybe<District>;
  /** Date of establishment or registration (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Kind of subject, derived from the USCC prefix (主体类别). */
  kind: SubjectKind;
  /** Legal representative or head (法定代表人 / 负责人). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Registered name (名称). */
  name: Scalars['String']['output'];
  /** Superior body (上级单位), for departments and branches. */
  parent: Maybe<CreditSubject>;
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: Scalars['USCC']['output'];
};


/** A government body (党政机关 / 行政机关), USCC prefix 11: departments and courts, with their own credit archive (政务信用档案). */
export type GovernmentBodyCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** An organisation of any other registration category (其他组织). */
export type OtherOrganisation = CreditSubject & {
  __typename?: 'OtherOrganisation';
  /** Credit records about this subject (信用记录), newest decision first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** District of registration (所属行政区). */
  district: Maybe<District>;
  /** Date of establishment or registration (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Kind of subject, derived from the USCC prefix (主体类别). */
  kind: SubjectKind;
  /** Legal representative or head (法定代表人 / 负责人). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Registered name (名称). */
  name: Scalars['String']['output'];
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: Scalars['USCC']['output'];
};


/** An organisation of any other registration category (其他组织). */
export type OtherOrganisationCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last record of the page: pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** More records follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Records precede this page (true whenever `after` was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first record of the page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A public institution (事业单位), USCC prefix 12: schools, hospitals, centres. */
export type PublicInstitution = CreditSubject & {
  __typename?: 'PublicInstitution';
  /** Credit records about this subject (信用记录), newest decision first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** District of registration (所属行政区). */
  district: Maybe<District>;
  /** Date of establishment or registration (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Kind of subject, derived from the USCC prefix (主体类别). */
  kind: SubjectKind;
  /** Legal representative or head (法定代表人 / 负责人). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Registered name (名称). */
  name: Scalars['String']['output'];
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: Scalars['USCC']['output'];
};


/** A public institution (事业单位), USCC prefix 12: schools, hospitals, centres. */
export type PublicInstitutionCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** Publicity window of a negative record (公示期) and the rule version that set it. */
export type Publicity = {
  __typename?: 'Publicity';
  /** Publicity end date (公示截止期): disclosure stops by itself after this day. Null: until deleted. */
  end: Maybe<Scalars['Date']['output']>;
  /** End of the minimum publicity period: credit repair (信用修复) may be applied for from this day. */
  minimumEnd: Scalars['Date']['output'];
  /** Version of the publicity rules in force on the decision date, e.g. NDRC-ORDER-58-2023. */
  ruleVersion: Scalars['String']['output'];
  /** First day of publicity (公示起始日). */
  start: Scalars['Date']['output'];
};

/** Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue. */
export type Query = {
  __typename?: 'Query';
  /** The public credit information catalogue (公共信用信息目录), optionally for one record kind. */
  catalog: Array<CatalogItem>;
  /** A civil servant (公务员) by opaque id; null when unknown. */
  civilServant: Maybe<CivilServant>;
  /** Credit records of all subjects, newest decision first. `first` defaults to 20 and may be at most 100. */
  creditRecords: CreditRecordConnection;
  /** Shenzhen districts and zones with their area codes (行政区划). */
  districts: Array<District>;
  /** The 19 fields of special governance of dishonesty (失信专项治理领域). */
  governanceFields: Array<GovernanceFieldInfo>;
  /** The credit subject with this USCC, or null when no subject has it. A malformed code is an error naming what is wrong. */
  subject: Maybe<CreditSubject>;
  /** Several credit subjects at once: one entry per input code, in input order, null where unknown (at most 500). */
  subjects: Array<Maybe<CreditSubject>>;
};


/** Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue. */
export type QueryCatalogArgs = {
  recordKind: InputMaybe<CreditRecordKind>;
};


/** Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue. */
export type QueryCivilServantArgs = {
  id: Scalars['ID']['input'];
};


/** Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue. */
export type QueryCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


/** Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue. */
export type QuerySubjectArgs = {
  uscc: Scalars['USCC']['input'];
};


/** Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue. */
export type QuerySubjectsArgs = {
  usccs: Array<Scalars['USCC']['input']>;
};

/** Where a record stands in its disclosure life cycle. */
export type RecordStatus =
  /** Publicity window ended (公示期满) */
  | 'EXPIRED'
  /** In its publicity window (公示中) */
  | 'IN_PUBLICITY'
  /** Credit repaired: disclosure stopped (已信用修复) */
  | 'REPAIRED'
  /** An objection is being handled; the record is marked (异议处理中) */
  | 'UNDER_OBJECTION'
  /** Withdrawn because the decision was revoked or annulled (已撤销公示) */
  | 'WITHDRAWN';

/** How often the source unit reports (报送周期 / 更新频率). */
export type ReportingCycle =
  /** Daily (每日) */
  | 'DAILY'
  /** Monthly (每月) */
  | 'MONTHLY'
  /** Quarterly (每季度) */
  | 'QUARTERLY'
  /** As decisions are made (实时) */
  | 'REAL_TIME'
  /** Weekly (每周) */
  | 'WEEKLY'
  /** Yearly (每年) */
  | 'YEARLY';

/** Severity of a negative record (失信程度): it selects the publicity window. */
export type Severity =
  /** General (一般) */
  | 'GENERAL'
  /** Minor (轻微) */
  | 'MINOR'
  /** Serious (严重) */
  | 'SERIOUS';

/** Sharing class under Guofa [2016] 51: unconditional (无条件共享), conditional (有条件共享) or none (不予共享). */
export type SharingClass =
  /** Shared on a request with a purpose, answered within 10 working days (有条件共享) */
  | 'CONDITIONAL'
  /** Not shared without a specific legal basis (不予共享) */
  | 'NONE'
  /** Shared with every government body (无条件共享) */
  | 'UNCONDITIONAL';

/** A social organisation (社会组织), USCC prefix 5x: associations, foundations, private non-enterprise units. */
export type SocialOrganisation = CreditSubject & {
  __typename?: 'SocialOrganisation';
  /** Credit records about this subject (信用记录), newest decision first; `first` at most 100. */
  creditRecords: CreditRecordConnection;
  /** District of registration (所属行政区). */
  district: Maybe<District>;
  /** Date of establishment or registration (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Kind of subject, derived from the USCC prefix (主体类别). */
  kind: SubjectKind;
  /** Legal representative or head (法定代表人 / 负责人). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Registered name (名称). */
  name: Scalars['String']['output'];
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: Scalars['USCC']['output'];
};


/** A social organisation (社会组织), USCC prefix 5x: associations, foundations, private non-enterprise units. */
export type SocialOrganisationCreditRecordsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CreditRecordFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** How a source unit reports the item (报送方式). */
export type SourceChannel =
  /** By front-end database exchange (前置库交换) */
  | 'DATABASE_EXCHANGE'
  /** By uploading files (文件上传) */
  | 'FILE_UPLOAD'
  /** Entered by hand (手工录入) */
  | 'MANUAL_ENTRY'
  /** Through an interface of the public credit information platform (平台接口) */
  | 'PLATFORM_INTERFACE';

/** Kind of credit subject, derived from the USCC prefix (登记管理部门代码 + 机构类别代码). */
export type SubjectKind =
  /** Enterprise (企业), USCC 91… */
  | 'ENTERPRISE'
  /** Farmers' cooperative (农民专业合作社), USCC 93… */
  | 'FARMERS_COOPERATIVE'
  /** Government body (机关), USCC 11… */
  | 'GOVERNMENT_BODY'
  /** Individual business (个体工商户), USCC 92… */
  | 'INDIVIDUAL_BUSINESS'
  /** Any other registration category (其他) */
  | 'OTHER'
  /** Public institution (事业单位), USCC 12… */
  | 'PUBLIC_INSTITUTION'
  /** Social organisation (社会组织), USCC 51/52/53… */
  | 'SOCIAL_ORGANISATION';

/** Filter on credit records. Each list means "any of"; the conditions are combined with AND. */
export type CreditRecordFilter = {
  /** Decided on or after this date. */
  decidedFrom: string | null | undefined;
  /** Decided on or before this date. */
  decidedTo: string | null | undefined;
  /** Districts by area code, e.g. 440305 (the subject's district; for civil servants, the employer's). */
  districts: Array<string> | null | undefined;
  /** Special-governance fields (专项治理领域). */
  governanceFields: Array<GovernanceField> | null | undefined;
  /** Kinds of record. */
  kinds: Array<CreditRecordKind> | null | undefined;
  /** Severities. */
  severities: Array<Severity> | null | undefined;
  /** Source units (数据来源单位) by USCC. */
  sourceUnits: Array<string> | null | undefined;
  /** Statuses. */
  statuses: Array<RecordStatus> | null | undefined;
};

/** Kind of credit record (信用信息类别). */
export type CreditRecordKind =
  /** 问责 (negative) */
  | 'ACCOUNTABILITY'
  /** 行政许可 (neutral) */
  | 'ADMINISTRATIVE_LICENCE'
  /** 行政处罚 (negative) */
  | 'ADMINISTRATIVE_PENALTY'
  /** 表彰奖励 (positive) */
  | 'COMMENDATION'
  /** 信用承诺 (neutral) */
  | 'CREDIT_COMMITMENT'
  /** 纪律处分 (negative) */
  | 'DISCIPLINARY_SANCTION'
  /** 政务处分 (negative) */
  | 'GOVERNMENT_SANCTION'
  /** 失信被执行人 (negative) */
  | 'JUDGMENT_DEFAULTER'
  /** 司法判决 (negative) */
  | 'JUDICIAL_JUDGMENT'
  /** 严重失信主体名单 (negative) */
  | 'SERIOUS_DISHONESTY';

/** Disclosure attribute (公开属性): public, disclosed on request under conditions, or not public. */
export type Disclosure =
  /** Disclosed on request to those entitled (依申请公开 / 授权查询) */
  | 'CONDITIONAL'
  /** Not disclosed (不予公开) */
  | 'NOT_PUBLIC'
  /** Disclosed to the public (社会公开) */
  | 'PUBLIC';

/** One of the 19 fields of special governance of dishonesty (失信专项治理领域) named in the policy. */
export type GovernanceField =
  /** 13. Academic fraud and exam cheating (学术不端和考试作弊) */
  | 'ACADEMIC_FRAUD'
  /** 16. Charity fraud (慈善捐赠失信) */
  | 'CHARITY_FRAUD'
  /** 9. Unreasonably cheap tours (不合理低价游) */
  | 'CHEAP_TOURS'
  /** 7. Counterfeit drugs (假药劣药) */
  | 'COUNTERFEIT_DRUGS'
  /** 4. Environmental-protection dishonesty (生态环境保护领域失信) */
  | 'ENVIRONMENTAL_DISHONESTY'
  /** 18. Fake lottery tickets (假彩票) */
  | 'FAKE_LOTTERY'
  /** 3. Financial dishonesty and internet finance risk (金融领域失信和互联网金融风险) */
  | 'FINANCIAL_DISHONESTY'
  /** 15. Illegal social organisations (非法社会组织) */
  | 'ILLEGAL_SOCIAL_ORGANISATIONS'
  /** 14. Insurance fraud (保险领域失信) */
  | 'INSURANCE_FRAUD'
  /** 11. Non-enforcement of court judgments (法院判决不执行) */
  | 'JUDGMENT_NON_ENFORCEMENT'
  /** 6. Illegal medical practice and medical fraud (非法医疗和医疗欺诈) */
  | 'MEDICAL_FRAUD'
  /** 2. Online false information and rumours (互联网虚假信息造谣传谣) */
  | 'ONLINE_RUMOURS'
  /** 17. False advertising and ticket scalping in commercial performances (营业性演出虚假宣传和倒卖票证) */
  | 'PERFORMANCE_FALSE_ADVERTISING'
  /** 5. Poverty-alleviation fraud (扶贫脱贫失信) */
  | 'POVERTY_ALLEVIATION_FRAUD'
  /** 19. Match fixing, corrupt refereeing and doping (假球黑哨和使用兴奋剂) */
  | 'SPORTS_CORRUPTION'
  /** 10. Tax evasion and fake invoices (偷逃税和虚开发票) */
  | 'TAX_EVASION'
  /** 1. Telecom and online fraud (电信网络诈骗) */
  | 'TELECOM_FRAUD'
  /** 12. Transport dishonesty (交通运输领域失信) */
  | 'TRANSPORT_DISHONESTY'
  /** 8. Unpaid wages (拖欠工资) */
  | 'UNPAID_WAGES';

/** Where a record stands in its disclosure life cycle. */
export type RecordStatus =
  /** Publicity window ended (公示期满) */
  | 'EXPIRED'
  /** In its publicity window (公示中) */
  | 'IN_PUBLICITY'
  /** Credit repaired: disclosure stopped (已信用修复) */
  | 'REPAIRED'
  /** An objection is being handled; the record is marked (异议处理中) */
  | 'UNDER_OBJECTION'
  /** Withdrawn because the decision was revoked or annulled (已撤销公示) */
  | 'WITHDRAWN';

/** How often the source unit reports (报送周期 / 更新频率). */
export type ReportingCycle =
  /** Daily (每日) */
  | 'DAILY'
  /** Monthly (每月) */
  | 'MONTHLY'
  /** Quarterly (每季度) */
  | 'QUARTERLY'
  /** As decisions are made (实时) */
  | 'REAL_TIME'
  /** Weekly (每周) */
  | 'WEEKLY'
  /** Yearly (每年) */
  | 'YEARLY';

/** Severity of a negative record (失信程度): it selects the publicity window. */
export type Severity =
  /** General (一般) */
  | 'GENERAL'
  /** Minor (轻微) */
  | 'MINOR'
  /** Serious (严重) */
  | 'SERIOUS';

/** Sharing class under Guofa [2016] 51: unconditional (无条件共享), conditional (有条件共享) or none (不予共享). */
export type SharingClass =
  /** Shared on a request with a purpose, answered within 10 working days (有条件共享) */
  | 'CONDITIONAL'
  /** Not shared without a specific legal basis (不予共享) */
  | 'NONE'
  /** Shared with every government body (无条件共享) */
  | 'UNCONDITIONAL';

/** Kind of credit subject, derived from the USCC prefix (登记管理部门代码 + 机构类别代码). */
export type SubjectKind =
  /** Enterprise (企业), USCC 91… */
  | 'ENTERPRISE'
  /** Farmers' cooperative (农民专业合作社), USCC 93… */
  | 'FARMERS_COOPERATIVE'
  /** Government body (机关), USCC 11… */
  | 'GOVERNMENT_BODY'
  /** Individual business (个体工商户), USCC 92… */
  | 'INDIVIDUAL_BUSINESS'
  /** Any other registration category (其他) */
  | 'OTHER'
  /** Public institution (事业单位), USCC 12… */
  | 'PUBLIC_INSTITUTION'
  /** Social organisation (社会组织), USCC 51/52/53… */
  | 'SOCIAL_ORGANISATION';

export type CatalogQueryVariables = Exact<{
  recordKind: CreditRecordKind | null | undefined;
}>;


export type CatalogQuery = { catalog: Array<{ code: string, name: string, nameZh: string, recordKind: CreditRecordKind, reportingCycle: ReportingCycle, disclosure: Disclosure, sharingClass: SharingClass, retentionYears: number, sourceUnit:
      | { uscc: string, name: string }
      | { uscc: string, name: string }
      | { uscc: string, name: string }
      | { uscc: string, name: string }
      | { uscc: string, name: string }
     | null }> };

export type CivilServantArchiveQueryVariables = Exact<{
  id: string | number;
}>;


export type CivilServantArchiveQuery = { civilServant: { id: string, name: string, idNumberMasked: string, post: string, employer:
      | { uscc: string, name: string }
      | { uscc: string, name: string }
      | { uscc: string, name: string }
      | { uscc: string, name: string }
      | { uscc: string, name: string }
     | null, creditRecords: { totalCount: number, edges: Array<{ node: { kind: CreditRecordKind, title: string, decisionDate: string, details: { sanction: string | null }, publicity: { end: string | null, ruleVersion: string } | null } }> } } | null };

export type LatestRecordsQueryVariables = Exact<{
  first: number | null | undefined;
  after: string | null | undefined;
  filter: CreditRecordFilter | null | undefined;
}>;


export type LatestRecordsQuery = { creditRecords: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: CreditRecordKind, documentNumber: string, decisionDate: string, severity: Severity | null, status: RecordStatus, governanceField: GovernanceField | null, fineAmount: string | null, subject:
          | { uscc: string, name: string, kind: SubjectKind }
          | { uscc: string, name: string, kind: SubjectKind }
          | { uscc: string, name: string, kind: SubjectKind }
          | { uscc: string, name: string, kind: SubjectKind }
          | { uscc: string, name: string, kind: SubjectKind }
         | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type SubjectProfileQueryVariables = Exact<{
  uscc: string;
  first: number | null | undefined;
}>;


export type SubjectProfileQuery = { subject:
    | { __typename: 'Enterprise', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string, end: string | null, ruleVersion: string } | null, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string, nameZh: string, reportingCycle: ReportingCycle } | null } }> } }
    | { __typename: 'GovernmentBody', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, parent:
        | { uscc: string, name: string }
        | { uscc: string, name: string }
        | { uscc: string, name: string }
        | { uscc: string, name: string }
        | { uscc: string, name: string }
       | null, departments: Array<
        | { uscc: string, name: string }
        | { uscc: string, name: string }
        | { uscc: string, name: string }
        | { uscc: string, name: string }
        | { uscc: string, name: string }
      >, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string, end: string | null, ruleVersion: string } | null, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string, nameZh: string, reportingCycle: ReportingCycle } | null } }> } }
    | { __typename: 'OtherOrganisation', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string, end: string | null, ruleVersion: string } | null, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string, nameZh: string, reportingCycle: ReportingCycle } | null } }> } }
    | { __typename: 'PublicInstitution', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string, end: string | null, ruleVersion: string } | null, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string, nameZh: string, reportingCycle: ReportingCycle } | null } }> } }
    | { __typename: 'SocialOrganisation', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string, end: string | null, ruleVersion: string } | null, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string, nameZh: string, reportingCycle: ReportingCycle } | null } }> } }
   | null };

export type SubjectsWithRecordsQueryVariables = Exact<{
  usccs: Array<string> | string;
  first: number | null | undefined;
}>;


export type SubjectsWithRecordsQuery = { subjects: Array<
    | { uscc: string, name: string, kind: SubjectKind, district: { code: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, decisionDate: string, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { uscc: string, name: string, kind: SubjectKind, district: { code: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, decisionDate: string, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { uscc: string, name: string, kind: SubjectKind, district: { code: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, decisionDate: string, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { uscc: string, name: string, kind: SubjectKind, district: { code: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, decisionDate: string, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { uscc: string, name: string, kind: SubjectKind, district: { code: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, decisionDate: string, authority:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, sourceUnit:
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
              | { uscc: string, name: string }
             | null, catalogItem: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
   | null> };
