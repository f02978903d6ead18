import { createPlatformClient, inChunks, MalformedBodyError, readAllPages, readWindowPerCode, type CodeWindow, type JsonReader, type ListWindow, monthsOf, type PlatformSettings, type StatisticsPeriod } from '../shared/index.js';

// The approval system's own field names (prjNum, buildCorpCode, stageList…) appear only in this file.

/** The four stages of construction-project approval (工程建设项目审批阶段), in order. */
export type ConstructionStage =
  | 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING'
  | 'CONSTRUCTION_ENGINEERING_PERMIT'
  | 'CONSTRUCTION_PERMIT'
  | 'COMPLETION_ACCEPTANCE';

const STAGES: readonly ConstructionStage[] = ['PROJECT_APPROVAL_AND_LAND_USE_PLANNING', 'CONSTRUCTION_ENGINEERING_PERMIT', 'CONSTRUCTION_PERMIT', 'COMPLETION_ACCEPTANCE'];

/** One stage of a project: who decided, when, and how long it took in working days. */
export interface ApprovalStageRecord {
  /** The system's id of the stage instance. */
  recordId: string;
  stage: ConstructionStage;
  approvalDepartmentUscc: string | null;
  approvalDepartmentName: string | null;
  acceptedOn: string;
  /** Null while in progress. */
  finishedOn: string | null;
  statutoryWorkingDays: number;
  extensionWorkingDays: number;
  /** To the decision, or so far while in progress (the system's count). */
  actualWorkingDays: number;
  documentNumber: string | null;
}

/** A construction project as the approval system knows it, in our vocabulary. */
export interface ConstructionProjectRecord {
  projectNumber: string;
  projectCode: string;
  oldProjectCode: string | null;
  name: string;
  builderUscc: string | null;
  builderName: string | null;
  approvalDepartmentUscc: string | null;
  approvalDepartmentName: string | null;
  districtCode: string | null;
  /** 万元. */
  totalInvestment: number | null;
  stages: ApprovalStageRecord[];
  fetchedAt: Date;
}

/** What a department decided in one stage. */
export interface StageApprovalStatistics {
  stage: ConstructionStage;
  accepted: number;
  finished: number;
  inProgress: number;
  overdueFinished: number;
  overdueInProgress: number;
  averageWorkingDays: number | null;
  statutoryWorkingDays: number;
}

/** Approval statistics of one period (or all time), per stage. */
export interface PeriodApprovalStatistics {
  /** The day the statistics are as of. */
  asOf: string;
  /** First day of the period; null for all time (the system's whole record). */
  periodStart: string | null;
  /** Last day of the period; the statistics date for all time. */
  periodEnd: string;
  stages: StageApprovalStatistics[];
}

/** A department's approval statistics (审批效能), with the period's months when asked. */
export interface DepartmentApprovalStatistics extends PeriodApprovalStatistics {
  departmentUscc: string;
  departmentName: string | null;
  months: PeriodApprovalStatistics[];
  fetchedAt: Date;
}

/** A region's approval statistics (区划审批效能): every approving department of the area (the city's own under 440300). */
export interface RegionApprovalStatistics extends PeriodApprovalStatistics {
  regionCode: string;
  departmentCount: number;
  months: PeriodApprovalStatistics[];
  fetchedAt: Date;
}

/** Where a project stands in approval (审批状态). */
export type ConstructionProjectStatus = 'IN_APPROVAL' | 'AWAITING_APPLICATION' | 'COMPLETED';

/** Which projects to list: each member given narrows the list (districts and statuses: any of those given). */
export interface ProjectListFilter {
  districts?: readonly string[] | null;
  statuses?: readonly ConstructionProjectStatus[] | null;
  /** True: projects with a stage beyond its limit; false: projects without. */
  overdue?: boolean | null;
}

