import type { Knex } from 'knex';
import { maskCitizenId } from '../../src/codes/index.js';
import type { IdNumberVault } from '../../src/credit/index.js';
import { bulkInsert, readColumnTypes, withoutPlainIndexes } from './bulkInsert.js';
import { generateSampleData } from './generateSampleData.js';
import type {
  SampleCatalogItem, SampleCivilServant, SampleCreditRecord, SampleData, SampleDataOptions, SampleDataSize, SampleOrganisation,
} from './SampleData.js';

/** What `loadSampleData` inserted and how long it took. */
export interface SampleDataSummary {
  seed: number;
  asOf: string;
  counts: { organisations: number; civilServants: number; catalogItems: number; creditRecords: number };
  /** Government-integrity rows inserted (none when the tables are not migrated yet). */
  governmentIntegrity: { commitments: number; enforcementCases: number; interviews: number; complaints: number };
  elapsedMs: number;
}

/** Loader options: the generator's, plus rows per INSERT and a progress callback. */
export interface LoadSampleDataOptions extends SampleDataOptions {
  /** Rows per INSERT (default 5000; each INSERT is one JSON parameter, see bulkInsert). */
  batchSize?: number;
  /** Called after each chunk with the rows of `table` so far; `table` "indexes" while they are built again. */
  onProgress?: (table: string, rowsSoFar: number) => void;
}

// The tables whose plain indexes are built after their rows are in (see withoutPlainIndexes).
const INDEXED_AFTER_LOAD = ['organisations', 'civil_servants', 'credit_records'];

// Row mappers: the only place where the generator's camelCase meets the tables' snake_case.
const toOrganisationRow = (o: SampleOrganisation) => ({
  uscc: o.uscc, name: o.name, district_code: o.districtCode, parent_uscc: o.parentUscc,
  legal_representative: o.legalRepresentative, established_on: o.establishedOn,
});
const toCatalogItemRow = (c: SampleCatalogItem) => ({
  code: c.code, name: c.name, name_zh: c.nameZh, record_kind: c.recordKind, conduct: c.conduct,
  source_unit_uscc: c.sourceUnitUscc, source_channel: c.sourceChannel, data_format: c.dataFormat,
  reporting_cycle: c.reportingCycle, disclosure: c.disclosure, sharing_class: c.sharingClass,
  retention_years: c.retentionYears, legal_basis: c.legalBasis,
});
const toCreditRecordRow = (r: SampleCreditRecord) => ({
  kind: r.kind, subject_uscc: r.subjectUscc, civil_servant_id: r.civilServantId, authority_uscc: r.authorityUscc,
  document_number: r.documentNumber, title: r.title, content: r.content, legal_basis: r.legalBasis,
  decision_date: r.decisionDate, severity: r.severity, fine_amount: r.fineAmount, confiscated_amount: r.confiscatedAmount,
  source_unit_uscc: r.sourceUnitUscc, catalog_item_code: r.catalogItemCode, governance_field: r.governanceField,
  publicity_start: r.publicityStart, publicity_min_end: r.publicityMinEnd, publicity_end: r.publicityEnd,
  rule_version: r.ruleVersion, status: r.status, details: JSON.stringify(r.details),
});
function toCivilServantRow(vault: IdNumberVault, c: SampleCivilServant) {
  return {
    id: c.id, name: c.name, id_number_ciphertext: vault.encrypt(c.idNumber), id_number_hash: vault.hash(c.idNumber),
    id_number_masked: maskCitizenId(c.idNumber), employer_uscc: c.employerUscc, post: c.post,
  };
}

async function insertChunks<T>(
  trx: Knex.Transaction,
  table: string,
  chunks: Iterable<T[]>,
  toRow: (row: T) => Record<string, unknown>,
  options: LoadSampleDataOptions,
): Promise<number> {
  const types = await readColumnTypes(trx, table);
  const batch = Math.max(1, options.batchSize ?? 5_000);
  let inserted = 0;
  // One INSERT stays in flight while the next chunk is generated: on a PostgreSQL server the two
  // overlap. The only await is on that INSERT, so its failure always has a handler.
  let inFlight: Promise<unknown> = Promise.resolve();
  for (const chunk of chunks) {
    const rows = chunk.map(toRow);
    for (let start = 0; start < rows.length; start += batch) {
      const part = rows.slice(start, start + batch);
      await inFlight;
      inFlight = bulkInsert(trx, table, part, types);
    }
    inserted += rows.length;
    options.onProgress?.(table, inserted);
  }
  await inFlight;
  return inserted;
}

