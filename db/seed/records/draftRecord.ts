import { toIsoDate, type Random, type WeightedPicker } from '../../../src/codes/index.js';
import type { SeedCivilServant, SeedOrganisation, SeedWorld, SubjectGroup } from '../SeedWorld.js';
import type { CatalogCase } from '../catalog/readCatalogDefinitions.js';
import type { LegalBases } from '../catalog/legalBases.js';
import type { DocumentNumbers } from './createDocumentNumbers.js';
import type { PreparedItem } from './prepareCatalog.js';

/** Shared state of one run of the record generator. */
export interface RecordContext {
  random: Random;
  world: SeedWorld;
  asOfDay: number;
  documentNumbers: DocumentNumbers;
  /** Governance fields not yet used: the first fitting case takes one, so every field appears. */
  pendingFields: Set<string>;
  /** The field every record of a kind carries (governance-fields.json `kindFields`), e.g. defaulters → 11. */
  kindFields: ReadonlyMap<string, string>;
  pickSanction: WeightedPicker<readonly [string, string]>;
  /** The legal bases with their years in force (catalog/legalBases.json). */
  legalBases: LegalBases;
}

/** Who a record is about. */
export interface RecordSubject {
  group: SubjectGroup;
  name: string;
  organisation: SeedOrganisation | null;
  civilServant: SeedCivilServant | null;
  /** District whose bodies decide about the subject (Qianhai counts as Nanshan; 440300: city bodies). */
  districtCode: string;
}

/** What every record kind starts from: item, subject, case, authority and date. */
export interface RecordDraft {
  item: PreparedItem;
  subject: RecordSubject;
  theCase: CatalogCase;
  field: string | null;
  /** What the record cites: the case's basis, or its predecessor in force on the date; null when it has none. */
  basis: string | null;
  authority: SeedOrganisation;
  day: number;
  date: string;
  year: number;
}

// Count of pool members established on or before `day` (pools are sorted by establishedDay).
function existingCount(pool: readonly SeedOrganisation[], day: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pool[mid] as SeedOrganisation).establishedDay <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Courts and procuratorates are never parties in the court data the sample generates: a court does not sit in its
// own case, and judicial organs are not defendants in administrative cases.
const JUDICIAL_KEY = /^(ZY|JCY)(@|$)/;
const COURT_KINDS = new Set(['JUDICIAL_JUDGMENT', 'JUDGMENT_DEFAULTER']);

function pickSubject(ctx: RecordContext, wanted: SubjectGroup, day: number, courtCase = false): RecordSubject {
  if (wanted === 'CIVIL_SERVANT' && ctx.world.civilServants.length > 0) {
    const civilServant = ctx.random.pick(ctx.world.civilServants);
    return { group: wanted, name: civilServant.name, organisation: null, civilServant, districtCode: civilServant.employer.districtCode };
  }
  // A group with nobody founded yet falls back to businesses, which exist from 1985 on.
  for (const group of [wanted, 'BUSINESS'] as const) {
    if (group === 'CIVIL_SERVANT') continue;
    const pool = ctx.world.pools[group];
    const count = existingCount(pool, day);
    if (count === 0) continue;
    let organisation = pool[ctx.random.int(0, count - 1)] as SeedOrganisation;
    for (let redraw = 0; courtCase && organisation.key !== undefined && JUDICIAL_KEY.test(organisation.key) && redraw < 20; redraw++) {
      organisation = pool[ctx.random.int(0, count - 1)] as SeedOrganisation;
    }
    if (courtCase && organisation.key !== undefined && JUDICIAL_KEY.test(organisation.key)) continue;
    const districtCode = organisation.districtCode === '440313' ? '440305' : organisation.districtCode;
    return { group, name: organisation.name, organisation, civilServant: null, districtCode };
  }
  throw new Error(`no organisation exists on ${toIsoDate(day)} to be the subject of a record`);
}

/** The basis a case cites on `date` (its own or a predecessor), null when it cites none, undefined when none is in force. */
function basisOn(ctx: RecordContext, theCase: CatalogCase, date: string): string | null | undefined {
  if (theCase.basis === undefined) return null;
  return ctx.legalBases.citationOn(theCase.basis, date) ?? undefined;
}

const MAX_CASE_DRAWS = 30;

function pickCase(ctx: RecordContext, item: PreparedItem, group: SubjectGroup, date: string): { theCase: CatalogCase; field: string | null; basis: string | null } | null {
  const choice = item.casesFor(group);
  // A kind with a field of its own (judgment defaulters: 11) takes it on every record; the case is still
  // drawn the same way, so the rest of the sample stays as it was.
  const kindField = ctx.kindFields.get(item.definition.recordKind) ?? null;
  if (ctx.pendingFields.size > 0) {
    const forced = choice.cases.find((c) => c.field !== undefined && ctx.pendingFields.has(c.field) && basisOn(ctx, c, date) !== undefined);
    if (forced?.field !== undefined) {
      const field = kindField ?? forced.field;
      ctx.pendingFields.delete(field);
      return { theCase: forced, field, basis: basisOn(ctx, forced, date) ?? null };
    }
  }
  // Only cases whose legal basis (or a predecessor) is in force on the date can be decided then.
  for (let draw = 0; draw < MAX_CASE_DRAWS; draw++) {
    const theCase = choice.pick(ctx.random);
    const basis = basisOn(ctx, theCase, date);
    if (basis === undefined) continue;
    const tagged = theCase.field !== undefined && ctx.random.chance(theCase.fieldChance ?? 1);
    if (kindField !== null) return { theCase, field: kindField, basis };
    return { theCase, field: tagged ? (theCase.field ?? null) : null, basis };
  }
  return null;
}

/**
 * Resolves an authority key: `KEY@` is the subject's district body, falling back to the city one; a district body
 * set up after `day` (the 2019 reform's district bodies) leaves the decision to the city body.
 */
export function resolveAuthority(ctx: RecordContext, item: PreparedItem, key: string, districtCode: string, day = Number.POSITIVE_INFINITY): SeedOrganisation {
  const bodies = ctx.world.bodiesByKey;
  if (!key.endsWith('@')) return bodies.get(key) ?? item.sourceUnit;
  const base = key.slice(0, -1);
  const local = bodies.get(`${base}@${districtCode}`);
  if (local && local.establishedDay <= day) return local;
  return bodies.get(base) ?? item.sourceUnit;
}

/**
 * Draws the parts every record kind shares, for a decision on `day`; null when no case of the item can be decided
 * on that day (no basis in force), so the caller draws another item. `featured` fixes the subject (README examples).
 */
export function draftRecord(ctx: RecordContext, item: PreparedItem, day: number, featured?: SeedOrganisation): RecordDraft | null {
  const date = toIsoDate(day);
  const subject = featured
    ? { group: featured.group, name: featured.name, organisation: featured, civilServant: null, districtCode: featured.districtCode === '440313' ? '440305' : featured.districtCode }
    : pickSubject(ctx, item.pickGroup(ctx.random), day, COURT_KINDS.has(item.definition.recordKind));
  const picked = pickCase(ctx, item, subject.group, date);
  if (!picked) return null;
  const { theCase, field, basis } = picked;
  const authorityKey = theCase.authority ?? item.pickAuthorityKey(ctx.random);
  const employer = subject.civilServant?.employer;
  const authority = authorityKey === 'EMPLOYER' && employer ? employer
    : resolveAuthority(ctx, item, authorityKey === 'EMPLOYER' ? 'GOV@' : authorityKey, subject.districtCode, day);
  return { item, subject, theCase, field, basis, authority, day, date, year: Number(date.slice(0, 4)) };
}
