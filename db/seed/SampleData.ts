/** Which sample data set to generate: a few hundred subjects, or benchmark volume. */
export type SampleDataSize = 'small' | 'large';

/** Options of the generator and the loader; both default so that output never depends on the clock. */
export interface SampleDataOptions {
  /** PRNG seed; default `DEFAULT_SAMPLE_SEED`. */
  seed?: number;
  /** The "today" of the data set (YYYY-MM-DD): decision dates end here, statuses are as of it. */
  asOf?: string;
}

/** An organisation row (table `organisations`), parents before children. */
export interface SampleOrganisation {
  uscc: string;
  name: string;
  districtCode: string;
  parentUscc: string | null;
  legalRepresentative: string | null;
  establishedOn: string | null;
}

/** A civil servant. `idNumber` is the plain citizen ID: it exists only in memory, the loader encrypts it. */
export interface SampleCivilServant {
  id: string;
  name: string;
  idNumber: string;
  employerUscc: string;
  post: string;
}

/** A catalogue item (table `catalog_items`). */
export interface SampleCatalogItem {
  code: string;
  name: string;
  nameZh: string;
  recordKind: string;
  conduct: string;
  sourceUnitUscc: string;
  sourceChannel: string;
  dataFormat: string;
  reportingCycle: string;
  disclosure: string;
  sharingClass: string;
  retentionYears: number;
  legalBasis: string;
}

/** A credit record (table `credit_records`); amounts are exact decimal strings in 10,000 yuan. */
export interface SampleCreditRecord {
  kind: string;
  subjectUscc: string | null;
  civilServantId: string | null;
  authorityUscc: string;
  documentNumber: string;
  title: string;
  content: string | null;
  legalBasis: string | null;
  decisionDate: string;
  severity: string | null;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  sourceUnitUscc: string;
  catalogItemCode: string;
  governanceField: string | null;
  publicityStart: string | null;
  publicityMinEnd: string | null;
  publicityEnd: string | null;
  ruleVersion: string | null;
  status: string;
  details: Record<string, unknown>;
}

/**
 * A generated data set: each table as an iterable of chunks, in the order they must be inserted.
 * Each iterable can be iterated again and yields the same rows; credit records are produced lazily,
 * so the large size never holds more than one chunk of them.
 */
export interface SampleData {
  size: SampleDataSize;
  seed: number;
  asOf: string;
  organisations: Iterable<SampleOrganisation[]>;
  civilServants: Iterable<SampleCivilServant[]>;
  catalogItems: Iterable<SampleCatalogItem[]>;
  creditRecords: Iterable<SampleCreditRecord[]>;
}
