import { readFileSync } from 'node:fs';
import { registerEnumType } from 'type-graphql';

const readRules = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`./rules/${file}`, import.meta.url), 'utf8')) as T;

const asEnum = <K extends string>(values: readonly K[]): { [P in K]: P } =>
  Object.fromEntries(values.map((v) => [v, v])) as { [P in K]: P };

interface RecordKindData {
  kind: string;
  nameZh: string;
  nature: string;
}
/** Record kinds, from rules/record-kinds.json (the data decides which kinds exist). */
export const RECORD_KINDS = readRules<{ kinds: RecordKindData[] }>('record-kinds.json').kinds;
/** The 19 special-governance fields, from rules/governance-fields.json. */
export const GOVERNANCE_FIELDS = readRules<{
  fields: { code: string; number: number; nameEn: string; nameZh: string }[];
}>('governance-fields.json').fields;

/** GraphQL enum object of record kinds. */
export const CreditRecordKind = asEnum(RECORD_KINDS.map((k) => k.kind));
registerEnumType(CreditRecordKind, {
  name: 'CreditRecordKind',
  description: 'Kind of credit record (信用信息类别).',
  valuesConfig: Object.fromEntries(RECORD_KINDS.map((k) => [k.kind, { description: `${k.nameZh} (${k.nature.toLowerCase()})` }])),
});

/** GraphQL enum object of special-governance fields. */
export const GovernanceField = asEnum(GOVERNANCE_FIELDS.map((f) => f.code));
registerEnumType(GovernanceField, {
  name: 'GovernanceField',
  description: 'One of the 19 fields of special governance of dishonesty (失信专项治理领域) named in the policy.',
  valuesConfig: Object.fromEntries(GOVERNANCE_FIELDS.map((f) => [f.code, { description: `${f.number}. ${f.nameEn} (${f.nameZh})` }])),
});

/** Severity of a negative record. */
export const Severity = asEnum(['MINOR', 'GENERAL', 'SERIOUS'] as const);
registerEnumType(Severity, {
  name: 'Severity',
  description: 'Severity of a negative record (失信程度): it selects the publicity window.',
  valuesConfig: {
    MINOR: { description: 'Minor (轻微)' },
    GENERAL: { description: 'General (一般)' },
    SERIOUS: { description: 'Serious (严重)' },
  },
});

/** Disclosure status of a record. */
export const RecordStatus = asEnum(['IN_PUBLICITY', 'UNDER_OBJECTION', 'REPAIRED', 'WITHDRAWN', 'EXPIRED'] as const);
registerEnumType(RecordStatus, {
  name: 'RecordStatus',
  description: 'Where a record stands in its disclosure life cycle.',
  valuesConfig: {
    IN_PUBLICITY: { description: 'In its publicity window (公示中)' },
    UNDER_OBJECTION: { description: 'An objection is being handled; the record is marked (异议处理中)' },
    REPAIRED: { description: 'Credit repaired: disclosure stopped (已信用修复)' },
    WITHDRAWN: { description: 'Withdrawn because the decision was revoked or annulled (已撤销公示)' },
    EXPIRED: { description: 'Publicity window ended (公示期满)' },
  },
});

/** Kind of organisation, derived from the first characters of its USCC. */
export const SubjectKind = asEnum([
  'GOVERNMENT_BODY', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS',
  'FARMERS_COOPERATIVE', 'OTHER',
] as const);
registerEnumType(SubjectKind, {
  name: 'SubjectKind',
  description: 'Kind of credit subject, derived from the USCC prefix (登记管理部门代码 + 机构类别代码).',
  valuesConfig: {
    GOVERNMENT_BODY: { description: 'Government body (机关), USCC 11…' },
    PUBLIC_INSTITUTION: { description: 'Public institution (事业单位), USCC 12…' },
    SOCIAL_ORGANISATION: { description: 'Social organisation (社会组织), USCC 51/52/53…' },
    ENTERPRISE: { description: 'Enterprise (企业), USCC 91…' },
    INDIVIDUAL_BUSINESS: { description: 'Individual business (个体工商户), USCC 92…' },
    FARMERS_COOPERATIVE: { description: "Farmers' cooperative (农民专业合作社), USCC 93…" },
    OTHER: { description: 'Any other registration category (其他)' },
  },
});

