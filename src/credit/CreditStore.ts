/** An organisation as the store returns it (camelCase; mapped from the row in KnexCreditStore). */
export interface OrganisationRow {
  uscc: string;
  kind: string;
  name: string;
  districtCode: string;
  parentUscc: string | null;
  legalRepresentative: string | null;
  establishedOn: string | null;
  /** GB/T 4754-2017 division, two digits. */
  industryCode: string | null;
  /** 万元, exact decimal string. */
  registeredCapital: string | null;
  registrationStatus: string | null;
  businessScope: string | null;
  registrationAuthorityUscc: string | null;
  /** Oldest first; `until` is YYYY-MM-DD. */
  formerNames: { name: string; until: string }[];
}

/** A civil servant; the ID number only in masked form (the ciphertext never leaves the store). */
export interface CivilServantRow {
  id: string;
  name: string;
  idNumberMasked: string;
  employerUscc: string;
  post: string;
}

/** A credit record. Dates are ISO `YYYY-MM-DD`; amounts are exact decimal strings in 10,000 yuan. */
export interface CreditRecordRow {
  id: string;
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
  /**
   * The record's parties as read with its page when only some of their properties were asked for (`partyReads`):
   * they answer the record's `authority` and `sourceUnit`, and nothing else (they are not whole organisations).
   */
  partiesRead?: Partial<Record<PartyRole, OrganisationRow>>;
}

/** A property of a record row read from the record itself. */
export type RecordRowProperty = Exclude<keyof CreditRecordRow, 'partiesRead'>;

