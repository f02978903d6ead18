/** The platforms the hub connects to (DOMAIN.md §6), as named in the graph's `SourcePlatform` enum. */
export type SourcePlatform = 'GOV_SERVICE' | 'CONSTRUCTION_APPROVAL' | 'BIDDING';

/** Per platform: the prefix of its environment variables and its name for people. */
export const PLATFORMS: Readonly<Record<SourcePlatform, { envPrefix: string; title: string }>> = Object.freeze({
  GOV_SERVICE: { envPrefix: 'GOV_SERVICE', title: 'government service platform (政务服务平台)' },
  CONSTRUCTION_APPROVAL: { envPrefix: 'CONSTRUCTION', title: 'construction-project approval system (工程建设项目审批管理系统)' },
  BIDDING: { envPrefix: 'BIDDING', title: 'public bidding platform (招标投标公共服务平台)' },
});
