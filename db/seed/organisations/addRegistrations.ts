import { createWeightedPicker, INDUSTRY_DIVISIONS, toDayNumber, toIsoDate, type Random } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';
import type { FormerName, RegistrationStatus } from '../SampleData.js';
import type { SeedOrganisation } from '../SeedWorld.js';
import { makeTradeName } from './makeBusinessNames.js';
import { NANSHAN_CODE } from './seedDistricts.js';

type Capital = number | 'ODD';
type CapitalClass = 'ENTERPRISE' | 'JOINT_STOCK' | 'INDIVIDUAL_BUSINESS' | 'FARMERS_COOPERATIVE' | 'PUBLIC_INSTITUTION' | 'SOCIAL_GROUP'
  | 'PRIVATE_NON_ENTERPRISE' | 'FOUNDATION';

interface RegistrationFile {
  industryByEnterpriseWord: Record<string, string>;
  shopTypes: Record<string, [string, string]>;
  cooperativeTypes: Record<string, [string, string]>;
  institutionKeywords: [string, string, string][];
  institutionFallback: [string, string];
  socialKeywords: [string, string, string][];
  socialFallback: [string, string];
  scopeClause: string;
  capitalWan: Record<CapitalClass, [Capital, number][]>;
  inactive: Record<'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMERS_COOPERATIVE', Partial<Record<RegistrationStatus, number>>>;
  formerNames: { share: number; secondShare: number; minYearsSinceFounding: number };
}

interface BusinessFile {
  industries: { zh: string; scope: string }[];
  legalForms: [string, number][];
}

const data = readSeedJson<RegistrationFile>('names/registration.json');
const businesses = readSeedJson<BusinessFile>('names/businesses.json');
const scopeByWord = new Map(businesses.industries.map((i) => [i.zh, i.scope]));
// Longest first, so 网络科技 wins over 科技.
const ENTERPRISE_WORDS = Object.keys(data.industryByEnterpriseWord).sort((a, b) => b.length - a.length);
const FORMS = businesses.legalForms.map(([form]) => form).sort((a, b) => b.length - a.length);
const capitalPickers = Object.fromEntries(
  Object.entries(data.capitalWan).map(([key, entries]) => [key, createWeightedPicker(entries)]),
) as Record<CapitalClass, (random: Random) => Capital>;

for (const [what, code] of [
  ...Object.entries(data.industryByEnterpriseWord), ...Object.values(data.shopTypes).map(([c]) => ['shop', c] as const),
  ...Object.values(data.cooperativeTypes).map(([c]) => ['co-operative', c] as const),
  ...data.institutionKeywords.map(([k, c]) => [k, c] as const), ...data.socialKeywords.map(([k, c]) => [k, c] as const),
]) {
  if (!INDUSTRY_DIVISIONS.has(code)) throw new Error(`db/seed/names/registration.json: ${what} names division ${code}, not in GB/T 4754-2017`);
}

/** An enterprise name taken apart: what precedes the industry word, the word, and the legal form. */
interface NameParts { head: string; word: string; tail: string; form: string }

function splitEnterpriseName(name: string): NameParts | undefined {
  const form = FORMS.find((f) => name.endsWith(f));
  if (!form) return undefined;
  let rest = name.slice(0, -form.length);
  let tail = '';
  if (rest.endsWith('（深圳）')) {
    tail = '（深圳）';
    rest = rest.slice(0, -tail.length);
  }
  const word = ENTERPRISE_WORDS.find((w) => rest.endsWith(w));
  return word ? { head: rest.slice(0, -word.length), word, tail, form } : undefined;
}

function keywordMatch(name: string, keywords: [string, string, string][], fallback: [string, string]): [string, string] {
  const hit = keywords.find(([keyword]) => name.includes(keyword));
  return hit ? [hit[1], hit[2]] : fallback;
}

function endingMatch(name: string, table: Record<string, [string, string]>): [string, string] | undefined {
  const key = Object.keys(table).sort((a, b) => b.length - a.length).find((k) => name.endsWith(k));
  return key ? table[key] : undefined;
}

/** Industry division and business scope of an organisation, from what its name says it does. */
function industryAndScope(o: SeedOrganisation): [string | null, string | null] {
  if (o.group === 'GOVERNMENT') return [o.name.startsWith('中共') ? '91' : '92', null];
  if (o.group === 'INSTITUTION') return keywordMatch(o.name, data.institutionKeywords, data.institutionFallback);
  if (o.group === 'SOCIAL') return keywordMatch(o.name, data.socialKeywords, data.socialFallback);
  if (o.uscc.startsWith('92')) {
    const [code, scope] = endingMatch(o.name, data.shopTypes) ?? ['52', '日用百货零售'];
    return [code, scope];
  }
  if (o.uscc.startsWith('93')) {
    const [code, scope] = endingMatch(o.name, data.cooperativeTypes) ?? ['01', '组织收购、销售成员生产的农产品'];
    return [code, scope];
  }
  const parts = splitEnterpriseName(o.name);
  if (!parts) return ['72', `企业管理咨询${data.scopeClause}`];
  return [data.industryByEnterpriseWord[parts.word] as string, `${scopeByWord.get(parts.word) ?? '企业管理咨询'}${data.scopeClause}`];
}

