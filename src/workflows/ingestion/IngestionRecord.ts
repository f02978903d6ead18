import type { IngestedKind } from './doublePublicityFormat.js';

/** A field-level reason a row is rejected: `field` is the format's field name (CF_XDR_SHXYM) or `row`. */
export interface RowError {
  field: string;
  message: string;
}

/** A code in a row that failed its checksum: it also goes to the data-quality queue. */
export interface ChecksumIssue {
  field: string;
  value: string;
  expected: string;
  reason: string;
}

/** What validation needs to know beyond the row itself, loaded for the whole batch before validating. */
export interface IngestionReferences {
  /** The batch's source unit (数据来源单位), already known to be registered. */
  sourceUnitUscc: string;
  /** Today in Asia/Shanghai, YYYY-MM-DD: no decision may be dated later; statuses are judged on it. */
  today: string;
  /** Which of the USCCs the batch names are registered organisations (subjects and authorities). */
  registeredUsccs: ReadonlySet<string>;
  /** The deciding authorities the source unit is registered to report decisions of (source_unit_authorities). */
  reportableAuthorities: ReadonlySet<string>;
  /** The catalogue (公共信用信息目录) by item code. */
  catalogItems: ReadonlyMap<string, { recordKind: string; sourceUnitUscc: string }>;
}

/** A valid row as the columns of credit_records (snake_case lives only in the store). */
export interface IngestionRecord {
  kind: IngestedKind;
  subjectUscc: string;
  authorityUscc: string;
  documentNumber: string;
  title: string;
  content: string | null;
  legalBasis: string | null;
  decisionDate: string;
  severity: 'MINOR' | 'GENERAL' | 'SERIOUS' | null;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  sourceUnitUscc: string;
  catalogItemCode: string;
  publicityStart: string | null;
  publicityMinEnd: string | null;
  publicityEnd: string | null;
  ruleVersion: string | null;
  status: 'IN_PUBLICITY' | 'EXPIRED' | 'WITHDRAWN';
  details: Record<string, unknown>;
  /** Fingerprint of the row's normalised fields: an equal fingerprint means a resend of the same row. */
  sourceHash: string;
}

/** One row after validation: the record to store, or every reason it is rejected. */
export interface ValidatedRow {
  rowNumber: number;
  /** The row's authority code and document number as sent ('' when absent), to name it in reports and the queue. */
  authority: string;
  documentNumber: string;
  record: IngestionRecord | null;
  errors: RowError[];
  checksumIssues: ChecksumIssue[];
}

/**
 * The keys of `credit_records.details` that ingestion owns: an update replaces exactly these and keeps what
 * other workflows wrote there (objection, repair).
 */
export const INGESTED_DETAIL_KEYS = [
  'penaltyCategories', 'violationType', 'subjectCategory', 'legalRepresentative', 'facts', 'permitsSuspended',
  'validUntil', 'reportedPublicityEnd', 'sectors', 'authorityName', 'sourceUnitName', 'remarks', 'withdrawalReason', 'withdrawal',
  'withdrawnOn', 'licenceCategory', 'licenceName', 'certificateName', 'certificateNumber', 'validFrom', 'validTo', 'sourceHash',
] as const;
