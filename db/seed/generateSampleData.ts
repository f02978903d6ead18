import { buildCivilServants } from './buildCivilServants.js';
import { buildCatalogItems } from './catalog/buildCatalogItems.js';
import { readCatalogDefinitions } from './catalog/readCatalogDefinitions.js';
import type { CatalogDefinitions } from './catalog/readCatalogDefinitions.js';
import { addRegistrations } from './organisations/addRegistrations.js';
import { buildOrganisations } from './organisations/buildOrganisations.js';
import { readSeedJson } from './readSeedJson.js';
import { createRandom } from '../../src/codes/index.js';
import { buildIntegrityRows } from './integrity/buildIntegrityRows.js';
import { generateCreditRecords } from './records/generateCreditRecords.js';
import type {
  SampleCatalogItem, SampleCivilServant, SampleData, SampleDataOptions, SampleDataSize, SampleOrganisation,
} from './SampleData.js';
import { DEFAULT_AS_OF, DEFAULT_SAMPLE_SEED, FIRST_DECISION_DATE, SAMPLE_DATA_PLANS } from './sampleDataPlans.js';
import type { SampleDataPlan } from './sampleDataPlans.js';
import type { SeedWorld } from './SeedWorld.js';

interface BuiltWorld {
  world: SeedWorld;
  catalog: CatalogDefinitions;
  catalogItems: SampleCatalogItem[];
}

// Organisations and civil servants draw from their own streams, so changing how records are drawn
// never changes who exists.
function buildWorld(plan: SampleDataPlan, seed: number, asOf: string): BuiltWorld {
  const organisations = buildOrganisations(createRandom(seed, 'organisations'), plan, asOf, createRandom(seed, 'mass-organisations'));
  // Its own stream as well: registration particulars never change who exists or which records they get.
  addRegistrations(organisations.organisations, organisations.bodiesByKey, createRandom(seed, 'registrations'), asOf, featuredSubjectNames());
  const bodies = organisations.organisations.filter((o) => o.group === 'GOVERNMENT');
  const civilServants = buildCivilServants(createRandom(seed, 'civil-servants'), bodies, plan.civilServants, organisations.organisations);
  const catalog = readCatalogDefinitions();
  const catalogItems = buildCatalogItems(catalog.items, organisations.bodiesByKey);
  return { world: { ...organisations, civilServants }, catalog, catalogItems };
}

// The README's subjects (names/featuredSubjects.json) stay registered and active.
const featuredSubjectNames = (): Set<string> =>
  new Set(readSeedJson<{ subjects: { name: string }[] }>('names/featuredSubjects.json').subjects.map((s) => s.name));

// An iterable that can be iterated again: each pass yields fresh chunks of `size` mapped rows.
function chunksOf<T, R>(rows: () => readonly T[], size: number, map: (row: T) => R): Iterable<R[]> {
  return {
    *[Symbol.iterator]() {
      const all = rows();
      for (let start = 0; start < all.length; start += size) yield all.slice(start, start + size).map(map);
    },
  };
}

const toOrganisation = (o: SampleOrganisation): SampleOrganisation => ({
  uscc: o.uscc, name: o.name, districtCode: o.districtCode, parentUscc: o.parentUscc,
  legalRepresentative: o.legalRepresentative, establishedOn: o.establishedOn, industryCode: o.industryCode,
  registeredCapital: o.registeredCapital, registrationStatus: o.registrationStatus, businessScope: o.businessScope,
  registrationAuthorityUscc: o.registrationAuthorityUscc, formerNames: o.formerNames.map((f) => ({ ...f })),
});
const toCivilServant = (c: SampleCivilServant): SampleCivilServant => ({
  id: c.id, name: c.name, idNumber: c.idNumber, employerUscc: c.employerUscc, post: c.post,
});

/**
 * Generates a deterministic sample data set of Shenzhen public credit data. Nothing is computed until
 * a table is iterated; organisations, civil servants and the catalogue are then built once and kept,
 * credit records are generated afresh on each pass, one chunk at a time. Equal size, seed and
 * `asOf` give equal rows. Throws on an unknown size or an `asOf` that is not a date on or after
 * 2019-01-01.
 */
export function generateSampleData(size: SampleDataSize, options: SampleDataOptions = {}): SampleData {
  const plan = SAMPLE_DATA_PLANS[size];
  if (!plan) throw new Error(`unknown sample data size "${String(size)}"; use small or large`);
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOf < FIRST_DECISION_DATE) {
    throw new Error(`asOf must be a date YYYY-MM-DD on or after ${FIRST_DECISION_DATE}, got "${asOf}"`);
  }
  let built: BuiltWorld | undefined;
  const world = (): BuiltWorld => (built ??= buildWorld(plan, seed, asOf));
  return {
    size,
    seed,
    asOf,
    organisations: chunksOf(() => world().world.organisations, plan.chunkSize, toOrganisation),
    civilServants: chunksOf(() => world().world.civilServants, plan.chunkSize, toCivilServant),
    catalogItems: chunksOf(() => world().catalogItems, plan.chunkSize, (item) => ({ ...item })),
    creditRecords: {
      [Symbol.iterator]: () => generateCreditRecords({
        world: world().world, catalog: world().catalog, count: plan.creditRecords, seed, asOf, chunkSize: plan.chunkSize,
      }),
    },
    governmentIntegrity: () => buildIntegrityRows(world().world, plan.integrity, seed, asOf),
  };
}
