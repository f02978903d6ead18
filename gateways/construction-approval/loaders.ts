import DataLoader from 'dataloader';
import { batchByKey, createLoaderFamily, periodKey, type CodeWindow, type ListWindow, type StatisticsPeriod } from '../shared/index.js';
import type { ConstructionApprovalClient, ConstructionProjectRecord, DepartmentApprovalStatistics, ProjectListFilter, RegionApprovalStatistics } from './client.js';

/** One page of the system's project list: which projects, which page. */
export interface ProjectPageKey {
  filter: ProjectListFilter;
  pageNo: number;
  pageSize: number;
}

/** The approval system's loaders of one GraphQL request. */
export interface ConstructionLoaders {
  /** A project by normalised project code (either format); null when the system does not know it. */
  projectByCode: DataLoader<string, ConstructionProjectRecord | null>;
  /** The projects a subject builds (建设单位), by USCC; [] for none. */
  projectsByBuilder: DataLoader<string, ConstructionProjectRecord[]>;
  /** One window of the projects a subject builds, by USCC, with their total; one call per window. */
  builderProjectWindow(window: ListWindow): DataLoader<string, CodeWindow<ConstructionProjectRecord>>;
  /** A department's approval statistics by USCC over a period (null: all time), without stages when it approved nothing; one call per period. */
  statisticsByDepartment(period: StatisticsPeriod | null): DataLoader<string, DepartmentApprovalStatistics>;
  /** The same with the period's months, one call per period. */
  monthlyStatisticsByDepartment(period: StatisticsPeriod): DataLoader<string, DepartmentApprovalStatistics>;
  /** A region's statistics with months by area code (440300 for the city's departments), one call per period. */
  statisticsByRegion(period: StatisticsPeriod): DataLoader<string, RegionApprovalStatistics>;
  /** A page of the project list with the count of matching projects; one call per distinct page (a page asked twice is fetched once). */
  projectPage: DataLoader<ProjectPageKey, { total: number; projects: ConstructionProjectRecord[] }, string>;
}

const leftOut = (what: string) => (key: string) => new Error(`the approval system's ${what} left out ${key}`);

/**
 * Creates fresh loaders over `client`; `defineGateway` calls it once per request. Each batch function
 * makes one call to the system per batch (the client splits past 500 codes) and returns one value or
 * Error per key, in key order; it never rejects.
 */
export function createConstructionLoaders(client: ConstructionApprovalClient): ConstructionLoaders {
  return {
    projectByCode: new DataLoader(batchByKey<string, ConstructionProjectRecord | null>((codes) => client.getProjects(codes), () => null)),
    projectsByBuilder: new DataLoader(batchByKey((usccs) => client.queryProjectsByBuilders(usccs), () => [])),
    builderProjectWindow: createLoaderFamily((window: ListWindow) => `${window.offset}:${window.limit}`, (window) =>
      new DataLoader(batchByKey<string, CodeWindow<ConstructionProjectRecord>>((usccs) => client.queryBuilderProjectWindow(usccs, window), () => ({ total: 0, rows: [] }))),
    ),
    statisticsByDepartment: createLoaderFamily(periodKey, (period) =>
      new DataLoader(batchByKey((usccs) => client.queryApprovalStatistics(usccs, period), leftOut('statistics'))),
    ),
    monthlyStatisticsByDepartment: createLoaderFamily(periodKey, (period: StatisticsPeriod) =>
      new DataLoader(batchByKey((usccs) => client.queryApprovalStatistics(usccs, period, true), leftOut('statistics'))),
    ),
    statisticsByRegion: createLoaderFamily(periodKey, (period: StatisticsPeriod) =>
      new DataLoader(batchByKey((codes) => client.queryRegionStatistics(codes, period), leftOut('region statistics'))),
    ),
    // Pages are not batched: each is one request with its own filter and paging parameters.
    projectPage: new DataLoader(
      (keys: readonly ProjectPageKey[]) =>
        Promise.all(keys.map((k) => client.listProjects(k.filter, k.pageNo, k.pageSize).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}
