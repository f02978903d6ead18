import { describe, expect, it } from 'vitest';
import { computeProvisionalYear, loadHolidayYears, statutoryVersionFor } from '../../src/calendar/index.js';

const official = new Map(loadHolidayYears().map((year) => [year.year, year]));

describe('provisional calendars from the statutory holidays (全国年节及纪念日放假办法)', () => {
  it('computes 2027 under the 2024 revision: Spring Festival eve 5 February (lunar new year 6 February) to 8 February', () => {
    expect(computeProvisionalYear(2027)).toEqual({
      year: 2027,
      source: expect.stringMatching(/^src\/calendar\/rules\/statutory-holidays\.json HOLIDAYS-2025 \(全国年节及纪念日放假办法, as revised by State Council Order 795.*provisional \(临时推算\) until the State Council's notice for 2027 is added$/),
      holidays: [
        { name: '元旦 New Year\'s Day', from: '2027-01-01', to: '2027-01-01' },
        { name: '春节 Spring Festival', from: '2027-02-05', to: '2027-02-08' },
        { name: '清明节 Qingming', from: '2027-04-05', to: '2027-04-05' },
        { name: '劳动节 Labour Day', from: '2027-05-01', to: '2027-05-02' },
        { name: '端午节 Dragon Boat Festival', from: '2027-06-09', to: '2027-06-09' },
        { name: '中秋节 Mid-Autumn Festival', from: '2027-09-15', to: '2027-09-15' },
        { name: '国庆节 National Day', from: '2027-10-01', to: '2027-10-03' },
      ],
      makeUpWorkingDays: [],
      provisional: true,
    });
  });

  // The official notices arrange every statutory day off inside a holiday range: a wrong lunar date or solar
  // term would fall outside. 2024 is checked against the 2013 revision (3 days of Spring Festival, 1 of Labour Day).
  it.each([2024, 2025, 2026])('puts every statutory holiday of %i inside the official notice\'s ranges', (year) => {
    const notice = official.get(year)!;
    const outside = computeProvisionalYear(year)!.holidays.flatMap(({ name, from, to }) => {
      const days: string[] = [];
      for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
      return days.filter((day) => !notice.holidays.some((h) => h.from <= day && day <= h.to)).map((day) => `${name} ${day}`);
    });
    expect(outside).toEqual([]);
  });

  it.each([
    [2024, 'HOLIDAYS-2014'],
    [2025, 'HOLIDAYS-2025'],
    [2100, 'HOLIDAYS-2025'],
  ])('uses the version in force on 1 January %i: %s', (year, id) => {
    expect(statutoryVersionFor(year)?.id).toBe(id);
  });

  it('has no provisional year before the 2013 revision took effect or past the library range', () => {
    expect(computeProvisionalYear(2013)).toBeNull();
    expect(computeProvisionalYear(2101)).toBeNull();
  });
});
