import { isShenzhenAreaCode } from '../../codes/index.js';
import { badInput } from './integrityErrors.js';
import { addDays, monthsBetween, ZERO_GROWTH_RULES, zeroGrowthRuleOn } from './integrityRules.js';
import type { GovernmentIntegrityStore } from './GovernmentIntegrityStore.js';

/**
 * Checks a `districtCode` argument: one of the Shenzhen area codes of the `districts` query, the local
 * codes of functional areas (Qianhai 440313, Dapeng 4403DP, Shenshan 4403SS) included. Returns it or null.
 */
export function assertDistrictCode(districtCode: string | null | undefined): string | null {
  if (districtCode === null || districtCode === undefined) return null;
  if (!isShenzhenAreaCode(districtCode)) {
    throw badInput('districtCode', `"${districtCode}" is not a Shenzhen area code; use a district's GB/T 2260 code such as 440305 (Nanshan) or a functional area's local code such as 4403DP (Dapeng New Area), see the \`districts\` query`);
  }
  return districtCode;
}

const nextMonth = (month: string): string => `${monthsBetween(month, '9999-12')[1]}-01`;

/**
 * The monthly zero-growth indicator (零增长, guiding opinion 三.4) from `from` to `to` (YYYY-MM): new
 * judgment-defaulter listings of Party and government organs (USCC 11…) by listing date, with public
 * institutions (12…) reported beside them, and the enforcement cases the credit office tracks. Each month
 * uses the definition in force on its last day; months before the first definition are refused.
 */
export async function computeEnforcementIndicator(store: GovernmentIntegrityStore, args: { from: string; to: string; districtCode?: string | null }) {
  for (const field of ['from', 'to'] as const) if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args[field])) throw badInput(field, `must be a month YYYY-MM, got "${args[field]}"`);
  const months = monthsBetween(args.from, args.to);
  if (months.length === 0 || months.length > 120) throw badInput('to', 'must be a month from `from` up to ten years later');
  const districtCode = assertDistrictCode(args.districtCode);
  const first = ZERO_GROWTH_RULES[0]!;
  if (zeroGrowthRuleOn(addDays(nextMonth(args.from), -1)) === null) {
    throw badInput('from', `the zero-growth target starts with the policy of ${first.effectiveFrom} (${first.legalBasis.split(';')[0]}); use ${first.effectiveFrom.slice(0, 7)} or later`);
  }
  const start = `${args.from}-01`;
  const until = addDays(nextMonth(args.to), -1);
  const rules = months.map((month) => zeroGrowthRuleOn(addDays(nextMonth(month), -1))!);
  const kinds = [...new Set(rules.map((r) => r.recordKind))];
  const prefixes = [...new Set(rules.flatMap((r) => [...r.countedSubjectPrefixes, ...r.reportedSubjectPrefixes]))];
  const listings = (await Promise.all(kinds.map((kind) => store.listingsForIndicator(kind, prefixes, start, until, districtCode)))).flat();
  const cases = await store.casesForIndicator(addDays(`${args.to}-01`, 40), districtCode);
  const openOn = (day: string) => cases.filter((c) => c.filed_on < day && (c.closed_on === null || c.closed_on >= day)).length;
  return months.map((month, index) => {
    const rule = rules[index]!;
    const monthStart = `${month}-01`;
    const next = nextMonth(month);
    const inMonth = listings.filter((l) => l.listed_on >= monthStart && l.listed_on < next);
    const counted = inMonth.filter((l) => rule.countedSubjectPrefixes.includes(l.subject_uscc.slice(0, 2)));
    const reported = inMonth.filter((l) => rule.reportedSubjectPrefixes.includes(l.subject_uscc.slice(0, 2)));
    const openAtStart = openOn(monthStart);
    const openAtEnd = openOn(next);
    return {
      month, districtCode,
      newListings: counted.length,
      newlyListedBodies: new Set(counted.map((l) => l.subject_uscc)).size,
      newInstitutionListings: reported.length,
      zeroGrowth: counted.length === 0,
      ruleVersion: rule.version,
      filed: cases.filter((c) => c.filed_on >= monthStart && c.filed_on < next).length,
      closed: cases.filter((c) => c.closed_on !== null && c.closed_on >= monthStart && c.closed_on < next).length,
      openAtEnd, growth: openAtEnd - openAtStart,
    };
  });
}