/** Kind of a record's subject: an organisation's kind, or a civil servant (credit_records.subject_kind). */
export const RecordSubjectKind = asEnum([...Object.values(SubjectKind), 'CIVIL_SERVANT'] as const);
registerEnumType(RecordSubjectKind, {
  name: 'RecordSubjectKind',
  description: 'Whom a credit record is about: an organisation of a kind derived from its USCC prefix (the SubjectKind values), or a civil servant (公务员).',
  valuesConfig: {
    GOVERNMENT_BODY: { description: 'A government body (机关), USCC 11…' },
    PUBLIC_INSTITUTION: { description: 'A public institution (事业单位), USCC 12…' },
    SOCIAL_ORGANISATION: { description: 'A social organisation (社会组织), USCC 5…' },
    ENTERPRISE: { description: 'An enterprise (企业), USCC 91…' },
    INDIVIDUAL_BUSINESS: { description: 'An individual business (个体工商户), USCC 92…' },
    FARMERS_COOPERATIVE: { description: "A farmers' cooperative (农民专业合作社), USCC 93…" },
    OTHER: { description: 'An organisation of any other registration category (其他)' },
    CIVIL_SERVANT: { description: 'A civil servant (公务员): sanctions, discipline, accountability, commendations of a person' },
  },
});

/** Catalogue enums (公共信用信息目录 attributes). */
export const SourceChannel = asEnum(['PLATFORM_INTERFACE', 'FILE_UPLOAD', 'DATABASE_EXCHANGE', 'MANUAL_ENTRY'] as const);
registerEnumType(SourceChannel, {
  name: 'SourceChannel',
  description: 'How a source unit reports the item (报送方式).',
  valuesConfig: {
    PLATFORM_INTERFACE: { description: 'Through an interface of the public credit information platform (平台接口)' },
    FILE_UPLOAD: { description: 'By uploading files (文件上传)' },
    DATABASE_EXCHANGE: { description: 'By front-end database exchange (前置库交换)' },
    MANUAL_ENTRY: { description: 'Entered by hand (手工录入)' },
  },
});
export const DataFormat = asEnum(['STRUCTURED', 'FILE'] as const);
registerEnumType(DataFormat, {
  name: 'DataFormat',
  description: 'Format of the reported data (数据格式).',
  valuesConfig: {
    STRUCTURED: { description: 'Structured records with the standard fields (结构化数据)' },
    FILE: { description: 'Documents such as scanned decisions (文件)' },
  },
});
export const ReportingCycle = asEnum(['REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const);
registerEnumType(ReportingCycle, {
  name: 'ReportingCycle',
  description: 'How often the source unit reports (报送周期 / 更新频率).',
  valuesConfig: {
    REAL_TIME: { description: 'As decisions are made (实时)' },
    DAILY: { description: 'Daily (每日)' },
    WEEKLY: { description: 'Weekly (每周)' },
    MONTHLY: { description: 'Monthly (每月)' },
    QUARTERLY: { description: 'Quarterly (每季度)' },
    YEARLY: { description: 'Yearly (每年)' },
  },
});
export const Disclosure = asEnum(['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'] as const);
registerEnumType(Disclosure, {
  name: 'Disclosure',
  description: 'Disclosure attribute (公开属性): public, disclosed on request under conditions, or not public.',
  valuesConfig: {
    PUBLIC: { description: 'Disclosed to the public (社会公开)' },
    CONDITIONAL: { description: 'Disclosed on request to those entitled (依申请公开 / 授权查询)' },
    NOT_PUBLIC: { description: 'Not disclosed (不予公开)' },
  },
});
export const SharingClass = asEnum(['UNCONDITIONAL', 'CONDITIONAL', 'NONE'] as const);
registerEnumType(SharingClass, {
  name: 'SharingClass',
  description: 'Sharing class under Guofa [2016] 51: unconditional (无条件共享), conditional (有条件共享) or none (不予共享).',
  valuesConfig: {
    UNCONDITIONAL: { description: 'Shared with every government body (无条件共享)' },
    CONDITIONAL: { description: 'Shared on a request with a purpose, answered within 10 working days (有条件共享)' },
    NONE: { description: 'Not shared without a specific legal basis (不予共享)' },
  },
});

/** Registration status of an organisation (登记状态), as the registration authority publishes it. */
export const RegistrationStatus = asEnum(['EXISTING', 'IN_BUSINESS', 'REVOKED', 'DEREGISTERED', 'MOVED_OUT'] as const);
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Registration status (登记状态) as published by the registration authority.',
  valuesConfig: {
    EXISTING: { description: 'Registered and in existence (存续): the usual word for an active company or co-operative.' },
    IN_BUSINESS: { description: 'In business (在业): the usual word for an active individual business.' },
    REVOKED: { description: 'Business licence revoked (吊销) as a penalty, most often for not filing annual reports; the subject still exists until deregistered.' },
    DEREGISTERED: { description: 'Deregistered (注销): the subject no longer exists.' },
    MOVED_OUT: { description: 'Moved out (迁出): registration transferred to an authority outside Shenzhen.' },
  },
});
