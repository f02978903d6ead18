import { describe, expect, it } from 'vitest';
import { assertPurpose, permissionsOf, PURPOSES, readAuditRetentionYears, ROLES } from '../../src/governance/index.js';

describe('governance rules', () => {
  it('list the purposes of use and roles the issue names', () => {
    expect(PURPOSES.map((p) => p.code)).toEqual(expect.arrayContaining([
      'BIDDING', 'GOVERNMENT_PROCUREMENT', 'ADMINISTRATIVE_LICENSING', 'CADRE_SELECTION', 'AWARD_EVALUATION',
      'INVESTMENT_PROMOTION', 'SUPERVISION', 'STATISTICS', 'CREDIT_REPAIR', 'SELF_INQUIRY',
    ]));
    expect(PURPOSES.find((p) => p.code === 'BIDDING')?.nameZh).toBe('招标投标');
    expect(ROLES.map((r) => r.code)).toEqual([
      'PUBLIC', 'BIDDING_SYSTEM', 'INVESTMENT_PROMOTION', 'DASHBOARD', 'CREDIT_OFFICE_ADMIN', 'AUDITOR',
      'THIRD_PARTY_EVALUATOR', 'PERSONNEL_OFFICE', 'ENTERPRISE_SELF', 'SOURCE_UNIT',
    ]);
  });

  it('refuse an unknown purpose naming the valid ones', () => {
    expect(assertPurpose('BIDDING')).toBe('BIDDING');
    expect(() => assertPurpose('bidding')).toThrow(/unknown purpose of use "bidding"; expected one of BIDDING, /);
  });

  it('combine several roles to the most they allow', () => {
    expect(permissionsOf([])).toMatchObject({ maxShareLevel: 'OPEN', mayUnmaskPersonalData: false, readsAuditLedger: false });
    const combined = permissionsOf(['ENTERPRISE_SELF', 'AUDITOR']);
    expect(combined).toMatchObject({ maxShareLevel: 'RESTRICTED', ownSubjectsOnly: false, readsAuditLedger: true });
    expect(permissionsOf(['ENTERPRISE_SELF']).ownSubjectsOnly).toBe(true);
    expect(() => permissionsOf(['ROOT'])).toThrow(/unknown role "ROOT"/);
  });

  it('keep retention at five years or more, from configuration', () => {
    expect(readAuditRetentionYears({})).toBe(5);
    expect(readAuditRetentionYears({ AUDIT_RETENTION_YEARS: '10' })).toBe(10);
    expect(() => readAuditRetentionYears({ AUDIT_RETENTION_YEARS: '3' })).toThrow(/at least 5; got "3"/);
  });
});
