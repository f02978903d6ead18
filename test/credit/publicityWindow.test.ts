import { describe, expect, it } from 'vitest';
import { publicityWindow } from '../../src/credit/publicityWindow.js';

describe('publicityWindow: judgment defaulters (最高人民法院关于公布失信被执行人名单信息的若干规定, 2017)', () => {
  it('ends a listing on the court\'s deletion, not after 24 months (art. 2, art. 10)', () => {
    expect(publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: '2021-03-15', conduct: 'VIOLATES_PROPERTY_REPORTING', removedOn: '2024-01-10' })).toEqual({
      start: '2021-03-15', minimumEnd: null, end: '2024-01-10', termEnd: '2023-03-15', disclosed: true, ruleVersion: 'SPC-DEFAULTER-2017',
    });
  });

  it('keeps a listing whose 2-year term has run open until the court deletes it (art. 10: deletion within 3 working days)', () => {
    expect(publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: '2021-03-15', conduct: 'BREACHES_SETTLEMENT' })).toMatchObject({ end: null, termEnd: '2023-03-15' });
  });

  it('gives refusal despite ability no term (art. 1(1), art. 2)', () => {
    expect(publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: '2020-05-06', conduct: 'HAS_ABILITY_BUT_REFUSES' })).toMatchObject({ minimumEnd: null, end: null, termEnd: null });
  });

  it('extends a term by 1-3 years and rejects any other extension (art. 2)', () => {
    expect(publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: '2021-03-15', conduct: 'OBSTRUCTS_ENFORCEMENT', extensionMonths: 12 })).toMatchObject({ termEnd: '2024-03-15' });
    expect(() => publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: '2021-03-15', conduct: 'OBSTRUCTS_ENFORCEMENT', extensionMonths: 48 }))
      .toThrow('an extended listing needs a term of 12-36 months from its decision; got 48');
    expect(() => publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: '2021-03-15' })).toThrow(/needs its dishonest conduct, one of HAS_ABILITY_BUT_REFUSES/);
  });
});

describe('publicityWindow: administrative penalties', () => {
  it('applies the 2019 regime (发改办财金〔2019〕527号) from 2019-07-01: serious 6 months - 3 years', () => {
    expect(publicityWindow({ kind: 'ADMINISTRATIVE_PENALTY', decisionDate: '2019-07-01', severity: 'SERIOUS' })).toMatchObject({
      ruleVersion: 'NDRC-2019-527', minimumEnd: '2020-01-01', end: '2022-07-01',
    });
  });

  it.each(['FOOD', 'DRUGS', 'SPECIAL_EQUIPMENT', 'WORK_SAFETY', 'FIRE_SAFETY'] as const)(
    'gives a %s penalty a minimum of 1 year under NDRC Order 58 (2023-05-01)', (sector) => {
      expect(publicityWindow({ kind: 'ADMINISTRATIVE_PENALTY', decisionDate: '2024-02-01', severity: 'GENERAL', sectors: [sector] })).toMatchObject({
        ruleVersion: 'NDRC-ORDER-58-2023', minimumEnd: '2025-02-01', end: '2027-02-01',
      });
    });

  it.each([
    ['MINOR', false, '2026-05-01', '2026-05-01'],
    ['GENERAL', true, '2026-08-01', '2027-05-01'],
    ['SERIOUS', true, '2027-05-01', '2029-05-01'],
  ] as const)('under the 2026 Credit Repair Measures a %s penalty is disclosed: %s, minimum %s, maximum %s', (severity, disclosed, minimumEnd, end) => {
    expect(publicityWindow({ kind: 'ADMINISTRATIVE_PENALTY', decisionDate: '2026-05-01', severity, sectors: ['WORK_SAFETY'] })).toEqual({
      start: '2026-05-01', minimumEnd, end, termEnd: end, disclosed, ruleVersion: 'CREDIT-REPAIR-2026',
    });
  });
});

describe('publicityWindow: other kinds use their own periods, not the penalty windows', () => {
  it.each([
    ['ADMONISHMENT', '2026-01-10'], ['INSPECTION', '2026-01-10'], ['CIRCULATED_CRITICISM', '2026-01-10'], ['ORGANISATIONAL_ADJUSTMENT', '2026-07-10'],
  ] as const)('an accountability measure %s lasts until %s (中国共产党问责条例 art. 8; 诫勉 6 months)', (measure, end) => {
    expect(publicityWindow({ kind: 'ACCOUNTABILITY', decisionDate: '2025-07-10', measure, severity: 'SERIOUS' })).toEqual({
      start: '2025-07-10', minimumEnd: null, end, termEnd: end, disclosed: true, ruleVersion: 'ACCOUNTABILITY-2019',
    });
  });

  it.each([
    ['WARNING', '2025-07-10'], ['DEMERIT', '2026-01-10'], ['MAJOR_DEMERIT', '2026-07-10'], ['DEMOTION', '2027-01-10'], ['REMOVAL_FROM_POST', '2027-01-10'], ['DISMISSAL', null],
  ] as const)('a civil-service sanction %s ends on %s (公务员法 art. 64)', (sanction, end) => {
    expect(publicityWindow({ kind: 'DISCIPLINARY_SANCTION', decisionDate: '2025-01-10', sanction })).toMatchObject({ end, minimumEnd: null, ruleVersion: 'CIVIL-SERVICE-SANCTIONS-2019' });
  });

  it.each([
    ['PARTY_WARNING', null, '2026-01-10'], ['SERIOUS_PARTY_WARNING', null, '2026-07-10'], ['REMOVAL_FROM_PARTY_POST', null, '2027-01-10'],
    ['PARTY_PROBATION', 12, '2026-01-10'], ['PARTY_PROBATION', null, '2027-01-10'], ['EXPULSION_FROM_PARTY', null, '2030-01-10'],
  ] as const)('Party discipline %s (term %s) has its effect until %s (中国共产党纪律处分条例)', (sanction, termMonths, end) => {
    expect(publicityWindow({ kind: 'PARTY_DISCIPLINE', decisionDate: '2025-01-10', sanction, termMonths })).toMatchObject({ end, minimumEnd: null, ruleVersion: 'PARTY-DISCIPLINE-2018' });
  });

  it('runs a procurement ban for the term of its decision, 1-3 years (Government Procurement Law art. 77)', () => {
    expect(publicityWindow({ kind: 'SERIOUS_DISHONESTY', decisionDate: '2025-06-01', listCode: 'SZ-YZSX-CZJ-001', termMonths: 36 })).toMatchObject({ minimumEnd: null, end: '2028-06-01' });
    expect(() => publicityWindow({ kind: 'SERIOUS_DISHONESTY', decisionDate: '2025-06-01', listCode: 'SZ-YZSX-CZJ-001' }))
      .toThrow('an entry on list SZ-YZSX-CZJ-001 needs a term of 12-36 months from its decision; got none');
  });

  it('ends a judgment after its own period whatever its severity (project assumption: 3 years)', () => {
    expect(publicityWindow({ kind: 'JUDICIAL_JUDGMENT', decisionDate: '2024-04-02', severity: 'MINOR' })).toMatchObject({ minimumEnd: null, end: '2027-04-02', ruleVersion: 'JUDGMENT-DISCLOSURE-ASSUMPTION' });
  });
});
