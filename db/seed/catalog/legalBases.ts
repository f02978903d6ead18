import { readSeedJson } from '../readSeedJson.js';

/** Penalty categories of the Administrative Penalty Law art. 9, as records store them in `penaltyCategories`. */
export type PenaltyCategory =
  | 'WARNING_CRITICISM' | 'FINE_CONFISCATION' | 'PERMIT_SUSPENSION_REVOCATION'
  | 'BUSINESS_RESTRICTION_CLOSURE' | 'ADMINISTRATIVE_DETENTION' | 'OTHER';

/** What an article allows as penalty: the fine range in 万元 (null: no fine) and the other measures. */
export interface PenaltyRange {
  fineMinWan: number | null;
  fineMaxWan: number | null;
  fineMandatory: boolean;
  nonFineMeasures: Exclude<PenaltyCategory, 'FINE_CONFISCATION'>[];
}

/** One entry of `catalog/legalBases.json`: a law or an article, the years it applies, its penalty range. */
export interface LegalBasisRule {
  basis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  issuingBodies?: string[];
  penalty?: PenaltyRange;
  predecessor?: string;
  source: string;
  check?: string;
}

/** Looks up legal bases by the text a record cites. */
export interface LegalBases {
  readonly rules: readonly LegalBasisRule[];
  /** The entries of the longest `basis` that begins `citation` (one per version), or [] when none does. */
  entriesFor(citation: string): readonly LegalBasisRule[];
  /** The entry that governs `citation` on `date`, or null when the citation is known but not in force then. */
  inForce(citation: string, date: string): LegalBasisRule | null;
  /**
   * What to cite for `citation` on `date`: itself when in force, else its predecessors in turn; null when
   * nothing in the chain is in force (the case cannot be decided on that date). Unknown citations throw.
   */
  citationOn(citation: string, date: string): string | null;
}

const inRange = (rule: LegalBasisRule, date: string): boolean =>
  rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo);

/** Builds the lookup over `rules` (as read from the file). */
export function createLegalBases(rules: readonly LegalBasisRule[]): LegalBases {
  const byBasis = new Map<string, LegalBasisRule[]>();
  for (const rule of rules) byBasis.set(rule.basis, [...(byBasis.get(rule.basis) ?? []), rule]);
  // Longest first, so the first prefix found is the most specific entry.
  const keys = [...byBasis.keys()].sort((a, b) => b.length - a.length);
  const cache = new Map<string, readonly LegalBasisRule[]>();
  const entriesFor = (citation: string): readonly LegalBasisRule[] => {
    let found = cache.get(citation);
    if (!found) {
      const key = keys.find((k) => citation.startsWith(k));
      found = key === undefined ? [] : byBasis.get(key) ?? [];
      cache.set(citation, found);
    }
    return found;
  };
  const inForce = (citation: string, date: string): LegalBasisRule | null =>
    entriesFor(citation).find((rule) => inRange(rule, date)) ?? null;
  return {
    rules,
    entriesFor,
    inForce,
    citationOn(citation, date) {
      let current: string | undefined = citation;
      for (let hops = 0; current !== undefined && hops < 10; hops++) {
        const entries = entriesFor(current);
        if (entries.length === 0) throw new Error(`legal basis ${current} is not in db/seed/catalog/legalBases.json`);
        if (entries.some((rule) => inRange(rule, date))) return current;
        current = entries.find((rule) => rule.predecessor !== undefined)?.predecessor;
      }
      return null;
    },
  };
}

let shared: LegalBases | undefined;

/** The legal bases of `db/seed/catalog/legalBases.json`, read once. */
export function readLegalBases(): LegalBases {
  shared ??= createLegalBases(readSeedJson<{ bases: LegalBasisRule[] }>('catalog/legalBases.json').bases);
  return shared;
}
