import type { Knex } from 'knex';
import { grantsForPurpose, KnexConsumerStore, type NewConsumer } from '../../src/governance/index.js';

/** 深圳市南山区人民政府 in the small sample data: the body the Nanshan personnel office is responsible for, with those under it. */
export const NANSHAN_GOVERNMENT = '11440305003219403F';

/**
 * Consumers every governance scenario uses, one per role, each with the grants its purpose allows
 * (explicit field scopes from purposes.json; the credit office's share-level wildcard).
 */
export const TEST_CONSUMERS = {
  bidding: { id: 'bidding-system', name: '深圳市公共资源交易中心招标系统', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], grants: grantsForPurpose(['BIDDING_SYSTEM'], 'BIDDING') },
  investment: { id: 'investment-promotion', name: '深圳市投资推广署', kind: 'DEPARTMENT', roles: ['INVESTMENT_PROMOTION'], grants: grantsForPurpose(['INVESTMENT_PROMOTION'], 'INVESTMENT_PROMOTION') },
  admin: { id: 'credit-office', name: '深圳市信用办', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], grants: grantsForPurpose(['CREDIT_OFFICE_ADMIN'], 'SUPERVISION') },
  auditor: { id: 'city-audit', name: '深圳市审计局', kind: 'DEPARTMENT', roles: ['AUDITOR'], grants: grantsForPurpose(['AUDITOR'], 'AUDIT') },
  personnel: { id: 'nanshan-personnel', name: '南山区委组织部', kind: 'DEPARTMENT', roles: ['PERSONNEL_OFFICE'], subjects: [NANSHAN_GOVERNMENT], grants: grantsForPurpose(['PERSONNEL_OFFICE'], 'CADRE_SELECTION') },
  self: { id: 'weijing-self', name: '深圳市维晶科技有限公司', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], grants: grantsForPurpose(['ENTERPRISE_SELF'], 'SELF_INQUIRY'), subjects: ['91440300MA5E9NHA04'] },
  dashboard: { id: 'integrity-dashboard', name: '政务诚信监测大屏', kind: 'SYSTEM', roles: ['DASHBOARD'], grants: grantsForPurpose(['DASHBOARD'], 'STATISTICS'), rateLimitPerMinute: 3 },
  trusted: { id: 'trusted-bidding', name: '政府采购系统（仅登记操作）', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], grants: grantsForPurpose(['BIDDING_SYSTEM'], 'GOVERNMENT_PROCUREMENT'), trustedDocumentsOnly: true },
  // Objections (异议) and credit repair (信用修复): the enterprise as itself, and an agent it authorised (a
  // credit service agency, 信用服务机构, acting for the subject).
  objector: { id: 'weijing-objections', name: '深圳市维晶科技有限公司（异议与信用修复）', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], grants: [...grantsForPurpose(['ENTERPRISE_SELF'], 'OBJECTION'), ...grantsForPurpose(['ENTERPRISE_SELF'], 'CREDIT_REPAIR')], subjects: ['91440300MA5E9NHA04'] },
  objectionAgent: { id: 'weijing-agent', name: '深圳市某信用服务有限公司（受维晶科技委托）', kind: 'THIRD_PARTY', roles: ['ENTERPRISE_SELF'], grants: [...grantsForPurpose(['ENTERPRISE_SELF'], 'OBJECTION'), ...grantsForPurpose(['ENTERPRISE_SELF'], 'CREDIT_REPAIR')], subjects: ['91440300MA5E9NHA04'] },
  // Ingestion (归集): the market-supervision bureau reporting its own penalties and licences (source unit of
  // catalogue items SZ-CF-SCJG-001 and SZ-XK-SCJG-001 in the sample data).
  sourceUnit: { id: 'scjg-reporting', name: '深圳市市场监督管理局（数据报送）', kind: 'DEPARTMENT', roles: ['SOURCE_UNIT'], grants: grantsForPurpose(['SOURCE_UNIT'], 'RECORD_REPORTING'), subjects: ['114403000022215361'] },
} satisfies Record<string, NewConsumer>;

/** Creates TEST_CONSUMERS in the hub's database; returns each one's API key by the same names. */
export async function createTestConsumers(knex: Knex): Promise<Record<keyof typeof TEST_CONSUMERS, string>> {
  const store = KnexConsumerStore.create(knex);
  const keys = {} as Record<keyof typeof TEST_CONSUMERS, string>;
  for (const [name, consumer] of Object.entries(TEST_CONSUMERS) as [keyof typeof TEST_CONSUMERS, NewConsumer][]) {
    keys[name] = (await store.createConsumer(consumer)).apiKey;
  }
  return keys;
}

/** Headers of a consumer calling with a purpose and a case reference (percent-encoded, as HTTP headers are Latin-1). */
export function asConsumer(apiKey: string, purpose?: string, caseReference = '深南招〔2026〕0001号'): Record<string, string> {
  return { authorization: `Bearer ${apiKey}`, ...(purpose ? { 'x-purpose': purpose, 'x-case-reference': encodeURIComponent(caseReference) } : {}) };
}