/** A catalogue item (公共信用信息目录条目). */
export interface CatalogItemRow {
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

/** A district or functional area of Shenzhen (or the city itself). */
export interface DistrictRow {
  code: string;
  nameEn: string;
  nameZh: string;
  level: string;
  /** CITY, DISTRICT or FUNCTIONAL_AREA. */
  areaType: string;
  /** True when `code` is not a GB/T 2260 code but a local one (Qianhai, Dapeng, Shenshan). */
  localCode: boolean;
  /** Why a local code exists and where it comes from; null for GB/T 2260 codes. */
  codeNote: string | null;
}

/** Filters on credit records; every list is "any of", the lists are combined with AND. */
export interface RecordFilter {
  kinds?: string[];
  severities?: string[];
  statuses?: string[];
  governanceFields?: string[];
  districts?: string[];
  decidedFrom?: string;
  decidedTo?: string;
  sourceUnits?: string[];
  /** Kinds of the record's subject: organisations.kind of its USCC, or CIVIL_SERVANT (column subject_kind). */
  subjectKinds?: string[];
  /**
   * Only records disclosed to the public on this day (YYYY-MM-DD): none REPAIRED, WITHDRAWN or EXPIRED,
   * none whose publicity end is before it. Absent: every record. Set from the request's visibility
   * (creditVisibility.ts), never from the client's filter.
   */
  disclosedOn?: string;
  /**
   * Only records whose catalogue item's disclosure attribute (PUBLIC, CONDITIONAL, NOT_PUBLIC) is one of
   * these, or one of `ownSubjectClasses` for a record about one of `ownSubjects`. Absent: every class.
   * Set from the request's visibility, never from the client's filter.
   */
  disclosureClasses?: string[];
  ownSubjectClasses?: string[];
  ownSubjects?: string[];
}

/** Whose records: an organisation or a civil servant. */
export type RecordOwner = { type: 'subject'; uscc: string } | { type: 'civilServant'; id: string };

/** Keyset position: records strictly after this one in (decisionDate desc, id desc) order. */
export interface RecordPosition {
  decisionDate: string;
  id: string;
}

/** One page request; `limit` rows are returned at most (the store fetches one more to see if more exist). */
export interface PageRequest {
  filter: RecordFilter;
  limit: number;
  after?: RecordPosition;
}

/** A page of rows and whether more follow. */
export interface RecordPage {
  rows: CreditRecordRow[];
  hasNextPage: boolean;
  /**
   * Records of the owner matching the filter on all pages, when the read could tell at no extra cost (a first
   * page, without `after`, read by `recordPagesByOwner`); otherwise absent.
   */
  totalCount?: number;
  /** The deciding authorities and source units of `rows`, those asked for (`parties`). */
  parties?: OrganisationRow[];
}

/** A party a record names besides its subject: the deciding authority (决定机关) or the source unit (数据来源单位). */
export type PartyRole = 'authority' | 'sourceUnit';

/** What else a batched page read brings along, and what it may leave out. */
export interface RecordPageOptions {
  /** The organisations named in these roles by the page's records, read in the same statement. */
  parties?: readonly PartyRole[];
  /** The properties of the rows the caller reads; the store may leave the others unset. Absent: the whole row. */
  reads?: readonly RecordRowProperty[];
  /**
   * The properties of the parties the caller reads. Given, the parties come on each row (`partiesRead`) with only
   * those, instead of as whole organisations in the page's `parties`.
   */
  partyReads?: readonly (keyof OrganisationRow)[];
}

/** Filters on organisations (the directory); every list is "any of", the conditions are combined with AND. */
export interface OrganisationFilter {
  kinds?: string[];
  districts?: string[];
  /** Only organisations directly under one of these (organisations.parent_uscc). */
  parents?: string[];
  /** Only bodies of the city (area type CITY) or only those of a district or functional area. */
  level?: 'CITY' | 'DISTRICT';
}

/** A page of the directory in USCC order: `limit` rows at most, after the USCC `after`. */
export interface OrganisationPageRequest {
  filter: OrganisationFilter;
  limit: number;
  after?: string;
}

/** A page of organisations and whether more follow. */
export interface OrganisationPage {
  rows: OrganisationRow[];
  hasNextPage: boolean;
}

/** Filters of a subject search; every list is "any of", the conditions are combined with AND. */
export interface SubjectSearchFilter {
  kinds?: string[];
  districts?: string[];
  /** GB/T 4754-2017 division codes (a section already expanded to its divisions). */
  industryCodes?: string[];
  statuses?: string[];
  /** Registered capital bounds in 万元, inclusive, exact decimal strings. */
  capitalFrom?: string;
  capitalTo?: string;
  /** Establishment date bounds, inclusive, YYYY-MM-DD. */
  establishedFrom?: string;
  establishedTo?: string;
}

/** Where a search hit stands in the ranking: relevance tier (0 best), then name, then USCC. */
export interface SearchPosition {
  rank: number;
  name: string;
  uscc: string;
}

/** What part of the organisation matched the query. */
export type SearchMatch = 'USCC' | 'NAME' | 'FORMER_NAME';

/** A page of a subject search: `limit` hits at most, after the position `after`. */
export interface SubjectSearchRequest {
  /** At least two characters once whitespace is removed (the caller checks). */
  query: string;
  filter: SubjectSearchFilter;
  limit: number;
  after?: SearchPosition;
}

/** One organisation found, with its position and what matched. */
export interface SubjectSearchHit {
  row: OrganisationRow;
  rank: number;
  match: SearchMatch;
}

/** A page of search hits and whether more follow. */
export interface SubjectSearchPage {
  hits: SubjectSearchHit[];
  hasNextPage: boolean;
}

/** What records can be grouped by in statistics; the period dimensions are of the decision date. */
export const STATISTICS_DIMENSIONS = [
  'DISTRICT', 'SUBJECT_KIND', 'RECORD_KIND', 'SEVERITY', 'STATUS', 'GOVERNANCE_FIELD', 'SOURCE_UNIT', 'CATALOG_ITEM',
  'MONTH', 'QUARTER', 'YEAR',
] as const;
/** One grouping dimension of `recordStatistics`. */
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** One group of records: its key per requested dimension (null where the records have none), count and fines. */
export interface StatisticsRow {
  keys: Partial<Record<StatisticsDimension, string | null>>;
  count: number;
  /** Sum of fine amounts in 万元, exact; null when not asked for or when no record of the group has a fine. */
  fineTotal: string | null;
}

/** Options of `recordStatistics`. */
export interface StatisticsOptions {
  /** Also sum the fines (costs a read of every record instead of an index-only count). */
  withFines: boolean;
  /** At most this many groups are returned (the store reads one more to tell that there are more). */
  maxRows: number;
}

/** Records of one special-governance field decided in one month and, if they left publicity, when. */
export interface FieldProgressCount {
  governanceField: string;
  /** YYYY-MM of the decision date. */
  decidedIn: string;
  /** YYYY-MM of the day the record left publicity (repaired, withdrawn, removed or expired); null while it is open. */
  closedIn: string | null;
  count: number;
}

/**
 * Read access to the credit records store. Batch methods return one entry per input key, in input
 * order (null or an empty page where nothing matches) and issue a constant number of statements.
 */
export interface CreditStore {
  organisationsByUscc(usccs: readonly string[]): Promise<(OrganisationRow | null)[]>;
  departmentsOf(parentUsccs: readonly string[]): Promise<OrganisationRow[][]>;
  civilServantsById(ids: readonly string[]): Promise<(CivilServantRow | null)[]>;
  /**
   * Citizen ID numbers in full, decrypted, one per id (null where unknown): one statement. Rejects when
   * the store has no vault to decrypt with. Call only for a consumer entitled to unmask.
   */
  idNumbersById(ids: readonly string[]): Promise<(string | null)[]>;
  catalogItemsByCode(codes: readonly string[]): Promise<(CatalogItemRow | null)[]>;
  listCatalogItems(recordKind?: string): Promise<CatalogItemRow[]>;
  listDistricts(): Promise<DistrictRow[]>;
  /** Pages of records for several owners with the same page request, with their total counts on a first page: one statement. */
  recordPagesByOwner(owners: readonly RecordOwner[], page: PageRequest, options?: RecordPageOptions): Promise<RecordPage[]>;
  /** Record counts for several owners with the same filter: one statement. */
  recordCountsByOwner(owners: readonly RecordOwner[], filter: RecordFilter): Promise<number[]>;
  /** A page of all records matching the filter. */
  recordPage(page: PageRequest): Promise<RecordPage>;
  countRecords(filter: RecordFilter): Promise<number>;
  /**
   * Counts (and fine sums) of the records matching the filter, grouped by `groupBy` (in that order, each
   * dimension at most once): one statement over the same base query as `recordPage` and `countRecords`, read
   * where it can be from rollups kept exact by the database (src/credit/rollupStatistics.ts) with the same answer.
   * Groups ordered by their keys; at most `maxRows + 1` rows, so that the caller sees when there are more.
   */
  recordStatistics(groupBy: readonly StatisticsDimension[], filter: RecordFilter, options: StatisticsOptions): Promise<StatisticsRow[]>;
  /**
   * Records matching the filter that carry a governance field, decided on or before `until`, counted by
   * field, decision month and closing month (judged on `today`): one statement.
   */
  fieldProgressCounts(filter: RecordFilter, until: string, today: string): Promise<FieldProgressCount[]>;
  /** A page of organisations in USCC order. */
  organisationPage(page: OrganisationPageRequest): Promise<OrganisationPage>;
  countOrganisations(filter: OrganisationFilter): Promise<number>;
  /**
   * Organisations whose current or former name contains the query (whitespace, case and full-width brackets aside)
   * or whose USCC starts with it, ranked: exact name or USCC, then names (or trade names after 深圳/深圳市/深圳前海)
   * starting with it and USCC prefixes, then names containing it, then former names only; ties by name and USCC.
   * One statement.
   */
  searchSubjects(request: SubjectSearchRequest): Promise<SubjectSearchPage>;
  /** How many organisations `searchSubjects` finds for the query and filter, on all pages: one statement. */
  countSubjectSearch(query: string, filter: SubjectSearchFilter): Promise<number>;
  /** Resolves when the database answers; rejects with the driver's reason otherwise. */
  ping(): Promise<void>;
}
