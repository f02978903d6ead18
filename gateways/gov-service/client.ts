import { createPlatformClient, inChunks, MalformedBodyError, readAllPages, readWindowPerCode, type CodeWindow, type JsonReader, type ListWindow, type PlatformSettings, type StatisticsPeriod } from '../shared/index.js';

/** Status of a case (办件状态). */
export type ServiceCaseStatus = 'IN_PROGRESS' | 'FINISHED' | 'REJECTED' | 'WITHDRAWN';
/** Review level (评价等级), very satisfied to very dissatisfied. */
export type ReviewLevel = 'VERY_SATISFIED' | 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED' | 'VERY_DISSATISFIED';
/** Where a review was given (评价渠道). */
export type ReviewChannel = 'WEB' | 'MOBILE' | 'SERVICE_HALL' | 'SELF_SERVICE_TERMINAL' | 'SMS' | 'HOTLINE';
/** Status of the follow-up of a bad review (整改状态). */
export type RectificationStatus = 'PENDING' | 'IN_PROGRESS' | 'RECTIFIED' | 'FEEDBACK_GIVEN' | 'UNDER_APPEAL' | 'APPEAL_UPHELD';

/** Every review level, very satisfied first. */
export const REVIEW_LEVELS: readonly ReviewLevel[] = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'];
/** Every follow-up status, in process order. */
export const RECTIFICATION_STATUSES: readonly RectificationStatus[] = ['PENDING', 'IN_PROGRESS', 'RECTIFIED', 'FEEDBACK_GIVEN', 'UNDER_APPEAL', 'APPEAL_UPHELD'];

/** A service item (政务服务事项) as one department implements it. */
export interface ServiceItem {
  code: string;
  name: string;
  statutoryTimeLimitDays: number;
  promisedTimeLimitDays: number;
  fetchedAt: Date;
}

/** The follow-up of a bad review (差评整改). */
export interface ReviewRectification {
  id: string;
  status: RectificationStatus;
  /** YYYY-MM-DD. */
  deadline: string;
  /** ISO 8601 UTC, or null while open. */
  completedAt: string | null;
  overdue: boolean;
  fetchedAt: Date;
}

/** A review of a case (好差评). */
export interface ServiceReview {
  id: string;
  level: ReviewLevel;
  /** ISO 8601 UTC. */
  reviewedAt: string;
  channel: ReviewChannel;
  comment: string | null;
  rectification: ReviewRectification | null;
  fetchedAt: Date;
}

/** A case (办件) in our vocabulary. Times are ISO 8601 UTC, dates YYYY-MM-DD. */
export interface ServiceCase {
  caseNumber: string;
  serviceItem: ServiceItem;
  handlingDepartmentUscc: string;
  handlingDepartmentName: string;
  applicantUscc: string;
  applicantName: string;
  status: ServiceCaseStatus;
  appliedAt: string;
  acceptedAt: string | null;
  finishedAt: string | null;
  promisedDueDate: string | null;
  workingDaysUsed: number | null;
  overdue: boolean;
  review: ServiceReview | null;
  fetchedAt: Date;
}

/** Case and review figures of one period (办件与好差评统计). Per-level and per-status lists are complete. */
export interface ReviewFigures {
  periodStart: string;
  periodEnd: string;
  casesHandled: number;
  finishedCases: number;
  onTimeFinishedCases: number;
  overdueCases: number;
  reviewCount: number;
  reviewsByLevel: { level: ReviewLevel; count: number }[];
  badReviewCount: number;
  rectificationsByStatus: { status: RectificationStatus; count: number }[];
  overdueRectifications: number;
}

/** A department's case and review statistics (部门办件与好差评统计) over one period, with its months when asked. */
export interface DepartmentReviewStats extends ReviewFigures {
  departmentUscc: string;
  departmentName: string;
  /** The period's calendar months, when a monthly breakdown was asked; else empty. */
  months: ReviewFigures[];
  fetchedAt: Date;
}

