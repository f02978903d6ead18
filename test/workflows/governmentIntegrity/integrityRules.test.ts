import { describe, expect, it } from 'vitest';
import { decidePayment } from '../../../src/workflows/governmentIntegrity/decidePayment.js';
import { INTEGRITY_RULES, smePaymentRuleOn, ZERO_GROWTH_RULES, zeroGrowthRuleOn } from '../../../src/workflows/governmentIntegrity/integrityRules.js';

const GOV = '11440305003219403F';
const INSTITUTION = '12440300MB2C92051R';

describe('SME payment rules by effective date (commitment-rules.json)', () => {
  it.each([
    ['2020-08-31', null],
    ['2020-09-01', 'SME-PAYMENT-2020'],
    ['2025-05-31', 'SME-PAYMENT-2020'],
    ['2025-06-01', 'SME-PAYMENT-2025'],
    ['2031-01-01', 'SME-PAYMENT-2025'],
  ])('a contract signed on %s falls under %s', (on, version) => {
    expect(smePaymentRuleOn(on)?.version ?? null).toBe(version);
  });

  it('every rule table carries its legal basis and an effective date', () => {
    for (const part of [INTEGRITY_RULES.commitments, INTEGRITY_RULES.complaints, ...INTEGRITY_RULES.smePayment.versions, ...ZERO_GROWTH_RULES]) {
      expect(part.legalBasis).toMatch(/\S/);
      expect(part.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('Order 802 art. 2 and 9: public institutions pay SMEs within 30 days of delivery', () => {
    expect(decidePayment({ bodyUscc: INSTITUTION, promisedOn: '2026-02-01', deliveredOn: '2026-03-01', counterpartySme: true })).toEqual({
      paymentRule: 'SME-PAYMENT-2025', termRunsFrom: 'DELIVERY', paymentTermDays: 30, dueOn: '2026-03-31',
    });
  });

  it('Order 802 art. 9: at most 60 days by agreement', () => {
    expect(decidePayment({ bodyUscc: GOV, promisedOn: '2026-02-01', deliveredOn: '2026-03-01', paymentTermDays: 60, counterpartySme: true }).dueOn).toBe('2026-04-30');
    expect(() => decidePayment({ bodyUscc: GOV, promisedOn: '2026-02-01', deliveredOn: '2026-03-01', paymentTermDays: 61, counterpartySme: true }))
      .toThrow('input.paymentTermDays: must be 1 to 60 days');
  });

  it('Order 802 art. 10: the term runs from acceptance where the contract says so, never from before delivery', () => {
    expect(decidePayment({ bodyUscc: GOV, promisedOn: '2026-02-01', deliveredOn: '2026-03-01', termRunsFrom: 'ACCEPTANCE', acceptedOn: '2026-03-20', counterpartySme: true }).dueOn).toBe('2026-04-19');
    expect(() => decidePayment({ bodyUscc: GOV, promisedOn: '2026-02-01', deliveredOn: '2026-03-01', termRunsFrom: 'ACCEPTANCE', acceptedOn: '2026-02-20', counterpartySme: true }))
      .toThrow('input.acceptedOn: must not be before the delivery date 2026-03-01');
  });

  it('Order 802 art. 3: the SME status must be recorded', () => {
    expect(() => decidePayment({ bodyUscc: GOV, promisedOn: '2026-02-01', deliveredOn: '2026-03-01' })).toThrow(/^input\.counterpartySme: /);
  });

  it('a public institution owes commitments like a body (issue 15): before the regulation (2020-09-01) its payment keeps the contract\'s due date', () => {
    expect(decidePayment({ bodyUscc: INSTITUTION, promisedOn: '2019-02-01', dueOn: '2019-06-01', counterpartySme: true }))
      .toEqual({ paymentRule: null, termRunsFrom: null, paymentTermDays: null, dueOn: '2019-06-01' });
  });
});

describe('zero-growth definition by effective date (zero-growth-rules.json, guiding opinion 三.4)', () => {
  it('starts with the policy of 2020-10-29 and counts Party and government organs only (USCC 11…)', () => {
    expect(zeroGrowthRuleOn('2020-10-28')).toBeNull();
    expect(zeroGrowthRuleOn('2020-10-31')).toMatchObject({ version: 'ZERO-GROWTH-2020', recordKind: 'JUDGMENT_DEFAULTER', countedSubjectPrefixes: ['11'], reportedSubjectPrefixes: ['12'] });
  });
});
