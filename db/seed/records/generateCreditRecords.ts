import { readFileSync } from 'node:fs';
import { isWeekend, toDayNumber, toIsoDate, createRandom, createWeightedPicker } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import { FIRST_DECISION_DATE, KINDS_FROM_WORKFLOWS, RECORD_KIND_SHARES } from '../sampleDataPlans.js';
import type { SeedOrganisation, SeedWorld } from '../SeedWorld.js';
import type { CatalogDefinitions } from '../catalog/readCatalogDefinitions.js';
import { buildDefaulterRecord, buildJudgmentRecord } from './buildCourtRecord.js';
import { buildLicenceRecord } from './buildLicenceRecord.js';
import { buildListRecord } from './buildListRecord.js';
import { buildAccountabilityRecord, buildSanctionRecord } from './buildOfficialRecord.js';
import { buildPenaltyRecord } from './buildPenaltyRecord.js';
import { buildCommendationRecord, buildCommitmentRecord } from './buildPositiveRecord.js';
import { readLegalBases } from '../catalog/legalBases.js';
import { createDocumentNumbers } from './createDocumentNumbers.js';
import { draftRecord } from './draftRecord.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { prepareItem } from './prepareCatalog.js';
import type { PreparedItem } from './prepareCatalog.js';

type Builder = (ctx: RecordContext, draft: RecordDraft) => SampleCreditRecord;

const BUILDERS: Readonly<Record<string, Builder>> = {
  ADMINISTRATIVE_LICENCE: buildLicenceRecord,
  ADMINISTRATIVE_PENALTY: buildPenaltyRecord,
  JUDICIAL_JUDGMENT: buildJudgmentRecord,
  JUDGMENT_DEFAULTER: buildDefaulterRecord,
  SERIOUS_DISHONESTY: buildListRecord,
  GOVERNMENT_SANCTION: buildSanctionRecord,
  DISCIPLINARY_SANCTION: buildSanctionRecord,
  PARTY_DISCIPLINE: buildSanctionRecord,
  ACCOUNTABILITY: buildAccountabilityRecord,
  COMMENDATION: buildCommendationRecord,
  CREDIT_COMMITMENT: buildCommitmentRecord,
};

const readJson = <T>(relative: string): T => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;

/** Options of one run of the record generator. */
export interface CreditRecordRun {
  world: SeedWorld;
  catalog: CatalogDefinitions;
  count: number;
  seed: number;
  asOf: string;
  chunkSize: number;
}

// Relative record volume of a day: few on weekends, growing about 10 % a year as sources connect.
function dayWeight(day: number): number {
  const year = Number(toIsoDate(day).slice(0, 4));
  return (isWeekend(day) ? 0.12 : 1) * (1 + 0.1 * (year - 2019));
}

function prepareKinds(run: CreditRecordRun): Map<string, (random: RecordContext['random']) => PreparedItem> {
  const { kinds } = readJson<{ kinds: { kind: string }[] }>('../../../src/credit/rules/record-kinds.json');
  const byKind = new Map<string, (random: RecordContext['random']) => PreparedItem>();
  for (const { kind } of kinds) {
    // Kinds a workflow creates (government dishonesty from broken commitments) come with that workflow's sample rows.
    if (KINDS_FROM_WORKFLOWS.includes(kind)) continue;
    const items = run.catalog.items.filter((i) => i.recordKind === kind).map((d) => prepareItem(d, run.world.bodiesByKey));
    if (items.length === 0 || !BUILDERS[kind] || !RECORD_KIND_SHARES[kind]) {
      throw new Error(`record kind ${kind} (record-kinds.json) needs a catalogue item, a builder and a share`);
    }
    byKind.set(kind, createWeightedPicker(items.map((i) => [i, i.definition.weight] as const)));
  }
  return byKind;
}

const MAX_ITEM_DRAWS = 50;

/** A record the README examples need: this kind, about this subject (names/featuredSubjects.json). */
interface FeaturedRecord {
  kind: string;
  subject: SeedOrganisation;
}

