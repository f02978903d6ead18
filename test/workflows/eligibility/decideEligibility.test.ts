import { describe, expect, it } from 'vitest';
import { decideEligibility, type EligibilityMeasure, type EligibilityRecord } from '../../../src/workflows/eligibility/decideEligibility.js';
import { ELIGIBILITY_RULES, eligibilityRulesOn } from '../../../src/workflows/eligibility/eligibilityRules.js';

const version = eligibilityRulesOn(ELIGIBILITY_RULES, '2026-11-30');
const sanction = (type: string | null, decisionDate: string, status = 'IN_PUBLICITY'): EligibilityRecord => ({
  recordId: '1', kind: 'DISCIPLINARY_SANCTION', documentNumber: '深测〔2026〕1号', authorityName: null, decisionDate, severity: null, status,
  publicityEnd: null, details: type === null ? {} : { sanction: type },
});
const measure = (kind: string, imposedOn: string, closedOn: string | null, effectEndsOn: string | null): EligibilityMeasure => ({
  measureId: '7', kind, imposedOn, closedOn, effectEndsOn, status: closedOn ? 'CLOSED' : 'OPEN',
});

describe('decideEligibility (rules/eligibility-rules.json)', () => {
  // 处分影响期: 警告 6 months, 记过 12, 记大过 18, 降级/撤职 24, 开除 for ever; the period is over on the same day N months later.
  it.each([
    ['WARNING', '2026-06-01', 'INELIGIBLE', 'SANCTION_INFLUENCE_PERIOD'],
    ['WARNING', '2026-05-30', 'ELIGIBLE', 'NO_DISQUALIFYING_RECORD'],
    ['DEMERIT', '2025-12-01', 'INELIGIBLE', 'SANCTION_INFLUENCE_PERIOD'],
    ['MAJOR_DEMERIT', '2025-06-01', 'INELIGIBLE', 'SANCTION_INFLUENCE_PERIOD'],
    ['DEMOTION', '2024-11-30', 'ELIGIBLE', 'NO_DISQUALIFYING_RECORD'],
    ['DISMISSAL', '2010-01-01', 'INELIGIBLE', 'SANCTION_INFLUENCE_PERIOD'],
    [null, '2026-01-01', 'REVIEW', 'SANCTION_INFLUENCE_PERIOD'],
  ])('cadre selection on 2026-11-30 after a %s of %s: %s', (type, decided, verdict, rule) => {
    const decided_ = decideEligibility(version, version.purposes.CADRE_SELECTION, { records: [sanction(type, decided)], measures: [] }, '2026-11-30');
    expect([decided_.verdict, decided_.decidingRule.id]).toEqual([verdict, rule]);
  });

  it('a withdrawn sanction does not count', () => {
    expect(decideEligibility(version, version.purposes.CADRE_SELECTION, { records: [sanction('DEMERIT', '2026-10-01', 'WITHDRAWN')], measures: [] }, '2026-11-30').verdict).toBe('ELIGIBLE');
  });

  it.each([
    ['an open rectification order', measure('RECTIFICATION_ORDER', '2026-10-01', null, null), 'INELIGIBLE'],
    ['a rectification order closed before the day', measure('RECTIFICATION_ORDER', '2026-10-01', '2026-11-01', null), 'ELIGIBLE'],
    ['a rectification order closed after the day (asOf in the past)', measure('RECTIFICATION_ORDER', '2026-10-01', '2026-12-01', null), 'INELIGIBLE'],
    ['a closed criticism still within its 12 months of effect', measure('CIRCULATED_CRITICISM', '2026-03-01', '2026-03-02', '2027-03-01'), 'INELIGIBLE'],
    ['an interview (not a bar to awards)', measure('INTERVIEW', '2026-10-01', null, null), 'ELIGIBLE'],
    ['a measure imposed after the day', measure('RECTIFICATION_ORDER', '2026-12-01', null, null), 'ELIGIBLE'],
  ])('awards on 2026-11-30 with %s', (_what, m, verdict) => {
    expect(decideEligibility(version, version.purposes.AWARD_OR_HONOUR, { records: [], measures: [m] }, '2026-11-30').verdict).toBe(verdict);
  });
});
