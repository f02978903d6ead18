import type { SampleDataSize } from './SampleData.js';
import type { IntegrityPlan } from './integrity/buildIntegrityRows.js';

/** How many of each thing a size generates. */
export interface SampleDataPlan {
  /** `core` bodies only, or the `extended` set with district departments and street offices. */
  tier: 'core' | 'extended';
  enterprises: number;
  individualBusinesses: number;
  cooperatives: number;
  socialOrganisations: number;
  /** Government bodies and public institutions together; null: just the core ones. */
  governmentAndInstitutions: number | null;
  civilServants: number;
  creditRecords: number;
  /** Rows per yielded chunk. */
  chunkSize: number;
  /** Government-integrity rows: commitments, enforcement cases against bodies, complaints. */
  integrity: IntegrityPlan;
}

/** The two sizes: `small` loads in seconds for tests, `large` is benchmark volume. */
export const SAMPLE_DATA_PLANS: Readonly<Record<SampleDataSize, SampleDataPlan>> = Object.freeze({
  small: {
    tier: 'core',
    enterprises: 340,
    individualBusinesses: 55,
    cooperatives: 5,
    socialOrganisations: 20,
    governmentAndInstitutions: null,
    civilServants: 300,
    creditRecords: 4_000,
    chunkSize: 1_000,
    integrity: { commitments: 150, enforcementCases: 30, complaints: 80, consequences: { listings: 4, tenureBodies: 10 } },
  },
  large: {
    tier: 'extended',
    enterprises: 100_000,
    individualBusinesses: 15_000,
    cooperatives: 200,
    socialOrganisations: 600,
    governmentAndInstitutions: 1_000,
    civilServants: 20_000,
    creditRecords: 1_000_000,
    chunkSize: 5_000,
    integrity: { commitments: 4_000, enforcementCases: 400, complaints: 2_000, consequences: { listings: 20, tenureBodies: 200 } },
  },
});

/** The default PRNG seed (any fixed number would do; this one spells 诚信 in GB2312 hex). */
export const DEFAULT_SAMPLE_SEED = 0xb3cfd0c5;

/** The default "today" of generated data, fixed so output never depends on the clock. */
export const DEFAULT_AS_OF = '2026-11-01';

/** First decision date of generated credit records. */
export const FIRST_DECISION_DATE = '2019-01-01';

/**
 * Relative share of each record kind among generated credit records: licences and penalties dominate, as on the
 * real platform, where double-publicity licences outnumber penalties (about 2:1 here, several to one nationally);
 * with commendations and credit commitments about 61 % of records are positive. Records about officials are rare
 * (about one sanction per 50 civil servants a year in the large set). See README.md for the reasoning.
 */
export const RECORD_KIND_SHARES: Readonly<Record<string, number>> = Object.freeze({
  ADMINISTRATIVE_LICENCE: 52,
  ADMINISTRATIVE_PENALTY: 26,
  JUDICIAL_JUDGMENT: 6,
  JUDGMENT_DEFAULTER: 5,
  SERIOUS_DISHONESTY: 1.5,
  GOVERNMENT_SANCTION: 0.15,
  DISCIPLINARY_SANCTION: 0.15,
  PARTY_DISCIPLINE: 0.1,
  ACCOUNTABILITY: 0.3,
  COMMENDATION: 3,
  CREDIT_COMMITMENT: 6,
});

/** Record kinds the record generator does not draw: their sample records come with a workflow's rows (db/seed/integrity). */
export const KINDS_FROM_WORKFLOWS: readonly string[] = Object.freeze(['GOVERNMENT_DISHONESTY']);