// The featured records, in file order, for the subjects of this world; decided from `from` on, one a day.
function featuredRecords(world: SeedWorld): { from: number; records: FeaturedRecord[] } {
  const file = readJson<{ from: string; subjects: { name: string; kinds: string[] }[] }>('../names/featuredSubjects.json');
  const byName = new Map(world.organisations.map((o) => [o.name, o]));
  const records = file.subjects.flatMap(({ name, kinds }) => {
    const subject = byName.get(name);
    return subject ? kinds.map((kind) => ({ kind, subject })) : [];
  });
  return { from: toDayNumber(file.from), records };
}

// One record decided on `day`: an item whose cases have no basis in force that day (a law not yet passed) is
// drawn again, with its kind, so every record cites a basis in force on its decision date.
function drawRecord(
  ctx: RecordContext,
  pickKind: (random: RecordContext['random']) => string,
  itemsByKind: Map<string, (random: RecordContext['random']) => PreparedItem>,
  day: number,
  featured?: FeaturedRecord[],
): SampleCreditRecord {
  for (let attempt = 0; attempt < MAX_ITEM_DRAWS; attempt++) {
    const next = featured?.[0];
    const kind = next?.kind ?? pickKind(ctx.random);
    const item = (itemsByKind.get(kind) as (r: RecordContext['random']) => PreparedItem)(ctx.random);
    const draft = draftRecord(ctx, item, day, next?.subject);
    if (!draft) continue;
    if (next) featured?.shift();
    return (BUILDERS[kind] as Builder)(ctx, draft);
  }
  throw new Error(`no catalogue case has a legal basis in force on ${toIsoDate(day)}`);
}

/**
 * Generates `count` credit records with decision dates from 2019-01-01 to `asOf`, day by day in date
 * order (so document numbers rise with dates), yielded in chunks of `chunkSize`. Each day's quota is
 * its share of the total weight, rounded so the quotas add up to exactly `count`. Deterministic for a
 * given seed, world and catalogue; holds one chunk of records at a time.
 */
export function* generateCreditRecords(run: CreditRecordRun): Generator<SampleCreditRecord[]> {
  const random = createRandom(run.seed, 'credit-records');
  const itemsByKind = prepareKinds(run);
  const pickKind = createWeightedPicker([...itemsByKind.keys()].map((k) => [k, RECORD_KIND_SHARES[k] ?? 0] as const));
  const { fields, kindFields } = readJson<{ fields: { code: string }[]; kindFields: { kind: string; field: string }[] }>('../../../src/credit/rules/governance-fields.json');
  const ctx: RecordContext = {
    random, world: run.world, asOfDay: toDayNumber(run.asOf), documentNumbers: createDocumentNumbers(random),
    pendingFields: new Set(fields.map((f) => f.code)),
    kindFields: new Map(kindFields.map((k) => [k.kind, k.field])),
    pickSanction: createWeightedPicker(run.catalog.sanctions.map(([code, zh, w]) => [[code, zh] as const, w] as const)),
    legalBases: readLegalBases(),
  };
  const firstDay = toDayNumber(FIRST_DECISION_DATE);
  const featured = featuredRecords(run.world);
  const weights: number[] = [];
  for (let day = firstDay; day <= ctx.asOfDay; day++) weights.push(dayWeight(day));
  const total = weights.reduce((a, b) => a + b, 0);
  let chunk: SampleCreditRecord[] = [];
  let cumulative = 0;
  let emitted = 0;
  for (const [offset, weight] of weights.entries()) {
    cumulative += weight;
    const quota = Math.round((run.count * cumulative) / total) - emitted;
    for (let i = 0; i < quota; i++) {
      const day = firstDay + offset;
      // From the featured date on, a day's first record is the next one the README examples need.
      const featuredToday = i === 0 && day >= featured.from && !isWeekend(day) && featured.records.length > 0 ? featured.records : undefined;
      chunk.push(drawRecord(ctx, pickKind, itemsByKind, day, featuredToday));
      if (chunk.length >= run.chunkSize) {
        yield chunk;
        chunk = [];
      }
    }
    emitted += quota;
  }
  if (chunk.length > 0) yield chunk;
}
