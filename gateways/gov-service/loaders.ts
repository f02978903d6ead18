import DataLoader from 'dataloader';
import { batchByKey } from '../shared/index.js';
import type { DepartmentReviewStats, GovServiceClient, ServiceCase } from './client.js';

/** The loaders one GraphQL request uses to reach the government service platform. */
export interface GovServiceLoaders {
  /** Cases per applicant USCC (empty list when none). All keys of one tick go out in one batch request. */
  casesByApplicant: DataLoader<string, ServiceCase[]>;
  /** Statistics per department USCC (null when the platform has none). All keys of one tick go out in one batch request. */
  reviewStatsByDepartment: DataLoader<string, DepartmentReviewStats | null>;
}

/** Creates fresh loaders over `client`; `defineGateway` calls it once per request. Batch functions never reject. */
export function createGovServiceLoaders(client: GovServiceClient): GovServiceLoaders {
  return {
    casesByApplicant: new DataLoader(batchByKey((keys) => client.listCasesByApplicants(keys), () => [])),
    reviewStatsByDepartment: new DataLoader(
      batchByKey<string, DepartmentReviewStats | null>((keys) => client.getReviewStatsByDepartments(keys), () => null),
    ),
  };
}
