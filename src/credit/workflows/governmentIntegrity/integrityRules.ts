import { readFileSync } from 'node:fs';

interface CommitmentRules {
  payment: { defaultTermDays: number; maxTermDays: number };
  complaintTransitions: Record<string, string[]>;
}

/** The government integrity rule table (rules/commitment-rules.json), read once. */
export const INTEGRITY_RULES: CommitmentRules = JSON.parse(readFileSync(new URL('./rules/commitment-rules.json', import.meta.url), 'utf8')) as CommitmentRules;

/** Adds `days` calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The months from `from` to `to` inclusive (YYYY-MM each); empty when `to` precedes `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
