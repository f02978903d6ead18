export { constructionApprovalGateway, createConstructionApprovalSubschema, CONSTRUCTION_SUBJECT_LINKS } from './constructionApprovalGateway.js';
export { createConstructionApprovalClient } from './client.js';
export type {
  ConstructionApprovalClient,
  ConstructionProjectRecord,
  ApprovalStageRecord,
  DepartmentApprovalStatistics,
  ConstructionStage,
} from './client.js';
export { startConstructionApprovalSandbox } from './sandbox/startConstructionApprovalSandbox.js';
