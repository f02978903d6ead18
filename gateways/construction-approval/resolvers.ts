import type { IResolvers } from '@graphql-tools/utils';
import { badUserInput, districtByCode } from '../../src/codes/index.js';
import { readDistricts, readOffsetArgs, readOffsetWindow, readOptionalPeriod, readPeriod, toOffsetConnection } from '../shared/index.js';
import type {
  ApprovalStageRecord, ConstructionProjectRecord, ConstructionProjectStatus, PeriodApprovalStatistics, ProjectListFilter, RegionApprovalStatistics,
  StageApprovalStatistics,
} from './client.js';
import type { ConstructionLoaders } from './loaders.js';

/** The target for the whole approval process, in working days (DOMAIN.md §6). */
export const TARGET_WORKING_DAYS = 120;
/** Most codes `constructionProjectsByCode` takes. */
export const MAX_CODES_PER_QUERY = 500;

type StageParent = ApprovalStageRecord & { fetchedAt: Date };

const provenance = (recordId: string, fetchedAt: Date) => ({ platform: 'CONSTRUCTION_APPROVAL', recordId, fetchedAt });
const allowedDays = (s: ApprovalStageRecord) => s.statutoryWorkingDays + s.extensionWorkingDays;
const isOverdue = (s: ApprovalStageRecord) => s.actualWorkingDays > allowedDays(s);
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

function describeStagePerformance(s: StageApprovalStatistics) {
  return {
    stage: s.stage,
    approvalsHandled: s.accepted,
    approvalsFinished: s.finished,
    approvalsInProgress: s.inProgress,
    overdueApprovals: s.overdueFinished + s.overdueInProgress,
    onTimeRate: rate(s.finished - s.overdueFinished, s.finished),
    averageWorkingDays: s.averageWorkingDays,
    statutoryWorkingDays: s.statutoryWorkingDays,
  };
}

/** Approval performance of a period: the system's per-stage figures and their totals. */
function describePeriod(statistics: PeriodApprovalStatistics) {
  const sum = (pick: (s: StageApprovalStatistics) => number) => statistics.stages.reduce((total, s) => total + pick(s), 0);
  const finished = sum((s) => s.finished);
  // The system gives a mean per stage; the overall mean weighs each by its decided approvals.
  const days = sum((s) => (s.averageWorkingDays ?? 0) * s.finished);
  return {
    asOf: statistics.asOf,
    periodStart: statistics.periodStart,
    periodEnd: statistics.periodEnd,
    approvalsHandled: sum((s) => s.accepted),
    approvalsFinished: finished,
    approvalsInProgress: sum((s) => s.inProgress),
    overdueApprovals: sum((s) => s.overdueFinished + s.overdueInProgress),
    onTimeRate: rate(finished - sum((s) => s.overdueFinished), finished),
    averageWorkingDays: finished === 0 ? null : Math.round((days / finished) * 10) / 10,
    stages: statistics.stages.map(describeStagePerformance),
  };
}

function describeRegion(statistics: RegionApprovalStatistics) {
  return {
    districtCode: statistics.regionCode,
    districtName: districtByCode(statistics.regionCode)?.nameZh ?? null,
    departmentCount: statistics.departmentCount,
    summary: describePeriod(statistics),
    monthly: statistics.months.map(describePeriod),
    provenance: provenance(statistics.regionCode, statistics.fetchedAt),
  };
}

type PeriodArgs = { from?: string | null; to?: string | null };
type ProjectsArgs = { filter?: { districts?: string[] | null; statuses?: ConstructionProjectStatus[] | null; overdue?: boolean | null } | null; first: number; after?: string | null };

function statusOf(project: ConstructionProjectRecord): ConstructionProjectStatus {
  const last = project.stages.at(-1);
  if (last?.finishedOn === null) return 'IN_APPROVAL';
  return last?.stage === 'COMPLETION_ACCEPTANCE' ? 'COMPLETED' : 'AWAITING_APPLICATION';
}

/**
 * The subschema's field resolvers over the per-request `loaders`; the scalars and the `{ uscc }` stub
 * root fields come from `defineGateway`. Each platform field loads through a DataLoader, so all the
 * subjects of one level resolve in one call and a platform failure lands on each field it serves.
 */