/**
 * Registers each catalogue item's source unit to report decisions of every authority that appears on the item's
 * sample records (source_unit_authorities; what ingestion checks a row's CF_CFJGDM / XK_XKJGDM against).
 */
async function registerSourceUnitAuthorities(trx: Knex.Transaction): Promise<void> {
  // A database migrated only part of the way (a migration's own test) has no table yet; its migration backfills
  // the same pairs from the records.
  if (!(await trx.schema.hasTable('source_unit_authorities'))) return;
  await trx.raw(`
    INSERT INTO source_unit_authorities (source_unit_uscc, authority_uscc, registered_by)
    SELECT DISTINCT c.source_unit_uscc, r.authority_uscc, 'sample data' FROM credit_records r JOIN catalog_items c ON c.code = r.catalog_item_code
    ON CONFLICT DO NOTHING`);
}

const NO_INTEGRITY = { commitments: 0, enforcementCases: 0, interviews: 0, complaints: 0 };

/**
 * Inserts the government-integrity rows (commitments, enforcement cases with their interviews, complaints). A
 * database migrated only part of the way (a migration's own test) lacks the tables or the SME payment columns; then
 * nothing is inserted.
 */
async function insertGovernmentIntegrity(trx: Knex.Transaction, data: SampleData): Promise<SampleDataSummary['governmentIntegrity']> {
  if (!(await trx.schema.hasColumn('government_commitments', 'payment_rule'))) return NO_INTEGRITY;
  const rows = data.governmentIntegrity();
  const insert = async (table: string, all: Record<string, unknown>[]) => {
    for (let start = 0; start < all.length; start += 500) await trx(table).insert(all.slice(start, start + 500));
  };
  await insert('government_commitments', rows.commitments);
  await insert('enforcement_cases', rows.enforcementCases);
  const ids = new Map((await trx('enforcement_cases').select('id', 'case_number') as { id: string; case_number: string }[]).map((c) => [c.case_number, c.id]));
  const interviews = rows.interviews.map(({ case_number: caseNumber, ...rest }) => ({ ...rest, case_id: ids.get(caseNumber) }));
  await insert('enforcement_interviews', interviews);
  await insert('integrity_complaints', rows.complaints);
  return { commitments: rows.commitments.length, enforcementCases: rows.enforcementCases.length, interviews: interviews.length, complaints: rows.complaints.length };
}

/**
 * Generates the sample data set of `size` and inserts it in one transaction, in dependency order
 * (organisations, civil servants, catalogue, credit records), thousands of rows per INSERT (bulkInsert), the plain
 * indexes built once the rows are in. Citizen ID
 * numbers are stored only encrypted, hashed and masked with `vault`. Expects migrated, empty tables
 * (see `isDatabaseEmpty`); rejects, leaving nothing behind, if any insert fails. Runs ANALYZE after.
 */
export async function loadSampleData(
  knex: Knex,
  size: SampleDataSize,
  vault: IdNumberVault,
  options: LoadSampleDataOptions = {},
): Promise<SampleDataSummary> {
  const started = performance.now();
  const data = generateSampleData(size, options);
  const { inserted: counts, governmentIntegrity } = await knex.transaction(async (trx) => {
    const inserted = await withoutPlainIndexes(trx, INDEXED_AFTER_LOAD, async () => ({
      organisations: await insertChunks(trx, 'organisations', data.organisations, toOrganisationRow, options),
      civilServants: await insertChunks(trx, 'civil_servants', data.civilServants, (c) => toCivilServantRow(vault, c), options),
      catalogItems: await insertChunks(trx, 'catalog_items', data.catalogItems, toCatalogItemRow, options),
      creditRecords: await insertChunks(trx, 'credit_records', data.creditRecords, toCreditRecordRow, options),
    }), () => options.onProgress?.('indexes', 0));
    await registerSourceUnitAuthorities(trx);
    return { inserted, governmentIntegrity: await insertGovernmentIntegrity(trx, data) };
  });
  await knex.raw('ANALYZE organisations, civil_servants, catalog_items, credit_records');
  return { seed: data.seed, asOf: data.asOf, counts, governmentIntegrity, elapsedMs: Math.round(performance.now() - started) };
}

/** Whether the database has no organisations yet (so sample data may be loaded). */
export async function isDatabaseEmpty(knex: Knex): Promise<boolean> {
  const row = (await knex('organisations').first(knex.raw('1 as present'))) as { present: number } | undefined;
  return row === undefined;
}
