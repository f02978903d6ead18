import { describe, expect, it } from 'vitest';
import { monthsFrom, parseMonth, parsePeriod } from '../../src/credit/period.js';
import { sumDecimals } from '../../src/credit/sumDecimals.js';

describe('periods of statistics', () => {
  it.each([
    ['2026', { unit: 'YEAR', from: '2026-01-01', to: '2026-12-31' }],
    ['2024-Q1', { unit: 'QUARTER', from: '2024-01-01', to: '2024-03-31' }],
    ['2026-Q4', { unit: 'QUARTER', from: '2026-10-01', to: '2026-12-31' }],
    ['2024-02', { unit: 'MONTH', from: '2024-02-01', to: '2024-02-29' }],
    ['2025-02', { unit: 'MONTH', from: '2025-02-01', to: '2025-02-28' }],
  ])('reads %s', (text, period) => {
    expect(parsePeriod(text, 'filter.decidedIn')).toEqual(period);
  });

  it.each(['2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-7', '26', '2026-W01', ''])('refuses %j with BAD_USER_INPUT naming the argument', (text) => {
    expect(() => parsePeriod(text, 'filter.decidedIn')).toThrow(expect.objectContaining({
      message: expect.stringContaining('Argument "filter.decidedIn"'),
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.decidedIn' },
    }));
  });

  it('takes only months where a month is asked for, and lists months across a year end', () => {
    expect(() => parseMonth('2026', 'from')).toThrow(/is not a month/);
    expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFrom('2026-02', '2026-01')).toEqual([]);
  });
});

describe('sumDecimals', () => {
  it.each([
    [['0.1', '0.2'], '0.3'],
    [['12.5', null, '0.000001'], '12.500001'],
    [['1', '2.5', '-0.5'], '3'],
    [[null, null], null],
    [[], null],
  ])('adds %j exactly to %j', (values, sum) => {
    expect(sumDecimals(values)).toBe(sum);
  });
});
