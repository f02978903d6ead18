/* The months the page covers: the twelve months up to the current month in Shanghai (Asia/Shanghai). */

const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/** "YYYY-MM" of `date` in Shanghai. */
export function shanghaiMonth(date) {
  const parts = Object.fromEntries(MONTH.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}`;
}

/** The month `count` months after "YYYY-MM" (negative: before). */
export function addMonths(month, count) {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `{ from, to }`: the twelve months ending with the current Shanghai month, as "YYYY-MM". */
export function monthWindow(now) {
  const to = shanghaiMonth(now);
  return { from: addMonths(to, -11), to };
}

/** Every "YYYY-MM" from `from` to `to`, both included, oldest first. */
export function monthsBetween(from, to) {
  const months = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The first day ("YYYY-MM-DD") of "YYYY-MM". */
export function firstDay(month) {
  return `${month}-01`;
}

/** The last day ("YYYY-MM-DD") of "YYYY-MM". */
export function lastDay(month) {
  const [year, number] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** The last quarter ("YYYY-Qn") that ended before `now`'s day in Shanghai: on 2026-11-30, "2026-Q3". */
export function lastCompleteQuarter(now) {
  const [year, month] = shanghaiMonth(now).split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3); // the current quarter 0-based, which is the last complete one 1-based
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

/** The quarter before "YYYY-Qn": "2026-Q1" → "2025-Q4". */
export function previousQuarter(period) {
  const [year, quarter] = period.split('-Q').map(Number);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}
