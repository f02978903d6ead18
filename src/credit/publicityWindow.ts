import { readFileSync } from 'node:fs';

/** Severity of a negative record (轻微 / 一般 / 严重). */
export type Severity = 'MINOR' | 'GENERAL' | 'SERIOUS';

/** Sectors whose penalties have a longer minimum publicity under some rule versions. */
export type PenaltySector = 'SPECIAL_EQUIPMENT' | 'WORK_SAFETY' | 'FIRE_SAFETY';

interface SeverityRegime {
  version: string;
  effectiveFrom: string;
  windows: Record<Severity, { minMonths: number; maxMonths: number }>;
  sectorMinimumMonths: Partial<Record<PenaltySector, number>>;
}

interface FixedPeriod {
  version: string;
  effectiveFrom: string;
  kinds: string[];
  months: Record<string, number | null>;
}

interface PublicityRules {
  severityRegimes: SeverityRegime[];
  fixedPeriods: FixedPeriod[];
  notDisclosedAsNegative: string[];
}

const rules = JSON.parse(
  readFileSync(new URL('./rules/publicity-rules.json', import.meta.url), 'utf8'),
) as PublicityRules;

/** What decides a record's publicity window. */
export interface PublicityInput {
  kind: string;
  decisionDate: string; // YYYY-MM-DD
  severity?: Severity | null;
  /** For civil-servant sanctions: WARNING, DEMERIT, MAJOR_DEMERIT, DEMOTION, REMOVAL_FROM_POST, DISMISSAL. */
  sanction?: string | null;
  sectors?: PenaltySector[];
}

/** The window a rule version sets: repair may be applied for from `minimumEnd`; disclosure stops at `end`. */
export interface PublicityWindow {
  start: string;
  minimumEnd: string;
  end: string | null;
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
function inForce<T extends { effectiveFrom: string }>(versions: T[], date: string): T | undefined {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((v) => v.effectiveFrom <= date).at(-1) ?? sorted[0];
}

/**
 * Computes a negative record's publicity window from the rule version in force on its decision date.
 * Returns null for kinds that are not disclosed as negative records (licences, commendations,
 * commitments). Throws an Error naming the missing input when a negative record has no severity.
 */
export function publicityWindow(input: PublicityInput): PublicityWindow | null {
  if (rules.notDisclosedAsNegative.includes(input.kind)) return null;
  const fixed = inForce(rules.fixedPeriods.filter((p) => p.kinds.includes(input.kind)), input.decisionDate);
  if (fixed) {
    const key = input.sanction ?? 'DEFAULT';
    if (!(key in fixed.months)) {
      throw new Error(`${input.kind} needs a sanction type, one of ${Object.keys(fixed.months).join(', ')}; got ${key}`);
    }
    const months = fixed.months[key] ?? null;
    return {
      start: input.decisionDate,
      minimumEnd: months === null ? input.decisionDate : addMonths(input.decisionDate, months),
      end: months === null ? null : addMonths(input.decisionDate, months),
      ruleVersion: fixed.version,
    };
  }
  if (!input.severity) throw new Error(`${input.kind} records need a severity (MINOR, GENERAL or SERIOUS)`);
  const regime = inForce(rules.severityRegimes, input.decisionDate);
  if (!regime) throw new Error('publicity-rules.json lists no severity regime');
  const window = regime.windows[input.severity];
  const sectorMinimum = Math.max(0, ...(input.sectors ?? []).map((s) => regime.sectorMinimumMonths[s] ?? 0));
  const minMonths = Math.max(window.minMonths, sectorMinimum);
  return {
    start: input.decisionDate,
    minimumEnd: addMonths(input.decisionDate, minMonths),
    end: addMonths(input.decisionDate, Math.max(window.maxMonths, minMonths)),
    ruleVersion: regime.version,
  };
}
