/** Which commitments the register lists; null admits all. `today` decides which are overdue. */
export interface CommitmentRegisterFilter {
  districts: readonly string[] | null;
  kinds: readonly string[] | null;
  statuses: readonly string[] | null;
  overdue: boolean | null;
  today: string;
}

/** One window of a list of commitments, with the list's length. */
export interface CommitmentPage {
  rows: Row[];
  total: number;
}

/** A row of government_commitments, enforcement_cases or integrity_complaints as the resolvers read it. */
export type Row = Record<string, unknown> & { id: string; version: number };

/** A catalogue item as the workflow needs it to file a record. */
export interface CatalogItemRef {
  code: string;
  source_unit_uscc: string;
  legal_basis: string;
}

/** Which SME arrears to list and on which day. */
export interface ArrearsQuery {
  asOf: string;
  bodyUscc: string | null;
  districtCode: string | null;
  /** Keyset position: after this due date and id. */
  after: { dueOn: string; id: string } | null;
  limit: number;
}

/** A payable from a finance system, validated, with the columns to store and its parts paid. */
export interface ArrearsFeedRow {
  rowNumber: number;
  sourceKey: string;
  hash: string;
  values: Record<string, unknown>;
  payments: { paid_on: string; amount: string }[];
}

/** The enforcement case a listing of a body opens (columns of enforcement_cases). */
export interface CaseOpening {
  case_number: string;
  body_uscc: string;
  court_uscc: string;
  amount: string | null;
  filed_on: string;
  conduct: string;
  notification_due_on: string;
  notification_rule: string;
}

/** A listing or deletion from the court, validated. */
export type DefaulterFeedRow =
  | { rowNumber: number; action: 'LISTING'; caseNumber: string; record: Record<string, unknown> & { subject_uscc: string; decision_date: string }; openCase: CaseOpening | null; alert: string }
  | { rowNumber: number; action: 'DELETION'; caseNumber: string; deletedOn: string; expired: boolean };

/** What happened to one row of a batch. */
export interface FeedOutcome {
  rowNumber: number;
  status: 'ACCEPTED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';
  id: string | null;
  errors: { field: string; message: string }[];
}

/**
 * The government integrity tables (government_commitments, enforcement_cases, enforcement_interviews,
 * integrity_complaints) as the resolvers use them: every change is one transaction that locks the row,
 * compares the version the caller read (CONFLICT when stale) and checks the transition. Implemented by
 * KnexGovernmentIntegrityStore.
 */
