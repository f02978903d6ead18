/** A measure (integrity_measures) as the resolvers read it: dates YYYY-MM-DD, ids as strings. */
export interface MeasureRow {
  id: string;
  subjectUscc: string | null;
  civilServantId: string | null;
  kind: string;
  ruleVersion: string;
  legalBasis: string;
  reason: string;
  imposedOn: string;
  deadlineWorkingDays: number | null;
  dueOn: string | null;
  dueOnProvisional: boolean;
  effectEndsOn: string | null;
  status: 'OPEN' | 'RECTIFICATION_REPORTED' | 'CLOSED';
  rectification: string | null;
  rectificationReportedOn: string | null;
  outcome: string | null;
  closingNote: string | null;
  closedOn: string | null;
  complaintId: string | null;
  imposedBy: string;
  version: number;
}

/** A measure to store. */
export type NewMeasure = Omit<MeasureRow, 'id' | 'status' | 'rectification' | 'rectificationReportedOn' | 'outcome' | 'closingNote' | 'closedOn' | 'version'>;

/** Who a measure may be about, as the store knows them. */
export interface MeasureSubject {
  /** GOVERNMENT_BODY, PUBLIC_INSTITUTION, ENTERPRISE … for an organisation; CIVIL_SERVANT for a person. */
  kind: string;
  /** The organisation itself, or the civil servant's employer. */
  organisationUscc: string;
}

/**
 * The measures table as the resolvers use it (KnexMeasureStore): every change locks the row, compares the version the
 * caller read (CONFLICT when stale) and lets the caller check the transition, in one transaction.
 */
export interface MeasureStore {
  insert(measure: NewMeasure): Promise<MeasureRow>;
  /** Locks the measure, checks `version`, applies what `change` returns (it may throw) and bumps the version. */
  change(id: string, version: number, change: (row: MeasureRow) => Partial<MeasureRow>): Promise<MeasureRow>;
  /** Measures about an organisation or a civil servant (or all), newest first, optionally of one status. */
  measures(filter: { subjectUscc?: string | null; civilServantId?: string | null; status?: string | null }): Promise<MeasureRow[]>;
  /** Measures not closed whose deadline passed before `today`, optionally of one district, oldest deadline first. */
  overdue(today: string, districtCode: string | null): Promise<MeasureRow[]>;
  /** An organisation or a civil servant the hub knows, or null. */
  subject(ref: { uscc?: string | null; civilServantId?: string | null }): Promise<MeasureSubject | null>;
  /** A complaint's status and body, or null. */
  complaint(id: string): Promise<{ status: string; bodyUscc: string } | null>;
}