/** An area's statistics (区划统计): every department of the area (the city's own under 440300) over one period, and its months. */
export interface AreaReviewStats extends ReviewFigures {
  areaCode: string;
  /** Departments of the area that implement service items. */
  departmentCount: number;
  months: ReviewFigures[];
  fetchedAt: Date;
}

/** The government service platform's API, in our vocabulary. Methods reject only with SourceError. */
export interface GovServiceClient {
  /** Every case of each applicant (newest first), in as few requests as the platform's limits allow; an unknown applicant has none. */
  listCasesByApplicants(usccs: readonly string[]): Promise<Map<string, ServiceCase[]>>;
  /**
   * One window of each applicant's cases (newest first), only of `status` when given, with how many there are:
   * one request for all applicants (two when no page size holds the window), split past 500; every asked USCC
   * is in the map.
   */
  listCaseWindowByApplicants(usccs: readonly string[], status: ServiceCaseStatus | null, window: ListWindow): Promise<Map<string, CodeWindow<ServiceCase>>>;
  /**
   * Statistics of each department the platform has figures for, over `period` (null: the platform's whole
   * statistics period), with the period's months when `monthly`; a department it does not know is absent.
   */
  getReviewStatsByDepartments(usccs: readonly string[], period?: StatisticsPeriod | null, monthly?: boolean): Promise<Map<string, DepartmentReviewStats>>;
  /** Statistics of each area (the city 440300 for the city's departments, or a district) over `period`, with its months; every area asked is present. */
  getReviewStatsByAreas(areaCodes: readonly string[], period: StatisticsPeriod): Promise<Map<string, AreaReviewStats>>;
  close(): void;
}

// The platform's limits: codes per batch request, and the largest page.
const MAX_CODES_PER_REQUEST = 500;
const PAGE_SIZE = 1000;
const MAX_PAGES = 200;

const CASE_STATUS: Readonly<Record<string, ServiceCaseStatus>> = { 办理中: 'IN_PROGRESS', 已办结: 'FINISHED', 不予受理: 'REJECTED', 已撤回: 'WITHDRAWN' };
// The platform numbers levels as the national 好差评 specification does: 5 is very satisfied, 1 very dissatisfied.
const LEVEL: Readonly<Record<string, ReviewLevel>> = { 5: 'VERY_SATISFIED', 4: 'SATISFIED', 3: 'BASICALLY_SATISFIED', 2: 'DISSATISFIED', 1: 'VERY_DISSATISFIED' };
const CHANNEL: Readonly<Record<string, ReviewChannel>> = { 1: 'WEB', 2: 'MOBILE', 3: 'SERVICE_HALL', 4: 'SELF_SERVICE_TERMINAL', 5: 'SMS', 6: 'HOTLINE' };
const RECTIFY_STATUS: Readonly<Record<string, RectificationStatus>> = {
  待整改: 'PENDING',
  整改中: 'IN_PROGRESS',
  已整改: 'RECTIFIED',
  已反馈: 'FEEDBACK_GIVEN',
  申诉中: 'UNDER_APPEAL',
  申诉通过: 'APPEAL_UPHELD',
};

function codeOf<T>(reader: JsonReader, table: Readonly<Record<string, T>>): T {
  const raw = typeof reader.value === 'number' ? String(reader.value) : reader.oneOf(Object.keys(table));
  const mapped = table[raw];
  if (mapped === undefined) throw new MalformedBodyError(reader.path, `one of ${Object.keys(table).join(', ')}`, reader.value);
  return mapped;
}

