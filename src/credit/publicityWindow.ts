import { readFileSync } from 'node:fs';

/** Severity of a negative record (轻微 / 一般 / 严重). */
export type Severity = 'MINOR' | 'GENERAL' | 'SERIOUS';

/** Sectors whose penalties have a longer minimum publicity under some rule versions (NDRC Order 58). */
export type PenaltySector = 'FOOD' | 'DRUGS' | 'SPECIAL_EQUIPMENT' | 'WORK_SAFETY' | 'FIRE_SAFETY';

interface Versioned {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

interface PenaltyRegime extends Versioned {
  windows: Record<Severity, { disclosed: boolean; minMonths: number; maxMonths: number }>;
  sectorMinimumMonths: Partial<Record<PenaltySector, number>>;
}

interface DefaulterRule extends Versioned {
  termMonthsByConduct: Record<string, number | null>;
  extensionMonths: { min: number; max: number };
}

interface ListRule {
  termMonths: number | null;
  termMonthsFromSource?: { min: number; max: number };
  earlyRemovalFromMonths: number | null;
}

interface ListRules extends Versioned {
  lists: Record<string, ListRule>;
  otherLists: ListRule;
}

interface FixedPeriod extends Versioned {
  kinds: string[];
  key: 'sanction' | 'measure' | null;
  months: Record<string, number | null>;
  monthsFromSource?: Record<string, { min: number; max: number }>;
}

interface PublicityRules {
  penaltyRegimes: PenaltyRegime[];
  judgmentDefaulters: DefaulterRule[];
  seriousDishonestyLists: ListRules[];
  fixedPeriods: FixedPeriod[];
  notDisclosedAsNegative: string[];
}

const rules = JSON.parse(
  readFileSync(new URL('./rules/publicity-rules.json', import.meta.url), 'utf8'),
) as PublicityRules;

/** What decides a record's publicity window. Which fields a kind needs is said in each field's comment. */
export interface PublicityInput {
  kind: string;
  /** The decision date; for list entries and judgment defaulters the listing (publication) date. YYYY-MM-DD. */
  decisionDate: string;
  /** ADMINISTRATIVE_PENALTY: the severity of the decision. */
  severity?: Severity | null;
  /** Sanctions (GOVERNMENT_SANCTION, DISCIPLINARY_SANCTION, PARTY_DISCIPLINE): the sanction type. */
  sanction?: string | null;
  /** ACCOUNTABILITY: the measure (INSPECTION, CIRCULATED_CRITICISM, ADMONISHMENT…). */
  measure?: string | null;
  /** ADMINISTRATIVE_PENALTY: sectors with a longer minimum publicity (derivePenaltySectors). */
  sectors?: readonly PenaltySector[];
  /** JUDGMENT_DEFAULTER: the dishonest conduct (one of the six situations of SPC provisions art. 1). */
  conduct?: string | null;
  /** JUDGMENT_DEFAULTER: an extension of the listing decided by the court, in months (1-3 years). */
  extensionMonths?: number | null;
  /** SERIOUS_DISHONESTY: the list (catalogue item code) the entry is on. */
  listCode?: string | null;
  /** A term set by the decision where the rule leaves a range: procurement ban months, Party probation months. */
  termMonths?: number | null;
  /** The source's deletion or removal date (court deletion, list removal): the window ends on it. */
  removedOn?: string | null;
}

/** The window a rule version sets. */
export interface PublicityWindow {
  start: string;
  /** Credit repair or early removal may be applied for from this day; null when the record has none. */
  minimumEnd: string | null;
  /** Disclosure stops after this day; null: until the source deletes it (or, for dismissal, never). */
  end: string | null;
  /** End of the listing term set by the rule (defaulters, lists), before any deletion; null when none. */
  termEnd: string | null;
  /** False when the rule says the record is not published at all (2026 measures: minor information). */
  disclosed: boolean;
  ruleVersion: string;
}

/** Adds calendar months to an ISO date, clamping to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The version in force on `date`: the latest whose effectiveFrom is on or before it, else the earliest. */
function inForce<T extends { effectiveFrom: string }>(versions: readonly T[], date: string): T | undefined {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((v) => v.effectiveFrom <= date).at(-1) ?? sorted[0];
}

// A term the source sets within the rule's range (procurement ban, probation); an error names the range.
function termWithin(range: { min: number; max: number }, months: number | null | undefined, what: string): number {
  if (months === null || months === undefined || !Number.isInteger(months) || months < range.min || months > range.max) {
    throw new Error(`${what} needs a term of ${range.min}-${range.max} months from its decision; got ${months ?? 'none'}`);
  }
  return months;
}

// The window ends on the source's removal date when it has one, else at the term's end.
function ending(start: string, termEnd: string | null, removedOn: string | null | undefined): string | null {
  if (removedOn) return removedOn < start ? start : removedOn;
  return termEnd;
}

function defaulterWindow(input: PublicityInput): PublicityWindow {
  const rule = inForce(rules.judgmentDefaulters, input.decisionDate);
  if (!rule) throw new Error('publicity-rules.json lists no judgment-defaulter rule');
  const conduct = input.conduct ?? '';
  if (!(conduct in rule.termMonthsByConduct)) {
    throw new Error(`JUDGMENT_DEFAULTER needs its dishonest conduct, one of ${Object.keys(rule.termMonthsByConduct).join(', ')}; got ${conduct || 'none'}`);
  }
  const term = rule.termMonthsByConduct[conduct] ?? null;
  const extension = input.extensionMonths ? termWithin(rule.extensionMonths, input.extensionMonths, 'an extended listing') : 0;
  const termEnd = term === null ? null : addMonths(input.decisionDate, term + extension);
  // Never repairable: the listing ends by the court's deletion (art. 10), which the source reports.
  return { start: input.decisionDate, minimumEnd: null, end: ending(input.decisionDate, null, input.removedOn), termEnd, disclosed: true, ruleVersion: rule.version };
}

function listWindow(input: PublicityInput): PublicityWindow {
  const version = inForce(rules.seriousDishonestyLists, input.decisionDate);
  if (!version) throw new Error('publicity-rules.json lists no serious-dishonesty list rule');
  const list = (input.listCode && version.lists[input.listCode]) || version.otherLists;
  const months = list.termMonths ?? termWithin(list.termMonthsFromSource ?? { min: 0, max: 0 }, input.termMonths, `an entry on list ${input.listCode}`);
  const termEnd = addMonths(input.decisionDate, months);
  const minimumEnd = list.earlyRemovalFromMonths === null ? null : addMonths(input.decisionDate, list.earlyRemovalFromMonths);
  return { start: input.decisionDate, minimumEnd, end: ending(input.decisionDate, termEnd, input.removedOn), termEnd, disclosed: true, ruleVersion: version.version };
}

function fixedWindow(fixed: FixedPeriod, input: PublicityInput): PublicityWindow {
  const key = fixed.key === null ? 'DEFAULT' : input[fixed.key] ?? '';
  if (!(key in fixed.months)) {
    throw new Error(`${input.kind} needs a ${fixed.key ?? 'type'}, one of ${Object.keys(fixed.months).join(', ')}; got ${key || 'none'}`);
  }
  const range = fixed.monthsFromSource?.[key];
  const months = range && input.termMonths != null ? termWithin(range, input.termMonths, `${input.kind} ${key}`) : fixed.months[key] ?? null;
  const end = months === null ? null : addMonths(input.decisionDate, months);
  // Periods of influence end by themselves; no repair shortens them.
  return { start: input.decisionDate, minimumEnd: null, end: ending(input.decisionDate, end, input.removedOn), termEnd: end, disclosed: true, ruleVersion: fixed.version };
}

function penaltyWindow(input: PublicityInput): PublicityWindow {
  if (!input.severity) throw new Error(`${input.kind} records need a severity (MINOR, GENERAL or SERIOUS)`);
  const regime = inForce(rules.penaltyRegimes, input.decisionDate);
  if (!regime) throw new Error('publicity-rules.json lists no penalty regime');
  const window = regime.windows[input.severity];
  const sectorMinimum = Math.max(0, ...(input.sectors ?? []).map((s) => regime.sectorMinimumMonths[s] ?? 0));
  const minMonths = window.disclosed ? Math.max(window.minMonths, sectorMinimum) : 0;
  const maxMonths = window.disclosed ? Math.max(window.maxMonths, minMonths) : 0;
  const end = addMonths(input.decisionDate, maxMonths);
  return {
    start: input.decisionDate, minimumEnd: addMonths(input.decisionDate, minMonths), end, termEnd: end,
    disclosed: window.disclosed, ruleVersion: regime.version,
  };
}

/**
 * Computes a negative record's publicity window from the rule version in force on its decision date, by kind:
 * penalties by severity and sector, judgment defaulters by conduct until the court's deletion, list entries by
 * their list's term and removal, sanctions and accountability by their fixed periods. Returns null for kinds
 * not disclosed as negative records (licences, commendations, commitments). Throws an Error naming the missing
 * input (severity, conduct, sanction, measure, term) when a record lacks what its kind needs.
 */
export function publicityWindow(input: PublicityInput): PublicityWindow | null {
  if (rules.notDisclosedAsNegative.includes(input.kind)) return null;
  if (input.kind === 'JUDGMENT_DEFAULTER') return defaulterWindow(input);
  if (input.kind === 'SERIOUS_DISHONESTY') return listWindow(input);
  const fixed = inForce(rules.fixedPeriods.filter((p) => p.kinds.includes(input.kind)), input.decisionDate);
  if (fixed) return fixedWindow(fixed, input);
  return penaltyWindow(input);
}