export function createConstructionResolvers(loaders: (context: unknown) => ConstructionLoaders): IResolvers {
  return {
    Query: {
      constructionProject: (_: unknown, { code }: { code: string }, context: unknown) => loaders(context).projectByCode.load(code),
      constructionProjectsByCode: (_: unknown, { codes }: { codes: string[] }, context: unknown) => {
        if (codes.length > MAX_CODES_PER_QUERY) {
          throw badUserInput(`constructionProjectsByCode takes at most ${MAX_CODES_PER_QUERY} codes, got ${codes.length}; split the list`);
        }
        return loaders(context).projectByCode.loadMany(codes);
      },
      async districtApprovalPerformance(_: unknown, args: { districts: string[]; from: string; to: string }, context: unknown) {
        const period = readPeriod(args);
        const codes = readDistricts(args.districts, 'districts');
        // Every district of the request in one call to the system's region statistics.
        const loader = loaders(context).statisticsByRegion(period);
        return (await Promise.all(codes.map((code) => loader.load(code)))).map(describeRegion);
      },
      constructionProjects(_: unknown, args: ProjectsArgs, context: unknown) {
        const window = readOffsetArgs('constructionProjects', args);
        const filter: ProjectListFilter = {
          districts: args.filter?.districts ? readDistricts(args.filter.districts, 'filter.districts', { allowEmpty: true }) : null,
          statuses: args.filter?.statuses ?? null,
          overdue: args.filter?.overdue ?? null,
        };
        // Not cached in a loader: each page is one call to the system's project list with the filter in its own parameters.
        return readOffsetWindow('constructionProjects', window, async (pageNo, pageSize) => {
          const page = await loaders(context).projectPage.load({ filter, pageNo, pageSize });
          return { total: page.total, rows: page.projects };
        });
      },
    },
    Enterprise: {
      async constructionProjects({ uscc }: { uscc: string }, args: { first: number; after?: string | null }, context: unknown) {
        const window = readOffsetArgs('builtProjects', args);
        const found = await loaders(context).builderProjectWindow(window).load(uscc);
        return toOffsetConnection('builtProjects', window, found.rows, found.total);
      },
    },
    GovernmentBody: {
      async approvalPerformance({ uscc }: { uscc: string }, args: PeriodArgs, context: unknown) {
        const statistics = await loaders(context).statisticsByDepartment(readOptionalPeriod(args)).load(uscc);
        return { ...describePeriod(statistics), provenance: provenance(statistics.departmentUscc, statistics.fetchedAt) };
      },
      async approvalPerformanceSeries({ uscc }: { uscc: string }, args: { from: string; to: string }, context: unknown) {
        const statistics = await loaders(context).monthlyStatisticsByDepartment(readPeriod(args)).load(uscc);
        return statistics.months.map(describePeriod);
      },
      constructionProjects: ({ uscc }: { uscc: string }, _: unknown, context: unknown) => loaders(context).projectsByBuilder.load(uscc),
    },
    ConstructionProject: {
      code: (p: ConstructionProjectRecord) => p.projectCode,
      oldCode: (p: ConstructionProjectRecord) => p.oldProjectCode,
      status: statusOf,
      stages: (p: ConstructionProjectRecord): StageParent[] => p.stages.map((s) => ({ ...s, fetchedAt: p.fetchedAt })),
      totalWorkingDays: (p: ConstructionProjectRecord) => p.stages.reduce((total, s) => total + s.actualWorkingDays, 0),
      targetWorkingDays: () => TARGET_WORKING_DAYS,
      overdueStageCount: (p: ConstructionProjectRecord) => p.stages.filter(isOverdue).length,
      provenance: (p: ConstructionProjectRecord) => provenance(p.projectNumber, p.fetchedAt),
    },
    ConstructionApprovalStage: {
      inProgress: (s: StageParent) => s.finishedOn === null,
      allowedWorkingDays: allowedDays,
      overdue: isOverdue,
      overdueWorkingDays: (s: StageParent) => Math.max(0, s.actualWorkingDays - allowedDays(s)),
      provenance: (s: StageParent) => provenance(s.recordId, s.fetchedAt),
    },
  };
}
