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
  /** True when the hub knows the organisation `uscc`. */
  organisationExists(uscc: string): Promise<boolean>;
}
