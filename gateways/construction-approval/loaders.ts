import DataLoader from 'dataloader';
import { perRequest } from '../shared/index.js';
import type { ConstructionApprovalClient, ConstructionProjectRecord, DepartmentApprovalStatistics } from './client.js';

/** The approval system's loaders of one GraphQL request. */
export interface ConstructionLoaders {
  /** A project by normalised project code (either format); null when the system does not know it. */
  projectByCode: DataLoader<string, ConstructionProjectRecord | null>;
  /** The projects a subject builds (建设单位), by USCC; [] for none. */
  projectsByBuilder: DataLoader<string, ConstructionProjectRecord[]>;
  /** A department's approval statistics by USCC (without stages when it approved nothing). */
  statisticsByDepartment: DataLoader<string, DepartmentApprovalStatistics>;
}

// One call per batch whatever the number of keys; a failed call becomes that error for every key,
// so each field it serves shows the platform's error at its own path.
function batchOf<V>(load: (keys: readonly string[]) => Promise<(key: string) => V | Error>) {
  return async (keys: readonly string[]): Promise<(V | Error)[]> => {
    try {
      const lookup = await load(keys);
      return keys.map(lookup);
    } catch (error) {
      return keys.map(() => error as Error);
    }
  };
}

/**
 * Returns the per-request loaders over `client`: created on first use for a context object and never
 * shared between requests. Each batch function makes one call to the system per batch (the client
 * splits past 500 codes) and returns one value or Error per key, in key order.
 */
export function createConstructionLoaders(client: ConstructionApprovalClient): (context: unknown) => ConstructionLoaders {
  return perRequest(() => ({
    projectByCode: new DataLoader(
      batchOf(async (codes) => {
        const found = await client.getProjects(codes);
        return (code) => found.get(code) ?? null;
      }),
    ),
    projectsByBuilder: new DataLoader(
      batchOf(async (usccs) => {
        const found = await client.queryProjectsByBuilders(usccs);
        return (uscc) => found.get(uscc) ?? [];
      }),
    ),
    statisticsByDepartment: new DataLoader(
      batchOf<DepartmentApprovalStatistics>(async (usccs) => {
        const found = await client.queryApprovalStatistics(usccs);
        return (uscc) => found.get(uscc) ?? new Error(`the approval system's statistics left out ${uscc}`);
      }),
    ),
  }));
}
