import type { NewConsumer } from './ConsumerStore.js';

/**
 * One consumer per role, with the grant its role exists for, created with the sample data outside
 * production so that the explorer can show what each caller sees. Their keys are logged once at start.
 */
export const DEMO_CONSUMERS: readonly NewConsumer[] = Object.freeze([
  { id: 'bidding-system', name: '深圳市公共资源交易中心招标系统', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], grants: [{ purpose: 'BIDDING', scope: 'CONDITIONAL' }] },
  { id: 'investment-promotion', name: '深圳市投资推广署', kind: 'DEPARTMENT', roles: ['INVESTMENT_PROMOTION'], grants: [{ purpose: 'INVESTMENT_PROMOTION', scope: 'CONDITIONAL' }] },
  { id: 'integrity-dashboard', name: '政务诚信监测大屏', kind: 'SYSTEM', roles: ['DASHBOARD'], grants: [{ purpose: 'STATISTICS', scope: 'CONDITIONAL' }] },
  { id: 'credit-office', name: '深圳市信用办', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], grants: [{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }] },
  { id: 'city-audit', name: '深圳市审计局', kind: 'DEPARTMENT', roles: ['AUDITOR'], grants: [{ purpose: 'AUDIT', scope: 'RESTRICTED' }] },
  { id: 'nanshan-personnel', name: '南山区委组织部', kind: 'DEPARTMENT', roles: ['PERSONNEL_OFFICE'], grants: [{ purpose: 'CADRE_SELECTION', scope: 'CONDITIONAL' }] },
  { id: 'weijing-self', name: '深圳市维晶科技有限公司', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], grants: [{ purpose: 'SELF_INQUIRY', scope: 'CONDITIONAL' }], subjects: ['91440300MA5E9NHA04'] },
]);
