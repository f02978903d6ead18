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
  governmentIntegrity: { commitments: number; enforcementCases: number; interviews: number; complaints: number; dishonestyRecords: number; tenures: number; payments: number; listings: number };
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
  legal_representative: o.legalRepresentative, established_on: o.establishedOn, industry_code: o.industryCode,
  registered_capital: o.registeredCapital, registration_status: o.registrationStatus, business_scope: o.businessScope,
  registration_authority_uscc: o.registrationAuthorityUscc, former_names: JSON.stringify(o.formerNames),
});
// Columns of migration 20261202020000; a database migrated only part of the way (a migration's own test) lacks them.
const REGISTRATION_COLUMNS = ['industry_code', 'registered_capital', 'registration_status', 'business_scope', 'registration_authority_uscc', 'former_names'];
const withoutRegistration = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !REGISTRATION_COLUMNS.includes(column)));
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

const NO_INTEGRITY = { commitments: 0, enforcementCases: 0, interviews: 0, complaints: 0, dishonestyRecords: 0, tenures: 0, payments: 0, listings: 0 };
const CONSEQUENCE_COLUMNS = ['broken_on', 'broken_reason', 'broken_evidence', 'dishonesty_document_number', 'source_system', 'source_key'];

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
  // Issue 15's tables and columns (migration 20261202060000) may be missing in a database migrated part of the way.
  const consequences = await trx.schema.hasTable('integrity_alerts') ? rows.consequences : null;
  const recordIds = new Map<string, string>();
  if (consequences) {
    for (let start = 0; start < consequences.dishonestyRecords.length; start += 500) {
      const inserted = await trx('credit_records').insert(consequences.dishonestyRecords.slice(start, start + 500)).returning(['id', 'document_number']) as { id: unknown; document_number: string }[];
      for (const r of inserted) recordIds.set(r.document_number, String(r.id));
    }
  }
  const commitments = rows.commitments.map((c) => {
    const { dishonesty_document_number: number, ...rest } = c;
    if (!consequences) return Object.fromEntries(Object.entries(rest).filter(([k]) => !CONSEQUENCE_COLUMNS.includes(k)));
    return number === undefined ? rest : { ...rest, dishonesty_record_id: recordIds.get(String(number)) };
  });
  await insert('government_commitments', commitments);
  await insert('enforcement_cases', rows.enforcementCases);
  const ids = new Map((await trx('enforcement_cases').select('id', 'case_number') as { id: string; case_number: string }[]).map((c) => [c.case_number, c.id]));
  const interviews = rows.interviews.map(({ case_number: caseNumber, ...rest }) => ({ ...rest, case_id: ids.get(caseNumber) }));
  await insert('enforcement_interviews', interviews);
  await insert('integrity_complaints', rows.complaints);
  if (consequences) {
    await insert('leadership_tenures', consequences.tenures);
    const byKey = new Map((await trx('government_commitments').whereNotNull('source_key').select('id', 'source_key') as { id: unknown; source_key: string }[]).map((c) => [c.source_key, String(c.id)]));
    await insert('commitment_payments', consequences.payments.map(({ source_key: key, ...p }) => ({ ...p, commitment_id: byKey.get(key), recorded_by: 'sample data' })));
    for (const listing of consequences.listings) {
      const [record] = await trx('credit_records').insert(listing.record).returning('id') as { id: unknown }[];
      const [opened] = await trx('enforcement_cases').insert({ ...listing.enforcementCase, listing_record_id: record!.id }).returning('id') as { id: unknown }[];
      await insert('integrity_alerts', listing.alerts.map((a) => ({ ...a, case_id: opened!.id, record_id: record!.id })));
    }
    const brokenIds = await trx('government_commitments').whereNotNull('dishonesty_record_id').select('body_uscc', 'dishonesty_record_id', 'broken_on', 'title') as Record<string, unknown>[];
    await insert('integrity_alerts', brokenIds.map((c) => ({
      kind: 'COMMITMENT_BROKEN', body_uscc: c.body_uscc, record_id: c.dishonesty_record_id, raised_on: c.broken_on,
      message: `Commitment ${String(c.title)} declared broken; government-dishonesty record ${String(c.dishonesty_record_id)} is in the body's archive`,
    })));
  }
  return {
    commitments: rows.commitments.length, enforcementCases: rows.enforcementCases.length + (consequences?.listings.length ?? 0), interviews: interviews.length,
    complaints: rows.complaints.length, dishonestyRecords: consequences?.dishonestyRecords.length ?? 0, tenures: consequences?.tenures.length ?? 0,
    payments: consequences?.payments.length ?? 0, listings: consequences?.listings.length ?? 0,
  };
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
  const registered = await knex.schema.hasColumn('organisations', 'former_names');
  const { inserted: counts, governmentIntegrity } = await knex.transaction(async (trx) => {
    const inserted = await withoutPlainIndexes(trx, INDEXED_AFTER_LOAD, async () => ({
      organisations: await insertChunks(trx, 'organisations', data.organisations,
        registered ? toOrganisationRow : (o) => withoutRegistration(toOrganisationRow(o)), options),
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
