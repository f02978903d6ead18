import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { IResolvers } from '@graphql-tools/utils';
import { UsccScalar } from '../../src/codes/index.js';
import type { DepartmentReviewStats, ReviewRectification, ServiceCase, ServiceCaseStatus, ServiceItem, ServiceReview } from './client.js';
import type { GovServiceLoaders } from './loaders.js';

const PLATFORM = 'GOV_SERVICE';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A subschema never imports another subschema's scalars, so `Date` (YYYY-MM-DD strings) is declared here.
const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (China Standard Time).',
  serialize(value) {
    if (typeof value !== 'string' || !DATE.test(value)) throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !DATE.test(value)) throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
  parseLiteral(node) {
    if (node.kind !== Kind.STRING || !DATE.test(node.value)) throw new GraphQLError('Date must be a string YYYY-MM-DD', { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
    return node.value;
  },
});

const provenance = (recordId: string, fetchedAt: Date) => ({ platform: PLATFORM, recordId, fetchedAt });
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * The subschema's resolvers. `loadersFor(context)` gives the request's loaders: the batch root fields
 * only return `{ uscc }` stubs, and each platform field loads through a loader, so every subject at one
 * level of a query is served by one request to the platform and a platform failure lands on the field.
 */
export function createGovServiceResolvers(loadersFor: (context: unknown) => GovServiceLoaders): IResolvers {
  return {
    USCC: UsccScalar,
    DateTime: DateTimeResolver,
    Date: DateScalar,
    Query: {
      _govServiceEnterprisesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc })),
      _govServiceGovernmentBodiesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc })),
    },
    Enterprise: {
      async serviceCases({ uscc }: { uscc: string }, { status, first }: { status?: ServiceCaseStatus | null; first: number }, context: unknown) {
        if (!Number.isInteger(first) || first < 0 || first > 100) {
          throw new GraphQLError(`first must be 0 to 100, got ${first}`, { extensions: { code: 'BAD_USER_INPUT' } });
        }
        const cases = await loadersFor(context).casesByApplicant.load(uscc);
        return (status ? cases.filter((c) => c.status === status) : cases).slice(0, first);
      },
    },
    GovernmentBody: {
      serviceReviewSummary: ({ uscc }: { uscc: string }, _: unknown, context: unknown) => loadersFor(context).reviewStatsByDepartment.load(uscc),
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
      onTimeRate: (s: DepartmentReviewStats) => ratio(s.onTimeFinishedCases, s.finishedCases),
      badReviewRate: (s: DepartmentReviewStats) => ratio(s.badReviewCount, s.reviewCount),
      provenance: (s: DepartmentReviewStats) => provenance(s.departmentUscc, s.fetchedAt),
    },
  };
}
