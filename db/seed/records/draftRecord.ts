import { toIsoDate, type Random, type WeightedPicker } from '../../../src/codes/index.js';
import type { SeedCivilServant, SeedOrganisation, SeedWorld, SubjectGroup } from '../SeedWorld.js';
import type { CatalogCase } from '../catalog/readCatalogDefinitions.js';
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

function pickSubject(ctx: RecordContext, wanted: SubjectGroup, day: number): RecordSubject {
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
    const organisation = pool[ctx.random.int(0, count - 1)] as SeedOrganisation;
    const districtCode = organisation.districtCode === '440313' ? '440305' : organisation.districtCode;
    return { group, name: organisation.name, organisation, civilServant: null, districtCode };
  }
  throw new Error(`no organisation exists on ${toIsoDate(day)} to be the subject of a record`);
}

function pickCase(ctx: RecordContext, item: PreparedItem, group: SubjectGroup): { theCase: CatalogCase; field: string | null } {
  const choice = item.casesFor(group);
  // A kind with a field of its own (judgment defaulters: 11) takes it on every record; the case is still
  // drawn the same way, so the rest of the sample stays as it was.
  const kindField = ctx.kindFields.get(item.definition.recordKind) ?? null;
  if (ctx.pendingFields.size > 0) {
    const forced = choice.cases.find((c) => c.field !== undefined && ctx.pendingFields.has(c.field));
    if (forced?.field !== undefined) {
      const field = kindField ?? forced.field;
      ctx.pendingFields.delete(field);
      return { theCase: forced, field };
    }
  }
  const theCase = choice.pick(ctx.random);
  const tagged = theCase.field !== undefined && ctx.random.chance(theCase.fieldChance ?? 1);
  if (kindField !== null) return { theCase, field: kindField };
  return { theCase, field: tagged ? (theCase.field ?? null) : null };
}

/** Resolves an authority key: `KEY@` is the subject's district body, falling back to the city one. */
export function resolveAuthority(ctx: RecordContext, item: PreparedItem, key: string, districtCode: string): SeedOrganisation {
  const bodies = ctx.world.bodiesByKey;
  if (!key.endsWith('@')) return bodies.get(key) ?? item.sourceUnit;
  const base = key.slice(0, -1);
  return bodies.get(`${base}@${districtCode}`) ?? bodies.get(base) ?? item.sourceUnit;
}

/** Draws the parts every record kind shares, for a decision on `day`. */
export function draftRecord(ctx: RecordContext, item: PreparedItem, day: number): RecordDraft {
  const subject = pickSubject(ctx, item.pickGroup(ctx.random), day);
  const { theCase, field } = pickCase(ctx, item, subject.group);
  const authorityKey = theCase.authority ?? item.pickAuthorityKey(ctx.random);
  const authority = resolveAuthority(ctx, item, authorityKey, subject.districtCode);
  const date = toIsoDate(day);
  return { item, subject, theCase, field, authority, day, date, year: Number(date.slice(0, 4)) };
}
