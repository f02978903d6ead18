import DataLoader from 'dataloader';
import type { DepartmentReviewStats, GovServiceClient, ServiceCase } from './client.js';

/** The loaders one GraphQL request uses to reach the government service platform. */
export interface GovServiceLoaders {
  /** Cases per applicant USCC (empty list when none). All keys of one tick go out in one batch request. */
  casesByApplicant: DataLoader<string, ServiceCase[]>;
  /** Statistics per department USCC (null when the platform has none). All keys of one tick go out in one batch request. */
  reviewStatsByDepartment: DataLoader<string, DepartmentReviewStats | null>;
}

// A failed request fails every key it carried: each field that asked gets the SourceError at its own path.
async function perKey<V>(keys: readonly string[], fetch: () => Promise<Map<string, V>>, missing: V): Promise<(V | Error)[]> {
  try {
    const found = await fetch();
    return keys.map((key) => found.get(key) ?? missing);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return keys.map(() => failure);
  }
}

/** Creates fresh loaders over `client`; call once per request (see `perRequest`). Batch functions never reject. */
export function createGovServiceLoaders(client: GovServiceClient): GovServiceLoaders {
  return {
    casesByApplicant: new DataLoader<string, ServiceCase[]>((keys) => perKey(keys, () => client.listCasesByApplicants(keys), [])),
    reviewStatsByDepartment: new DataLoader<string, DepartmentReviewStats | null>((keys) =>
      perKey<DepartmentReviewStats | null>(keys, () => client.getReviewStatsByDepartments(keys), null),
    ),
  };
}
