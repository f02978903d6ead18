import type { IResolvers } from '@graphql-tools/utils';
import { districtByCode } from '../../src/codes/index.js';
import { readDistricts, readOffsetArgs, readOptionalPeriod, readPeriod, toOffsetConnection } from '../shared/index.js';
import type { AreaReviewStats, DepartmentReviewStats, ReviewFigures, ReviewRectification, ServiceCase, ServiceCaseStatus, ServiceItem, ServiceReview } from './client.js';
import type { GovServiceLoaders } from './loaders.js';

const PLATFORM = 'GOV_SERVICE';
const provenance = (recordId: string, fetchedAt: Date) => ({ platform: PLATFORM, recordId, fetchedAt });
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

type PeriodArgs = { from?: string | null; to?: string | null };

// The derived rates of any figures: a summary, a month, a district.
const rates = {
  onTimeRate: (s: ReviewFigures) => ratio(s.onTimeFinishedCases, s.finishedCases),
  badReviewRate: (s: ReviewFigures) => ratio(s.badReviewCount, s.reviewCount),
};

function describeDistrict(stats: AreaReviewStats) {
  return {
    districtCode: stats.areaCode,
    districtName: districtByCode(stats.areaCode)?.nameZh ?? null,
    departmentCount: stats.departmentCount,
    summary: stats,
    monthly: stats.months,
    provenance: provenance(stats.areaCode, stats.fetchedAt),
  };
}

/**
 * The subschema's field resolvers; the scalars and the `{ uscc }` stub root fields come from
 * `defineGateway`. `loadersFor(context)` gives the request's loaders and each platform field loads
 * through one, so every subject at one level of a query is served by one request to the platform and a
 * platform failure lands on the field.
 */
export function createGovServiceResolvers(loadersFor: (context: unknown) => GovServiceLoaders): IResolvers {
  return {
    Enterprise: {
      async serviceCases({ uscc }: { uscc: string }, args: { status?: ServiceCaseStatus | null; first: number; after?: string | null }, context: unknown) {
        const window = readOffsetArgs('serviceCases', args);
        const found = await loadersFor(context).caseWindowByApplicant({ status: args.status ?? null, window }).load(uscc);
        return toOffsetConnection('serviceCases', window, found.rows, found.total);
      },
    },
    GovernmentBody: {
      serviceReviewSummary: ({ uscc }: { uscc: string }, args: PeriodArgs, context: unknown) =>
        loadersFor(context).reviewStatsByDepartment(readOptionalPeriod(args)).load(uscc),
      async serviceReviewSeries({ uscc }: { uscc: string }, args: { from: string; to: string }, context: unknown) {
        const stats = await loadersFor(context).monthlyReviewStatsByDepartment(readPeriod(args)).load(uscc);
        return stats?.months ?? null;
      },
    },
    Query: {
      async districtServiceReviews(_: unknown, args: { districts: string[]; from: string; to: string }, context: unknown) {
        const period = readPeriod(args);
        const codes = readDistricts(args.districts, 'districts');
        // Every district of the request in one call to the platform's area statistics.
        const loader = loadersFor(context).reviewStatsByArea(period);
        const found = await Promise.all(codes.map((code) => loader.load(code)));
        return found.map(describeDistrict);
      },
    },
    ServiceCase: {
      onTime(c: ServiceCase) {
        if (c.overdue) return false;
        return c.status === 'FINISHED' ? true : null;
      },
      provenance: (c: ServiceCase) => provenance(c.caseNumber, c.fetchedAt),
    },
    ServiceItem: {
      provenance: (item: ServiceItem) => provenance(item.code, item.fetchedAt),
    },
    ServiceReview: {
      bad: (r: ServiceReview) => r.level === 'DISSATISFIED' || r.level === 'VERY_DISSATISFIED',
      provenance: (r: ServiceReview) => provenance(r.id, r.fetchedAt),
    },
    ReviewRectification: {
      provenance: (r: ReviewRectification) => provenance(r.id, r.fetchedAt),
    },
    ServiceReviewSummary: {
      ...rates,
      provenance: (s: DepartmentReviewStats) => provenance(s.departmentUscc, s.fetchedAt),
    },
    ServiceReviewPeriod: rates,
  };
}
