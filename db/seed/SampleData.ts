import type { CatalogItemRow, CreditRecordRow } from '../../src/credit/index.js';
import type { IntegrityRows } from './integrity/buildIntegrityRows.js';

/** Which sample data set to generate: a few hundred subjects, or benchmark volume. */
export type SampleDataSize = 'small' | 'large';

/** Options of the generator and the loader; both default so that output never depends on the clock. */
export interface SampleDataOptions {
  /** PRNG seed; default `DEFAULT_SAMPLE_SEED`. */
  seed?: number;
  /** The "today" of the data set (YYYY-MM-DD): decision dates end here, statuses are as of it. */
  asOf?: string;
}

/** Registration status (登记状态) codes, as stored in organisations.registration_status. */
export type RegistrationStatus = 'EXISTING' | 'IN_BUSINESS' | 'REVOKED' | 'DEREGISTERED' | 'MOVED_OUT';

/** A name an organisation was registered under until `until` (曾用名). */
export interface FormerName {
  name: string;
  /** YYYY-MM-DD: the day the name changed. */
  until: string;
}

/** An organisation row (table `organisations`), parents before children. */
export interface SampleOrganisation {
  uscc: string;
  name: string;
  districtCode: string;
  parentUscc: string | null;
  legalRepresentative: string | null;
  establishedOn: string | null;
  /** GB/T 4754-2017 division (two digits). */
  industryCode: string | null;
  /** Registered capital in 万元, an exact decimal string; null where there is none. */
  registeredCapital: string | null;
  registrationStatus: RegistrationStatus | null;
  businessScope: string | null;
  registrationAuthorityUscc: string | null;
  /** Oldest first. */
  formerNames: FormerName[];
}

/** A civil servant. `idNumber` is the plain citizen ID: it exists only in memory, the loader encrypts it. */
export interface SampleCivilServant {
  id: string;
  name: string;
  idNumber: string;
  employerUscc: string;
  post: string;
}

/** A catalogue item (table `catalog_items`): the same shape the store reads back. */
export type SampleCatalogItem = CatalogItemRow;

/** A credit record (table `credit_records`) before the database gives it an id and a district. */
export type SampleCreditRecord = Omit<CreditRecordRow, 'id'>;

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
  /** Government-integrity rows (commitments, enforcement cases and interviews, complaints), built on first call. */
  governmentIntegrity: () => IntegrityRows;
}
