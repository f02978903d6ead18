import { grantsForPurpose } from './assertValidGrant.js';
import type { NewConsumer } from './ConsumerStore.js';

/** A demo consumer; `subjectsNamed` are organisations looked up by name in the loaded sample data. */
export interface DemoConsumer extends NewConsumer {
  /**
   * Names of organisations whose USCCs become the consumer's subjects once the sample data is loaded
   * (USCCs differ between sample sizes): the bodies a personnel office is responsible for.
   */
  subjectsNamed?: string[];
}

const demo = (consumer: Omit<DemoConsumer, 'grants'>, purpose: string): DemoConsumer =>
  ({ ...consumer, grants: grantsForPurpose(consumer.roles, purpose) });

/**
 * One consumer per role, with the grants its purpose is for (explicit field scopes; the credit office's
 * share-level wildcard only), created with the sample data outside production so that the explorer can
 * show what each caller sees. Their keys are logged once at start. The Nanshan personnel office
 * unmasks the staff of 南山区人民政府 and the bodies under it only.
 */
export const DEMO_CONSUMERS: readonly DemoConsumer[] = Object.freeze([
  demo({ id: 'bidding-system', name: '深圳市公共资源交易中心招标系统', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'] }, 'BIDDING'),
  demo({ id: 'investment-promotion', name: '深圳市投资推广署', kind: 'DEPARTMENT', roles: ['INVESTMENT_PROMOTION'] }, 'INVESTMENT_PROMOTION'),
  demo({ id: 'integrity-dashboard', name: '政务诚信监测大屏', kind: 'SYSTEM', roles: ['DASHBOARD'] }, 'STATISTICS'),
  demo({ id: 'credit-office', name: '深圳市信用办', kind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'] }, 'SUPERVISION'),
  demo({ id: 'city-audit', name: '深圳市审计局', kind: 'DEPARTMENT', roles: ['AUDITOR'] }, 'AUDIT'),
  demo({ id: 'nanshan-personnel', name: '南山区委组织部', kind: 'DEPARTMENT', roles: ['PERSONNEL_OFFICE'], subjectsNamed: ['深圳市南山区人民政府', '中共深圳市南山区委员会'] }, 'CADRE_SELECTION'),
  demo({ id: 'weijing-self', name: '深圳市维晶科技有限公司', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], subjects: ['91440300MA5E9NHA04'] }, 'SELF_INQUIRY'),
]);