export interface GovernmentIntegrityStore {
  /** Inserts one row into `table` and returns it as stored. */
  insert(table: string, values: Record<string, unknown>): Promise<Row>;
  /** Locks the row, checks the version and lets `change` return the new values (or throw); bumps the version. */
  change(table: string, what: string, id: string, version: number | null, change: (row: Row) => Record<string, unknown>): Promise<Row>;
  /** Marks a pending commitment fulfilled; NOT_ALLOWED from any other status. */
  fulfilCommitment(id: string, fulfilledOn: string, version: number): Promise<Row>;
  /** Moves a complaint to `to` along the complaint transitions of the rules; a final status records the outcome. */
  advanceComplaint(id: string, to: string, outcome: string | null, concludedOn: string, version: number): Promise<Row>;
  /** The commitments of the bodies `usccs`, by due date, optionally of one status. */
  commitmentsOf(usccs: readonly string[], status: string | null): Promise<Row[]>;
  /**
   * For each enterprise of `usccs` (in key order), the window [offset, offset + limit) of the commitments owed
   * to it, by due date then id, optionally of one status, with how many there are: two queries for all keys.
   */
  commitmentsOwedTo(usccs: readonly string[], status: string | null, offset: number, limit: number): Promise<CommitmentPage[]>;
  /** The window [offset, offset + limit) of the commitments `filter` admits, by due date then id, with how many there are. */
  commitmentRegister(filter: CommitmentRegisterFilter, offset: number, limit: number): Promise<CommitmentPage>;
  /** Pending commitments due before `today`, optionally of one district. */
  overdueCommitments(today: string, districtCode: string | null): Promise<Row[]>;
  /** Enforcement cases against the bodies `usccs`, newest first. */
  casesOf(usccs: readonly string[]): Promise<Row[]>;
  /** The interviews of the cases `caseIds`, oldest first. */
  interviewsOf(caseIds: readonly string[]): Promise<Row[]>;
  /** Cases filed on or before `until`, with their body's district, for the monthly indicator. */
  casesForIndicator(until: string, districtCode: string | null): Promise<{ filed_on: string; closed_on: string | null }[]>;
  /**
   * New listings of `kind` (judgment defaulters) whose subject's USCC starts with one of `prefixes`, listed
   * from `from` to `until` inclusive, with the listing date and subject; `districtCode` narrows to one area.
   */
  listingsForIndicator(kind: string, prefixes: readonly string[], from: string, until: string, districtCode: string | null): Promise<{ listed_on: string; subject_uscc: string }[]>;
  /** Complaints, newest first, optionally of one status. */
  complaints(status: string | null): Promise<Row[]>;
  /** A complaint by its receipt code with its body's name, or undefined. */
  complaintByReceipt(receiptCode: string): Promise<(Row & { body_name: string | null }) | undefined>;
  /** The measures (integrity_measures) a complaint led to, oldest first. */
  measuresOfComplaint(complaintId: string): Promise<Row[]>;
  /** True when the hub knows the organisation `uscc`. */
  organisationExists(uscc: string): Promise<boolean>;
  /** Of `usccs`, those the hub knows, with their names. */
  organisationNames(usccs: readonly string[]): Promise<Map<string, string>>;
  /** The catalogue item `code`, or null when the catalogue lacks it. */
  catalogItem(code: string): Promise<CatalogItemRef | null>;
  /**
   * In one transaction: locks the commitment, checks the version (CONFLICT) and that its status is one of
   * `fromStatuses`, inserts the record `toRecord` builds (given the body's leadership tenures), marks the commitment BROKEN with the declaration and
   * the record, and raises a COMMITMENT_BROKEN alert. Returns the commitment as stored.
   */
  declareBroken(id: string, version: number, fromStatuses: readonly string[], declaration: { brokenOn: string; reason: string; evidence: string[] },
    toRecord: (commitment: Row, tenures: Row[]) => Record<string, unknown>): Promise<Row>;
  /** Leadership tenures of the bodies `usccs`, earliest first. */
  tenuresOf(usccs: readonly string[]): Promise<Row[]>;
  /**
   * Locks the body, ends the current tenure the day before `startedOn` and opens the new one. CONFLICT when a
   * change on that day is already recorded; BAD_USER_INPUT when it is not after the current tenure's start.
   */
  recordLeadershipChange(values: { body_uscc: string; leader_name: string; post: string; started_on: string; recorded_by: string }): Promise<Row>;
  /** The parts paid of the commitments `ids`, oldest first. */
  paymentsOf(ids: readonly string[]): Promise<Row[]>;
  /**
   * Locks the payment, checks the version (CONFLICT), that it is a PENDING payment and that `amount` is at
   * most what is outstanding; records the part, and marks it FULFILLED when nothing is left.
   */
  recordPayment(id: string, version: number, paidOn: string, amount: string, recordedBy: string): Promise<Row>;
  /** SME payments past due and not fully paid on `asOf`, by due date and id, with the payer's district, and how many match. */
  smeArrears(query: ArrearsQuery): Promise<{ rows: Row[]; totalCount: number }>;
  /** Stores a batch of payables of `sourceSystem` in one transaction, idempotent by source key; one outcome per row. */
  storeArrearsFeed(sourceSystem: string, rows: readonly ArrearsFeedRow[], recordedBy: string): Promise<FeedOutcome[]>;
  /** Applies the court's listings and deletions in one transaction, idempotent by court and case number; one outcome per row. */
  storeDefaulterFeed(court: string, rows: readonly DefaulterFeedRow[], recordedBy: string, today: string): Promise<FeedOutcome[]>;
  /** Alerts to the credit office, newest first, optionally of one kind. */
  alerts(kind: string | null): Promise<Row[]>;
}
