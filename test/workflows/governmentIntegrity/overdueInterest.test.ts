import { describe, expect, it } from 'vitest';
import { overdueInterestOf } from '../../../src/workflows/governmentIntegrity/decidePayment.js';
import { computeOverdueInterest, computeOverdueInterestOnParts } from '../../../src/workflows/governmentIntegrity/overdueInterest.js';

// 保障中小企业款项支付条例 (Order 802) art. 17: without an agreed rate, 0.05 % a day (每日利率万分之五).
describe('computeOverdueInterest (art. 17, exact decimals)', () => {
  it.each([
    ['86.5', '0.0005', 20, '0.865'],
    ['100', '0.0005', 365, '18.25'],
    ['0.1', '0.0005', 3, '0.00015'],
    ['33.3333', '0.0003', 7, '0.07'],
    ['33.3333', '0.0005', 7, '0.116667'],
    ['12345678.1234', '0.0005', 1, '6172.839062'],
    ['86.5', '0.0005', 0, '0'],
  ])('%s 万元 at %s a day for %i days is %s 万元', (amount, rate, days, expected) => {
    expect(computeOverdueInterest(amount, rate, days)).toBe(expected);
  });

  it('never goes through floating point, where 86.5 × 0.0005 × 20 comes out as 0.8650000000000001', () => {
    expect(String(86.5 * 0.0005 * 20)).not.toBe('0.865');
    expect(computeOverdueInterest('86.5', '0.0005', 20)).toBe('0.865');
  });

  it('refuses a negative day count', () => {
    expect(() => computeOverdueInterest('1', '0.0005', -1)).toThrow('days must be a whole number ≥ 0, got -1');
  });
});

describe('overdue interest on a payment paid in parts (issue 15 item 4)', () => {
  it.each([
    // 100 万元 due 2026-09-28, 40 paid 2026-09-30, asked each day: 0.05 % a day on what was outstanding, every calendar day.
    ['2026-09-28', '0'], ['2026-09-29', '0.05'], ['2026-09-30', '0.1'], ['2026-10-01', '0.13'], ['2026-10-07', '0.31'],
  ])('on %s it is %s 万元', (asOf, interest) => {
    const payment = { paymentRule: 'SME-PAYMENT-2025', amount: '100', agreedDailyInterestRate: null, dueOn: '2026-09-28', fulfilledOn: null, payments: [{ paidOn: '2026-09-30', amount: '40' }] };
    expect(overdueInterestOf(payment, asOf).interest).toBe(interest);
  });

  it('rounds once at the end, not per part', () => {
    expect(computeOverdueInterestOnParts([{ amount: '0.000001', days: 1 }, { amount: '0.000001', days: 1 }], '0.5')).toBe('0.000001');
    expect(computeOverdueInterestOnParts([], '0.0005')).toBe('0');
  });
});
