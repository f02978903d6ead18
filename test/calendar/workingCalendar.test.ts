import { describe, expect, it } from 'vitest';
import { addWorkingDays, bundledCalendar, CalendarYearMissingError, isWorkingDay, nextWorkingDay, WorkingCalendar, workingDaysBetween } from '../../src/calendar/index.js';

describe('the official working-day calendar', () => {
  it('covers the years it has files for', () => {
    expect(bundledCalendar.coveredYears()).toEqual([2024, 2025, 2026]);
  });

  it.each([
    ['2025-09-30', true, 'Tuesday before National Day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'last day of the National Day / Mid-Autumn break'],
    ['2025-10-09', true, 'Thursday after the break'],
    ['2025-09-28', true, 'Sunday, make-up working day (调休上班)'],
    ['2025-10-11', true, 'Saturday, make-up working day'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2025-01-26', true, 'Sunday before Spring Festival 2025, make-up'],
    ['2025-01-28', false, 'Spring Festival eve 2025'],
    ['2026-02-13', true, 'Friday before Spring Festival 2026'],
    ['2026-02-14', true, 'Saturday, make-up working day'],
    ['2026-02-15', false, 'first day of Spring Festival 2026'],
    ['2026-02-23', false, 'Monday, last day of Spring Festival 2026'],
    ['2026-02-24', true, 'Tuesday after Spring Festival'],
    ['2026-02-28', true, 'Saturday, make-up working day'],
    ['2026-01-04', true, 'Sunday after New Year, make-up'],
    ['2026-01-02', false, "New Year's break"],
    ['2026-10-10', true, 'Saturday after National Day 2026, make-up'],
    ['2026-11-27', true, 'ordinary Friday'],
    ['2026-11-28', false, 'ordinary Saturday'],
    ['2024-02-18', true, 'Sunday after Spring Festival 2024, make-up'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2025-09-30', 1, '2025-10-09', 'one working day from the eve of National Day lands after the 8-day break'],
    ['2025-09-26', 1, '2025-09-28', 'Friday + 1 is the make-up Sunday'],
    ['2025-10-09', 2, '2025-10-11', 'Thursday + 2 reaches the make-up Saturday'],
    ['2025-10-10', 3, '2025-10-14', 'Friday + 3 counts the make-up Saturday, skips Sunday'],
    ['2026-02-12', 1, '2026-02-13', 'ordinary Thursday + 1'],
    ['2026-02-13', 1, '2026-02-14', 'Friday + 1 is the make-up Saturday'],
    ['2026-02-14', 1, '2026-02-24', 'across the 9-day Spring Festival break'],
    ['2026-02-24', 3, '2026-02-27', 'Tuesday + 3'],
    ['2026-02-26', 2, '2026-02-28', 'Thursday + 2 is the make-up Saturday'],
    ['2025-12-31', 1, '2026-01-04', 'across the New Year and into the make-up Sunday'],
    ['2026-11-27', 0, '2026-11-27', 'zero days is the same day'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-09-30', '2025-10-09', 1],
    ['2025-09-30', '2025-10-08', 0],
    ['2026-02-13', '2026-02-24', 2],
    ['2026-02-24', '2026-02-24', 0],
    ['2026-02-27', '2026-02-24', 0],
    ['2026-02-27', '2026-03-02', 2],
  ])('working days after %s up to %s: %i', (a, b, count) => {
    expect(workingDaysBetween(a, b)).toBe(count);
  });

  it.each([
    ['2025-10-01', '2025-10-09', 'National Day break: the first working day after it'],
    ['2025-09-28', '2025-09-28', 'a make-up Sunday is itself a working day'],
    ['2026-02-27', '2026-02-27', 'an ordinary Friday is itself'],
    ['2026-03-01', '2026-03-02', 'an ordinary Sunday gives the Monday'],
  ])('the first working day on or after %s is %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it('computes a year without an official file provisionally (临时推算), and refuses only a year no rule covers', () => {
    // 2027 has no notice: statutory holidays, weekends otherwise (New Year's Day Friday 1 January only).
    expect(isWorkingDay('2027-01-04')).toBe(true);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(bundledCalendar.deadline('2026-12-31', 1)).toEqual({ due: '2027-01-04', provisional: true });
    expect(bundledCalendar.deadline('2026-12-29', 2)).toEqual({ due: '2026-12-31', provisional: false });
    expect(bundledCalendar.isProvisional(2027)).toBe(true);
    expect(bundledCalendar.isProvisional(2026)).toBe(false);
    expect(bundledCalendar.countWorkingDays('2026-12-30', '2027-01-04')).toEqual({ days: 2, provisional: true });
    // Before the 2013 revision of the holiday rules (in force 2014-01-01) and after 2100 there is no calendar.
    expect(() => isWorkingDay('2013-12-31')).toThrow(CalendarYearMissingError);
    expect(() => isWorkingDay('2101-01-04')).toThrow('the working-day calendar has no official notice for 2101 (needed for 2101-01-04) and cannot compute a provisional one');
  });

  it('refuses malformed dates and bad data', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-24', -1)).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ year: 2026, source: 't', holidays: [], makeUpWorkingDays: ['2026-02-24'] }])).toThrow('make-up working day 2026-02-24 is not a weekend day');
  });
});
