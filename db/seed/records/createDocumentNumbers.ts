import type { Random } from '../../../src/codes/index.js';
import type { SeedOrganisation } from '../SeedWorld.js';

/** Allocates document numbers that are unique per deciding authority. */
export interface DocumentNumbers {
  /** An administrative decision number: `深市监罚〔2024〕1234号` (authority abbreviation + suffix). */
  decision(authority: SeedOrganisation, suffix: string, year: number): string;
  /** A court case number in the courts' full-width form: `（2024）粤0305执1194号`, `（2023）粤03民终4567号`. */
  courtCase(court: SeedOrganisation, caseType: string, year: number): string;
}

/**
 * Creates an allocator. Each (authority, series, year) counts upwards from a random start in random
 * small steps, as real registers look when only some decisions reach the credit platform; courts
 * start higher and step further (they number every case, not just credit-relevant ones).
 */
export function createDocumentNumbers(random: Random): DocumentNumbers {
  const counters = new Map<string, number>();
  const next = (key: string, start: number, step: number): number => {
    const current = counters.get(key);
    const value = current === undefined ? random.int(1, start) : current + random.int(1, step);
    counters.set(key, value);
    return value;
  };
  return {
    decision(authority, suffix, year) {
      const series = `${authority.abbr ?? '深'}${suffix}`;
      return `${series}〔${year}〕${next(`${authority.uscc}|${series}|${year}`, 40, 3)}号`;
    },
    courtCase(court, caseType, year) {
      const series = `${court.abbr ?? '粤03'}${caseType}`;
      return `（${year}）${series}${next(`${court.uscc}|${series}|${year}`, 2_000, 9)}号`;
    },
  };
}
