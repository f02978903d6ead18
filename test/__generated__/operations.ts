/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Filter on credit records. Each list means "any of"; the conditions are combined with AND. */
export type CreditRecordFilter = {
  /** Decided on or after this date. */
  decidedFrom: string | null | undefined;
  /** Decided in this period: a year (2026), a quarter (2026-Q3) or a month (2026-07); combined with decidedFrom/decidedTo when those are given too. */
  decidedIn: string | null | undefined;
  /** Decided on or before this date. */
  decidedTo: string | null | undefined;
  /** Areas by code, e.g. 440305 (the subject's district; for civil servants, the employer's); functional areas by their local codes, e.g. 4403DP for Dapeng New Area (see the `districts` query). */
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
  /** Kinds of subject the records are about (主体类别), e.g. GOVERNMENT_BODY for records against government bodies (政务失信), CIVIL_SERVANT for records of civil servants. */
  subjectKinds: Array<RecordSubjectKind> | null | undefined;
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
  /** 公务员处分 (negative) */
  | 'DISCIPLINARY_SANCTION'
  /** 政务失信 (negative) */
  | 'GOVERNMENT_DISHONESTY'
  /** 政务处分 (negative) */
  | 'GOVERNMENT_SANCTION'
  /** 失信被执行人 (negative) */
  | 'JUDGMENT_DEFAULTER'
  /** 司法判决 (negative) */
  | 'JUDICIAL_JUDGMENT'
  /** 党纪处分 (negative) */
  | 'PARTY_DISCIPLINE'
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
  /** 13. Falsified papers, exam cheating (论文造假、考试作弊) */
  | 'ACADEMIC_FRAUD'
  /** 16. Dishonesty in charitable donations (慈善捐助失信问题) */
  | 'CHARITY_FRAUD'
  /** 9. "Unreasonably cheap tours" (“不合理低价游”) */
  | 'CHEAP_TOURS'
  /** 7. Counterfeit drugs (假药问题) */
  | 'COUNTERFEIT_DRUGS'
  /** 4. Dishonest conduct in ecological and environmental protection (生态环境保护失信行为) */
  | 'ENVIRONMENTAL_DISHONESTY'
  /** 18. "Fake lottery tickets" (“假彩票”问题) */
  | 'FAKE_LOTTERY'
  /** 3. Dishonesty in the financial sector and internet finance risk (涉金融领域失信问题和互联网金融风险) */
  | 'FINANCIAL_DISHONESTY'
  /** 15. Illegal social organisations (非法社会组织) */
  | 'ILLEGAL_SOCIAL_ORGANISATIONS'
  /** 14. Insurance fraud (骗取保险问题) */
  | 'INSURANCE_FRAUD'
  /** 11. Non-enforcement of court judgments (法院判决不执行问题) */
  | 'JUDGMENT_NON_ENFORCEMENT'
  /** 6. Illegal medical practice; medical fraud (非法行医，医疗欺诈) */
  | 'MEDICAL_FRAUD'
  /** 2. False information, rumour-making and rumour-spreading on the internet (互联网虚假信息、造谣传谣) */
  | 'ONLINE_RUMOURS'
  /** 17. False advertising and ticket scalping in the commercial performance market (营业性演出市场虚假宣传及炒票问题) */
  | 'PERFORMANCE_FALSE_ADVERTISING'
  /** 5. Dishonesty in poverty alleviation (扶贫脱贫失信问题) */
  | 'POVERTY_ALLEVIATION_FRAUD'
  /** 19. Match fixing and corrupt refereeing, use of doping (假球黑哨、使用兴奋剂问题) */
  | 'SPORTS_CORRUPTION'
  /** 10. Tax evasion, tax refund fraud and "fake invoices" (逃税骗税和“假发票”问题) */
  | 'TAX_EVASION'
  /** 1. Telecom and online fraud (电信网络诈骗) */
  | 'TELECOM_FRAUD'
  /** 12. Dishonesty in transport (交通运输失信问题) */
  | 'TRANSPORT_DISHONESTY'
  /** 8. Unpaid wages (拖欠工资问题) */
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

/** Whom a credit record is about: an organisation of a kind derived from its USCC prefix (the SubjectKind values), or a civil servant (公务员). */
export type RecordSubjectKind =
  /** A civil servant (公务员): sanctions, discipline, accountability, commendations of a person */
  | 'CIVIL_SERVANT'
  /** An enterprise (企业), USCC 91… */
  | 'ENTERPRISE'
  /** A farmers' cooperative (农民专业合作社), USCC 93… */
  | 'FARMERS_COOPERATIVE'
  /** A government body (机关), USCC 11… */
  | 'GOVERNMENT_BODY'
  /** An individual business (个体工商户), USCC 92… */
  | 'INDIVIDUAL_BUSINESS'
  /** An organisation of any other registration category (其他) */
  | 'OTHER'
  /** A public institution (事业单位), USCC 12… */
  | 'PUBLIC_INSTITUTION'
  /** A social organisation (社会组织), USCC 5… */
  | 'SOCIAL_ORGANISATION';

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
    | { __typename: 'Enterprise', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string | null, end: string | null, ruleVersion: string } | null, authority:
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
      >, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string | null, end: string | null, ruleVersion: string } | null, authority:
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
    | { __typename: 'OtherOrganisation', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string | null, end: string | null, ruleVersion: string } | null, authority:
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
    | { __typename: 'PublicInstitution', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string | null, end: string | null, ruleVersion: string } | null, authority:
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
    | { __typename: 'SocialOrganisation', uscc: string, name: string, kind: SubjectKind, legalRepresentative: string | null, district: { code: string, nameZh: string, nameEn: string } | null, creditRecords: { totalCount: number, edges: Array<{ node: { id: string, kind: CreditRecordKind, title: string, decisionDate: string, severity: Severity | null, status: RecordStatus, publicity: { start: string, minimumEnd: string | null, end: string | null, ruleVersion: string } | null, authority:
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