// The platform writes Beijing time as "yyyy-MM-dd HH:mm:ss".
function readTime(reader: JsonReader): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(reader.string());
  const time = m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+08:00`) : null;
  if (!time || Number.isNaN(time.getTime())) throw new MalformedBodyError(reader.path, 'a time yyyy-MM-dd HH:mm:ss', reader.value);
  return time.toISOString();
}

function readOptionalTime(reader: JsonReader): string | null {
  return reader.value === undefined || reader.value === null || reader.value === '' ? null : readTime(reader);
}

const readOptionalInteger = (reader: JsonReader): number | null => (reader.value === undefined || reader.value === null ? null : reader.integer());

const readFlag = (reader: JsonReader): boolean => reader.oneOf(['0', '1']) === '1';

function readRectification(r: JsonReader, fetchedAt: Date): ReviewRectification | null {
  if (r.value === null || r.value === undefined) return null;
  return {
    id: r.get('rectifyId').string(),
    status: codeOf(r.get('rectifyStatus'), RECTIFY_STATUS),
    deadline: r.get('rectifyDeadline').date(),
    completedAt: readOptionalTime(r.get('rectifyFinishTime')),
    overdue: readFlag(r.get('rectifyOverTimeFlag')),
    fetchedAt,
  };
}

function readReview(e: JsonReader, fetchedAt: Date): ServiceReview | null {
  if (e.value === null || e.value === undefined) return null;
  return {
    id: e.get('evaluateId').string(),
    level: codeOf(e.get('evaluateLevel'), LEVEL),
    reviewedAt: readTime(e.get('evaluateTime')),
    channel: codeOf(e.get('evaluateChannel'), CHANNEL),
    comment: e.get('evaluateContent').optionalString(),
    rectification: readRectification(e.get('rectifyInfo'), fetchedAt),
    fetchedAt,
  };
}

function readCase(c: JsonReader, fetchedAt: Date): ServiceCase {
  return {
    caseNumber: c.get('projNo').string(),
    serviceItem: {
      code: c.get('serviceCode').string(),
      name: c.get('serviceName').string(),
      statutoryTimeLimitDays: c.get('legalTimeLimit').integer(),
      promisedTimeLimitDays: c.get('promiseTimeLimit').integer(),
      fetchedAt,
    },
    handlingDepartmentUscc: c.get('serviceDepartmentCode').string(),
    handlingDepartmentName: c.get('serviceDepartmentName').string(),
    applicantUscc: c.get('applicantCode').string(),
    applicantName: c.get('applicantName').string(),
    status: codeOf(c.get('projStatus'), CASE_STATUS),
    appliedAt: readTime(c.get('applyTime')),
    acceptedAt: readOptionalTime(c.get('acceptTime')),
    finishedAt: readOptionalTime(c.get('finishTime')),
    promisedDueDate: c.get('promiseEndTime').optionalDate(),
    workingDaysUsed: readOptionalInteger(c.get('usedWorkDays')),
    overdue: readFlag(c.get('overTimeFlag')),
    review: readReview(c.get('evaluateInfo'), fetchedAt),
    fetchedAt,
  };
}

function readFigures(s: JsonReader): ReviewFigures {
  const byLevel = new Map<ReviewLevel, number>();
  for (const l of s.get('evaluateLevelStats').items()) byLevel.set(codeOf(l.get('evaluateLevel'), LEVEL), l.get('evaluateCount').integer());
  const byStatus = new Map<RectificationStatus, number>();
  for (const r of s.get('rectifyStats').items()) byStatus.set(codeOf(r.get('rectifyStatus'), RECTIFY_STATUS), r.get('rectifyCount').integer());
  return {
    periodStart: s.get('statStartDate').date(),
    periodEnd: s.get('statEndDate').date(),
    casesHandled: s.get('projCount').integer(),
    finishedCases: s.get('finishCount').integer(),
    onTimeFinishedCases: s.get('inTimeFinishCount').integer(),
    overdueCases: s.get('overTimeCount').integer(),
    reviewCount: s.get('evaluateCount').integer(),
    // The platform leaves out levels and statuses with no reviews; the graph lists them all.
    reviewsByLevel: REVIEW_LEVELS.map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
    badReviewCount: s.get('badEvaluateCount').integer(),
    rectificationsByStatus: RECTIFICATION_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    overdueRectifications: s.get('rectifyOverTimeCount').integer(),
  };
}

// `cycleStats` is there only when a monthly breakdown (statCycle "month") was asked.
const readMonths = (s: JsonReader, monthly: boolean): ReviewFigures[] => (monthly ? s.get('cycleStats').items().map(readFigures) : []);

function readStats(s: JsonReader, monthly: boolean, fetchedAt: Date): DepartmentReviewStats {
  return {
    departmentUscc: s.get('serviceDepartmentCode').string(),
    departmentName: s.get('serviceDepartmentName').string(),
    ...readFigures(s),
    months: readMonths(s, monthly),
    fetchedAt,
  };
}

function readAreaStats(s: JsonReader, fetchedAt: Date): AreaReviewStats {
  return { areaCode: s.get('areaCode').string(), departmentCount: s.get('departmentCount').integer(), ...readFigures(s), months: readMonths(s, true), fetchedAt };
}

// The platform's period members: both dates or neither (its whole statistics period).
const periodMembers = (period: StatisticsPeriod | null | undefined, monthly: boolean) =>
  period ? { statStartDate: period.from, statEndDate: period.to, ...(monthly ? { statCycle: 'month' } : {}) } : {};

/**
 * Creates the client of the government service platform (政务服务平台) described by `settings`: batch
 * endpoints taking up to 500 codes, paged answers followed to the end, the platform's envelope
 * `{ code, msg, data }` checked by the kit, and its field names mapped to ours.
 */
export function createGovServiceClient(settings: PlatformSettings): GovServiceClient {
  const api = createPlatformClient(settings);
  const platform = settings.platform;

  return {
    async listCasesByApplicants(usccs) {
      const byApplicant = new Map<string, ServiceCase[]>();
      const chunks = await inChunks(usccs, MAX_CODES_PER_REQUEST, (applicantCodes) =>
        readAllPages(
          platform,
          'cases:batchQuery',
          (pageNo) =>
            api.post('/api/v1/applicants/cases:batchQuery', { applicantCodes, pageNo, pageSize: PAGE_SIZE }, (d, fetchedAt) => ({
              total: d.get('total').integer(),
              rows: d.get('list').items().map((c) => readCase(c, fetchedAt)),
            })),
          MAX_PAGES,
        ),
      );
      for (const c of chunks.flat()) {
        const list = byApplicant.get(c.applicantUscc);
        if (list) list.push(c);
        else byApplicant.set(c.applicantUscc, [c]);
      }
      return byApplicant;
    },
    async listCaseWindowByApplicants(usccs, status, window) {
      const projStatus = status === null ? {} : { projStatus: Object.keys(CASE_STATUS).find((native) => CASE_STATUS[native] === status) };
      const fetchPage = (applicantCodes: readonly string[], pageNo: number, pageSize: number) =>
        api.post('/api/v1/applicants/casePages:batchQuery', { applicantCodes, ...projStatus, pageNo, pageSize }, (d, fetchedAt) =>
          new Map(d.get('list').items().map((entry) => [entry.get('applicantCode').string(), {
            total: entry.get('total').integer(),
            rows: entry.get('list').items().map((c) => readCase(c, fetchedAt)),
          }] as const)),
        );
      const chunks = await inChunks(usccs, MAX_CODES_PER_REQUEST, (codes) => readWindowPerCode(codes, window, PAGE_SIZE, fetchPage));
      return new Map(chunks.flatMap((chunk) => [...chunk]));
    },
    async getReviewStatsByDepartments(usccs, period = null, monthly = false) {
      const chunks = await inChunks(usccs, MAX_CODES_PER_REQUEST, (serviceDepartmentCodes) =>
        api.post('/api/v1/departments/evaluationStats:batchQuery', { serviceDepartmentCodes, ...periodMembers(period, monthly && period !== null) }, (d, fetchedAt) =>
          d.get('list').items().map((item) => readStats(item, monthly && period !== null, fetchedAt)),
        ),
      );
      return new Map(chunks.flat().map((s) => [s.departmentUscc, s]));
    },
    async getReviewStatsByAreas(areaCodes, period) {
      const chunks = await inChunks(areaCodes, MAX_CODES_PER_REQUEST, (codes) =>
        api.post('/api/v1/areas/evaluationStats:batchQuery', { areaCodes: codes, ...periodMembers(period, true) }, (d, fetchedAt) =>
          d.get('list').items().map((item) => readAreaStats(item, fetchedAt)),
        ),
      );
      return new Map(chunks.flat().map((s) => [s.areaCode, s]));
    },
    close: () => api.close(),
  };
}
