import { readFileSync } from 'node:fs';

/** How a payment term is counted: from delivery (交付), acceptance (验收) or the confirmed settlement (结算). */
export type PaymentTermStart = 'DELIVERY' | 'ACCEPTANCE' | 'SETTLEMENT';

/** One version of the SME payment rules (保障中小企业款项支付条例), in force from `effectiveFrom` to `effectiveTo`. */
export interface SmePaymentRule {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  payerPrefixes: string[];
  defaultTermDays: number;
  maxTermDays: number;
  termStarts: Record<PaymentTermStart, string>;
  overdueInterest: { defaultDailyRate: string; article: string };
}

/** One version of the zero-growth indicator's definition. */
export interface ZeroGrowthRule {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  recordKind: string;
  countedSubjectPrefixes: string[];
  reportedSubjectPrefixes: string[];
}

/** One version of how the hub follows the court's judgment-defaulter list (rules/defaulter-list-rules.json). */
export interface DefaulterListRule {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  catalogItemCode: string;
  openCaseForPrefixes: string[];
  notifySuperiorWithinWorkingDays: number;
  caseNumberFormat: string;
  caseNumberExample: string;
}

/** What declaring a commitment broken creates (commitment-rules.json `brokenPromises`). */
export interface BrokenPromiseRule {
  effectiveFrom: string;
  legalBasis: string;
  recordKind: string;
  catalogItemCode: string;
  fromStatuses: string[];
}

interface CommitmentRules {
  commitments: { effectiveFrom: string; legalBasis: string; bodyPrefixes: string[] };
  brokenPromises: BrokenPromiseRule;
  smePayment: { versions: SmePaymentRule[] };
  complaints: { effectiveFrom: string; legalBasis: string; transitions: Record<string, string[]> };
}

const readRules = <T>(file: string): T => JSON.parse(readFileSync(new URL(`./rules/${file}`, import.meta.url), 'utf8')) as T;

/** The government integrity rule table (rules/commitment-rules.json), read once. */
export const INTEGRITY_RULES: CommitmentRules = readRules<CommitmentRules>('commitment-rules.json');

/** The zero-growth indicator's definitions (rules/zero-growth-rules.json), read once. */
export const ZERO_GROWTH_RULES: ZeroGrowthRule[] = readRules<{ versions: ZeroGrowthRule[] }>('zero-growth-rules.json').versions;

/** The defaulter-list rules (rules/defaulter-list-rules.json), read once. */
export const DEFAULTER_LIST_RULES: DefaulterListRule[] = readRules<{ versions: DefaulterListRule[] }>('defaulter-list-rules.json').versions;

const inForce = <R extends { effectiveFrom: string; effectiveTo: string | null }>(versions: readonly R[], on: string): R | null =>
  versions.find((v) => v.effectiveFrom <= on && (v.effectiveTo === null || on <= v.effectiveTo)) ?? null;

/** The SME payment rule in force on `contractDate` (YYYY-MM-DD), or null before the first one. */
export function smePaymentRuleOn(contractDate: string): SmePaymentRule | null {
  return inForce(INTEGRITY_RULES.smePayment.versions, contractDate);
}

/** The SME payment rule with this version id, or null (a payment no version governs). */
export function smePaymentRuleById(version: string | null): SmePaymentRule | null {
  return INTEGRITY_RULES.smePayment.versions.find((v) => v.version === version) ?? null;
}

/** The zero-growth definition in force on `day`, or null before the policy. */
export function zeroGrowthRuleOn(day: string): ZeroGrowthRule | null {
  return inForce(ZERO_GROWTH_RULES, day);
}

/** The defaulter-list rule in force on `day`, or null before the first one. */
export function defaulterListRuleOn(day: string): DefaulterListRule | null {
  return inForce(DEFAULTER_LIST_RULES, day);
}

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