/** The approval system's API as the adapter uses it. Every method rejects only with SourceError. */
export interface ConstructionApprovalClient {
  /** Projects by investment project code (either format); a code the system does not know is absent from the map. */
  getProjects(codes: readonly string[]): Promise<Map<string, ConstructionProjectRecord>>;
  /** Projects per builder USCC (every page), newest first; a builder without projects maps to []. */
  queryProjectsByBuilders(usccs: readonly string[]): Promise<Map<string, ConstructionProjectRecord[]>>;
  /**
   * One window of each builder's projects (newest first) with its total, from the system's per-builder pages:
   * one request for all builders (two when no page size holds the window), split past 500; every asked USCC is
   * in the map.
   */
  queryBuilderProjectWindow(usccs: readonly string[], window: ListWindow): Promise<Map<string, CodeWindow<ConstructionProjectRecord>>>;
  /**
   * Approval statistics per department USCC over `period` (null: all time), with its months when `monthly`;
   * one entry per USCC; a department that approved nothing in the period has no stages.
   */
  queryApprovalStatistics(usccs: readonly string[], period?: StatisticsPeriod | null, monthly?: boolean): Promise<Map<string, DepartmentApprovalStatistics>>;
  /** Approval statistics per region code (440300 for the city's departments, or a district) over `period`, with its months; one entry per code. */
  queryRegionStatistics(regionCodes: readonly string[], period: StatisticsPeriod): Promise<Map<string, RegionApprovalStatistics>>;
  /** One page (from 1) of the projects matching `filter`, in the system's order, and how many match. */
  listProjects(filter: ProjectListFilter, pageNo: number, pageSize: number): Promise<{ total: number; projects: ConstructionProjectRecord[] }>;
  close(): void;
}

/** Codes per batch request: the system refuses more than 500. */
export const BATCH_LIMIT = 500;
/** Projects per page asked of the builder query: the system's largest page. */
export const BUILDER_PAGE_SIZE = 1000;
/** The system's largest page size. */
const MAX_BUILDER_PAGE_SIZE = 1000;

function readStageCode(code: JsonReader): ConstructionStage {
  const stage = STAGES[code.integer() - 1];
  if (!stage) throw new MalformedBodyError(code.path, 'a stage code 1..4', code.value);
  return stage;
}

function readStage(item: JsonReader): ApprovalStageRecord {
  return {
    recordId: item.get('stageInstId').string(),
    stage: readStageCode(item.get('stageCode')),
    approvalDepartmentUscc: item.get('approvalDepartCode').optionalString(),
    approvalDepartmentName: item.get('approvalDepartName').optionalString(),
    acceptedOn: item.get('acceptDate').date(),
    finishedOn: item.get('finishDate').optionalDate(),
    statutoryWorkingDays: item.get('legalDays').integer(),
    extensionWorkingDays: item.get('extendDays').optionalNumber() ?? 0,
    actualWorkingDays: item.get('actualWorkDays').integer(),
    documentNumber: item.get('approvalDocNum').optionalString(),
  };
}

function readProject(item: JsonReader, fetchedAt: Date): ConstructionProjectRecord {
  return {
    projectNumber: item.get('prjNum').string(),
    projectCode: item.get('prjCode').string(),
    oldProjectCode: item.get('oldPrjCode').optionalString(),
    name: item.get('prjName').string(),
    builderUscc: item.get('buildCorpCode').optionalString(),
    builderName: item.get('buildCorpName').optionalString(),
    approvalDepartmentUscc: item.get('prjApprovalDepart').optionalString(),
    approvalDepartmentName: item.get('prjApprovalDepartName').optionalString(),
    districtCode: item.get('districtCode').optionalString(),
    totalInvestment: item.get('totalInvestment').optionalNumber(),
    stages: item.get('stageList').items().map(readStage),
    fetchedAt,
  };
}

// The system's project status codes (项目审批状态): 1 审批中, 2 待申报, 3 已竣工验收.
const STATUS_CODE: Readonly<Record<ConstructionProjectStatus, string>> = { IN_APPROVAL: '1', AWAITING_APPLICATION: '2', COMPLETED: '3' };

function readStageStats(item: JsonReader): StageApprovalStatistics[] {
  return item.get('stageStats').items().map((s) => ({
      stage: readStageCode(s.get('stageCode')),
      accepted: s.get('acceptNum').integer(),
      finished: s.get('finishNum').integer(),
      inProgress: s.get('doingNum').integer(),
      overdueFinished: s.get('overdueFinishNum').integer(),
      overdueInProgress: s.get('overdueDoingNum').integer(),
      averageWorkingDays: s.get('avgWorkDays').optionalNumber(),
      statutoryWorkingDays: s.get('legalDays').integer(),
  }));
}