function capitalClass(o: SeedOrganisation): CapitalClass | null {
  if (o.group === 'GOVERNMENT') return null;
  if (o.group === 'INSTITUTION') return 'PUBLIC_INSTITUTION';
  if (o.uscc.startsWith('51')) return 'SOCIAL_GROUP';
  if (o.uscc.startsWith('52')) return 'PRIVATE_NON_ENTERPRISE';
  if (o.uscc.startsWith('53')) return 'FOUNDATION';
  if (o.uscc.startsWith('92')) return 'INDIVIDUAL_BUSINESS';
  if (o.uscc.startsWith('93')) return 'FARMERS_COOPERATIVE';
  if (o.uscc.startsWith('91')) return o.name.endsWith('股份有限公司') ? 'JOINT_STOCK' : 'ENTERPRISE';
  return null;
}

/** Registered capital in 万元 as an exact decimal string, or null (bodies, undeclared individual businesses). */
function drawCapital(random: Random, o: SeedOrganisation): string | null {
  const kind = capitalClass(o);
  if (kind === null) return null;
  const value = capitalPickers[kind](random);
  if (value === 0) return null;
  // Foreign-invested capital converted from another currency: not a round sum (e.g. 1283.4567万元).
  if (value === 'ODD') return `${random.int(100, 20_000)}.${String(random.int(0, 9_999)).padStart(4, '0')}`;
  return String(value);
}

function drawStatus(random: Random, o: SeedOrganisation, featured: ReadonlySet<string>): RegistrationStatus | null {
  if (o.group === 'GOVERNMENT') return null;
  const kind = o.uscc.startsWith('92') ? 'INDIVIDUAL_BUSINESS' : o.uscc.startsWith('93') ? 'FARMERS_COOPERATIVE' : o.uscc.startsWith('91') ? 'ENTERPRISE' : null;
  const active: RegistrationStatus = kind === 'INDIVIDUAL_BUSINESS' ? 'IN_BUSINESS' : 'EXISTING';
  if (kind === null || featured.has(o.name)) return active;
  let roll = random.next();
  for (const [status, share] of Object.entries(data.inactive[kind]) as [RegistrationStatus, number][]) {
    if (roll < share) return status;
    roll -= share;
  }
  return active;
}

/** The body that keeps the registration: the market-regulation branch of the district, civil affairs for social organisations. */
function registrationAuthority(o: SeedOrganisation, bodiesByKey: ReadonlyMap<string, SeedOrganisation>): string | null {
  const district = o.districtCode === '440313' ? NANSHAN_CODE : o.districtCode;
  if (o.group === 'BUSINESS') return (bodiesByKey.get(`SCJG@${district}`) ?? bodiesByKey.get('SCJG'))?.uscc ?? null;
  if (o.group === 'SOCIAL' && /^5/.test(o.uscc)) {
    // A district-level social organisation carries its district's area code in the USCC.
    const districtLevel = o.uscc.slice(2, 8) !== '440300';
    return ((districtLevel ? bodiesByKey.get(`MZJ@${district}`) : undefined) ?? bodiesByKey.get('MZJ'))?.uscc ?? null;
  }
  return null;
}

/** A name the enterprise plausibly had before: another line of business, another trade name, or before a conversion. */
function makeFormerName(random: Random, o: SeedOrganisation, taken: (name: string) => boolean): string | null {
  const parts = splitEnterpriseName(o.name);
  if (!parts) return null;
  const city = /^(深圳前海|深圳市|深圳)/.exec(parts.head)?.[0] ?? '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const roll = random.next();
    let name: string;
    if (roll < 0.3) name = `${city}${makeTradeName(random, attempt < 5 ? 2 : 3)}${parts.word}${parts.tail}${parts.form}`;
    else if (roll < 0.4 && parts.form === '股份有限公司') name = `${parts.head}${parts.word}${parts.tail}有限公司`;
    else if (roll < 0.5 && city === '深圳市') name = `深圳${parts.head.slice(city.length)}${parts.word}${parts.tail}${parts.form}`;
    else name = `${parts.head}${random.pick(ENTERPRISE_WORDS)}${parts.tail}${parts.form}`;
    if (name !== o.name && !taken(name)) return name;
  }
  return null;
}

function drawFormerNames(random: Random, o: SeedOrganisation, asOfDay: number, taken: Set<string>): FormerName[] {
  const rule = data.formerNames;
  if (!o.uscc.startsWith('91') || o.establishedDay > asOfDay - rule.minYearsSinceFounding * 365 || !random.chance(rule.share)) return [];
  const count = random.chance(rule.secondShare) ? 2 : 1;
  const days = Array.from({ length: count }, () => random.dayBetween(o.establishedDay + 365, asOfDay - 30)).sort((a, b) => a - b);
  const names: FormerName[] = [];
  for (const day of days) {
    const name = makeFormerName(random, o, (n) => taken.has(n));
    if (name === null) break;
    taken.add(name);
    names.push({ name, until: toIsoDate(day) });
  }
  return names;
}

/**
 * Gives every organisation its registration particulars (industry, capital, status, scope, authority, former
 * names) from `random` alone, after the organisations exist: drawing them never changes who exists or which
 * records they get. Names in `featured` (the README's subjects) stay active. Mutates the organisations.
 */
export function addRegistrations(
  organisations: SeedOrganisation[],
  bodiesByKey: ReadonlyMap<string, SeedOrganisation>,
  random: Random,
  asOf: string,
  featured: ReadonlySet<string> = new Set(),
): void {
  const asOfDay = toDayNumber(asOf);
  const taken = new Set(organisations.map((o) => o.name));
  for (const o of organisations) {
    const [industryCode, businessScope] = industryAndScope(o);
    o.industryCode = industryCode;
    o.businessScope = businessScope;
    o.registeredCapital = drawCapital(random, o);
    o.registrationStatus = drawStatus(random, o, featured);
    o.registrationAuthorityUscc = registrationAuthority(o, bodiesByKey);
    o.formerNames = drawFormerNames(random, o, asOfDay, taken);
  }
}
