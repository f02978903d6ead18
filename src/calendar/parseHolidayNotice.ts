import type { HolidayYear } from './workingCalendar.js';

/** A holiday notice file that cannot be used: `field` names the offending field (e.g. `holidays[2].to`). */
export class HolidayNoticeError extends Error {
  override name = 'HolidayNoticeError';
  constructor(readonly field: string, problem: string) {
    super(`${field}: ${problem}`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TOP_LEVEL = ['year', 'source', 'holidays', 'makeUpWorkingDays'];
const HOLIDAY_KEYS = ['name', 'from', 'to'];

function isDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function date(field: string, value: unknown, year: number): string {
  if (!isDate(value)) throw new HolidayNoticeError(field, `must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  if (!value.startsWith(`${year}-`)) throw new HolidayNoticeError(field, `${value} is not in ${year}; a notice arranges its own year only`);
  return value;
}

function text(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new HolidayNoticeError(field, 'must be a non-empty string');
  return value.trim();
}

function onlyKeys(field: string, value: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new HolidayNoticeError(`${field}${field ? '.' : ''}${extra[0]}`, `is not a field of a holiday notice (allowed: ${allowed.join(', ')})`);
}

const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * Validates a transcribed State Council holiday notice (国务院办公厅关于部分节假日安排的通知) for `year`, strictly:
 * `year` matches, `source` names the notice, every holiday has a name and an ordered range inside the year, ranges
 * do not overlap, make-up working days (调休上班) are weekend days of the year outside every holiday, no unknown
 * field. Returns the year as the calendar uses it; throws HolidayNoticeError naming the first bad field.
 */
export function parseHolidayNotice(value: unknown, year: number): HolidayYear {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HolidayNoticeError('(file)', 'must be a JSON object with year, source, holidays and makeUpWorkingDays');
  const notice = value as Record<string, unknown>;
  onlyKeys('', notice, TOP_LEVEL);
  if (notice.year !== year) throw new HolidayNoticeError('year', `must be ${year} (the year being added), got ${JSON.stringify(notice.year)}`);
  const source = text('source', notice.source);
  if (!Array.isArray(notice.holidays) || notice.holidays.length === 0) throw new HolidayNoticeError('holidays', 'must be a non-empty list of { name, from, to }');
  const holidays = notice.holidays.map((entry: unknown, i) => {
    const field = `holidays[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new HolidayNoticeError(field, 'must be an object { name, from, to }');
    const holiday = entry as Record<string, unknown>;
    onlyKeys(field, holiday, HOLIDAY_KEYS);
    const name = text(`${field}.name`, holiday.name);
    const from = date(`${field}.from`, holiday.from, year);
    const to = date(`${field}.to`, holiday.to, year);
    if (to < from) throw new HolidayNoticeError(`${field}.to`, `${to} is before ${field}.from ${from}; a range runs from its first to its last day off`);
    return { name, from, to };
  });
  const sorted = [...holidays].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]!.from <= sorted[i - 1]!.to) {
      throw new HolidayNoticeError(`holidays[${holidays.indexOf(sorted[i]!)}].from`, `${sorted[i]!.name} overlaps ${sorted[i - 1]!.name} (to ${sorted[i - 1]!.to}); merge them into one range`);
    }
  }
  if (!Array.isArray(notice.makeUpWorkingDays)) throw new HolidayNoticeError('makeUpWorkingDays', 'must be a list of dates (an empty list when the notice has none)');
  const seen = new Set<string>();
  const makeUpWorkingDays = notice.makeUpWorkingDays.map((entry: unknown, i) => {
    const field = `makeUpWorkingDays[${i}]`;
    const day = date(field, entry, year);
    if (weekday(day) !== 0 && weekday(day) !== 6) throw new HolidayNoticeError(field, `${day} is not a Saturday or Sunday; a make-up working day (调休上班) is a weekend day`);
    if (holidays.some((h) => h.from <= day && day <= h.to)) throw new HolidayNoticeError(field, `${day} lies inside a holiday range`);
    if (seen.has(day)) throw new HolidayNoticeError(field, `${day} is listed twice`);
    seen.add(day);
    return day;
  });
  return { year, source, holidays, makeUpWorkingDays };
}