// `beginDate`/`endDate` come back only when a period was asked; `monthStats` only for a monthly breakdown.
function readPeriodStats(item: JsonReader, asOf: string, period: StatisticsPeriod | null): PeriodApprovalStatistics {
  return {
    asOf,
    periodStart: period ? item.get('beginDate').date() : null,
    periodEnd: period ? item.get('endDate').date() : asOf,
    stages: readStageStats(item),
  };
}

const readMonths = (item: JsonReader, asOf: string, monthly: boolean): PeriodApprovalStatistics[] =>
  monthly ? item.get('monthStats').items().map((m) => ({ asOf, periodStart: m.get('beginDate').date(), periodEnd: m.get('endDate').date(), stages: readStageStats(m) })) : [];

function readDepartStats(item: JsonReader, asOf: string, period: StatisticsPeriod | null, monthly: boolean, fetchedAt: Date): DepartmentApprovalStatistics {
  return {
    departmentUscc: item.get('departCode').string(),
    departmentName: item.get('departName').optionalString(),
    ...readPeriodStats(item, asOf, period),
    months: readMonths(item, asOf, monthly),
    fetchedAt,
  };
}

// What the system answers for a department that decided nothing in the period: no stages, every month empty.
function emptyDepartStats(uscc: string, asOf: string, period: StatisticsPeriod | null, monthly: boolean, fetchedAt: Date): DepartmentApprovalStatistics {
  const months = monthly && period ? monthsOf(period).map((m) => ({ asOf, periodStart: m.from, periodEnd: m.to, stages: [] })) : [];
  return { departmentUscc: uscc, departmentName: null, asOf, periodStart: period?.from ?? null, periodEnd: period?.to ?? asOf, stages: [], months, fetchedAt };
}

const periodMembers = (period: StatisticsPeriod | null, monthly: boolean) =>
  period ? { beginDate: period.from, endDate: period.to, ...(monthly ? { statType: 'month' } : {}) } : {};

/**
 * Creates the client of the construction-project approval system described by `settings`, on the
 * kit's platform client (envelope check and error mapping, keep-alive, timeouts, retries of these
 * idempotent batch reads, circuit breaker). Maps the system's names to ours and checks every member it
 * reads: a body of the wrong shape is SOURCE_BAD_RESPONSE naming the path, e.g.
 * `body.data.list[3].prjNum`. `options.pageSize` (default 1000) is the page asked of the builder query;
 * the client reads every page.
 */
