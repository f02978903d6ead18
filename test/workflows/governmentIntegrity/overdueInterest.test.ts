import { describe, expect, it } from 'vitest';
import { computeOverdueInterest } from '../../../src/workflows/governmentIntegrity/overdueInterest.js';

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
