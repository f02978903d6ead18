import DataLoader from 'dataloader';
import { batchByKey, createLoaderFamily, periodKey, type CodeWindow, type ListWindow, type StatisticsPeriod } from '../shared/index.js';
import type { AreaReviewStats, DepartmentReviewStats, GovServiceClient, ServiceCase, ServiceCaseStatus } from './client.js';

/** The loaders one GraphQL request uses to reach the government service platform. */
export interface GovServiceLoaders {
  /** One window of the cases per applicant USCC (of one status, or all), with their total; one batch request per status and window. */
  caseWindowByApplicant(key: { status: ServiceCaseStatus | null; window: ListWindow }): DataLoader<string, CodeWindow<ServiceCase>>;
  /**
   * Statistics per department USCC over a period (null: the platform's statistics period), null when the
   * platform has none. All keys of one tick with the same period go out in one batch request.
   */
  reviewStatsByDepartment(period: StatisticsPeriod | null): DataLoader<string, DepartmentReviewStats | null>;
  /** The same with the period's months (`months`), in one batch request per period. */
  monthlyReviewStatsByDepartment(period: StatisticsPeriod): DataLoader<string, DepartmentReviewStats | null>;
  /** Statistics per area code (440300 for the city's departments, or a district) with months, in one batch request per period. */
  reviewStatsByArea(period: StatisticsPeriod): DataLoader<string, AreaReviewStats>;
}

/** Creates fresh loaders over `client`; `defineGateway` calls it once per request. Batch functions never reject. */
export function createGovServiceLoaders(client: GovServiceClient): GovServiceLoaders {
  return {
    caseWindowByApplicant: createLoaderFamily(({ status, window }: { status: ServiceCaseStatus | null; window: ListWindow }) => `${status ?? ''}:${window.offset}:${window.limit}`, ({ status, window }) =>
      new DataLoader(batchByKey<string, CodeWindow<ServiceCase>>((keys) => client.listCaseWindowByApplicants(keys, status, window), () => ({ total: 0, rows: [] }))),
    ),
    reviewStatsByDepartment: createLoaderFamily(periodKey, (period) =>
      new DataLoader(batchByKey<string, DepartmentReviewStats | null>((keys) => client.getReviewStatsByDepartments(keys, period), () => null)),
    ),
    monthlyReviewStatsByDepartment: createLoaderFamily(periodKey, (period: StatisticsPeriod) =>
      new DataLoader(batchByKey<string, DepartmentReviewStats | null>((keys) => client.getReviewStatsByDepartments(keys, period, true), () => null)),
    ),
    reviewStatsByArea: createLoaderFamily(periodKey, (period: StatisticsPeriod) =>
      new DataLoader(batchByKey((codes) => client.getReviewStatsByAreas(codes, period), (code) => new Error(`the platform's area statistics left out ${code}`))),
    ),
  };
}
