import DataLoader from 'dataloader';
import { batchByKey } from '../shared/index.js';
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

/**
 * Creates fresh loaders over `client`; `defineGateway` calls it once per request. Each batch function
 * makes one call to the system per batch (the client splits past 500 codes) and returns one value or
 * Error per key, in key order; it never rejects.
 */
export function createConstructionLoaders(client: ConstructionApprovalClient): ConstructionLoaders {
  return {
    projectByCode: new DataLoader(batchByKey<string, ConstructionProjectRecord | null>((codes) => client.getProjects(codes), () => null)),
    projectsByBuilder: new DataLoader(batchByKey((usccs) => client.queryProjectsByBuilders(usccs), () => [])),
    statisticsByDepartment: new DataLoader(
      batchByKey((usccs) => client.queryApprovalStatistics(usccs), (uscc) => new Error(`the approval system's statistics left out ${uscc}`)),
    ),
  };
}