export function createConstructionApprovalClient(settings: PlatformSettings, options: { pageSize?: number } = {}): ConstructionApprovalClient {
  const pageSize = options.pageSize ?? BUILDER_PAGE_SIZE;
  const api = createPlatformClient(settings);
  const platform = settings.platform;

  async function getProjects(codes: readonly string[]): Promise<Map<string, ConstructionProjectRecord>> {
    const chunks = await inChunks(codes, BATCH_LIMIT, (prjCodes) =>
      api.post('/api/v1/projects:batchGet', { prjCodes }, (d, fetchedAt) => d.get('list').items().map((item) => readProject(item, fetchedAt))),
    );
    const byCode = new Map<string, ConstructionProjectRecord>();
    for (const project of chunks.flat()) {
      byCode.set(project.projectCode, project);
      if (project.oldProjectCode) byCode.set(project.oldProjectCode, project);
    }
    return byCode;
  }

  async function queryProjectsByBuilders(usccs: readonly string[]): Promise<Map<string, ConstructionProjectRecord[]>> {
    const byBuilder = new Map<string, ConstructionProjectRecord[]>(usccs.map((uscc) => [uscc, []]));
    const chunks = await inChunks(byBuilder.keys(), BATCH_LIMIT, (buildCorpCodes) =>
      readAllPages(platform, 'builders/projects:batchQuery', (pageNo) =>
        api.post('/api/v1/builders/projects:batchQuery', { buildCorpCodes, pageNo, pageSize }, (d, fetchedAt) => ({
          total: d.get('total').integer(),
          rows: d.get('list').items().map((item) => readProject(item, fetchedAt)),
        })),
      ),
    );
    for (const project of chunks.flat()) if (project.builderUscc) byBuilder.get(project.builderUscc)?.push(project);
    return byBuilder;
  }

  async function queryBuilderProjectWindow(usccs: readonly string[], window: ListWindow): Promise<Map<string, CodeWindow<ConstructionProjectRecord>>> {
    const fetchPage = (buildCorpCodes: readonly string[], pageNo: number, size: number) =>
      api.post('/api/v1/builders/projectPages:batchQuery', { buildCorpCodes, pageNo, pageSize: size }, (d, fetchedAt) =>
        new Map(d.get('list').items().map((entry) => [entry.get('buildCorpCode').string(), {
          total: entry.get('total').integer(),
          rows: entry.get('list').items().map((item) => readProject(item, fetchedAt)),
        }] as const)),
      );
    const chunks = await inChunks(usccs, BATCH_LIMIT, (codes) => readWindowPerCode(codes, window, MAX_BUILDER_PAGE_SIZE, fetchPage));
    return new Map(chunks.flatMap((chunk) => [...chunk]));
  }

  async function queryApprovalStatistics(usccs: readonly string[], period: StatisticsPeriod | null = null, monthly = false): Promise<Map<string, DepartmentApprovalStatistics>> {
    const byMonth = monthly && period !== null;
    const chunks = await inChunks(usccs, BATCH_LIMIT, (departCodes) =>
      api.post('/api/v1/departs/approvalStats:batchQuery', { departCodes, ...periodMembers(period, byMonth) }, (d, fetchedAt) => {
        const asOf = d.get('asOfDate').date();
        const listed = new Map(d.get('list').items().map((item) => readDepartStats(item, asOf, period, byMonth, fetchedAt)).map((s) => [s.departmentUscc, s]));
        // The system lists only departments with approvals; the others approved nothing as of its date.
        for (const uscc of departCodes) if (!listed.has(uscc)) listed.set(uscc, emptyDepartStats(uscc, asOf, period, byMonth, fetchedAt));
        return [...listed.values()];
      }),
    );
    return new Map(chunks.flat().map((stats) => [stats.departmentUscc, stats]));
  }

  async function queryRegionStatistics(regionCodes: readonly string[], period: StatisticsPeriod): Promise<Map<string, RegionApprovalStatistics>> {
    const chunks = await inChunks(regionCodes, BATCH_LIMIT, (codes) =>
      api.post('/api/v1/regions/approvalStats:batchQuery', { regionCodes: codes, ...periodMembers(period, true) }, (d, fetchedAt) => {
        const asOf = d.get('asOfDate').date();
        return d.get('list').items().map((item): RegionApprovalStatistics => ({
          regionCode: item.get('regionCode').string(),
          departmentCount: item.get('departCount').integer(),
          ...readPeriodStats(item, asOf, period),
          months: readMonths(item, asOf, true),
          fetchedAt,
        }));
      }),
    );
    return new Map(chunks.flat().map((stats) => [stats.regionCode, stats]));
  }

  async function listProjects(filter: ProjectListFilter, pageNo: number, size: number): Promise<{ total: number; projects: ConstructionProjectRecord[] }> {
    const query = {
      districtCodes: filter.districts?.length ? filter.districts.join(',') : undefined,
      prjStatus: filter.statuses?.length ? filter.statuses.map((s) => STATUS_CODE[s]).join(',') : undefined,
      overdueFlag: filter.overdue === undefined || filter.overdue === null ? undefined : filter.overdue ? '1' : '0',
      pageNo,
      pageSize: size,
    };
    return api.get('/api/v1/projects', query, (d, fetchedAt) => ({
      total: d.get('total').integer(),
      projects: d.get('list').items().map((item) => readProject(item, fetchedAt)),
    }));
  }

  return { getProjects, queryProjectsByBuilders, queryBuilderProjectWindow, queryApprovalStatistics, queryRegionStatistics, listProjects, close: () => api.close() };
}
