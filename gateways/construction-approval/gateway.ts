import { defineGateway, type SubjectLink } from '../shared/index.js';
import { createConstructionApprovalClient } from './client.js';
import { createConstructionLoaders } from './loaders.js';
import { createConstructionResolvers } from './resolvers.js';
import { startConstructionApprovalSandbox } from './sandbox/startConstructionApprovalSandbox.js';

const AS_KNOWN = 'as the credit store knows it, with its credit records; null when the credit store does not know the USCC.';

/** Party references of the approval system's objects that the hub links to credit subjects. */
const subjectLinks: SubjectLink[] = [
  { typeName: 'ConstructionProject', fieldName: 'builder', usccField: 'builderUscc', description: `The builder (建设单位) ${AS_KNOWN}` },
  {
    typeName: 'ConstructionProject',
    fieldName: 'approvalDepartment',
    usccField: 'approvalDepartmentUscc',
    description: `The project approval department (立项审批部门) ${AS_KNOWN}`,
  },
  {
    typeName: 'ConstructionApprovalStage',
    fieldName: 'approvalDepartment',
    usccField: 'approvalDepartmentUscc',
    description: `The department leading this approval stage (审批部门) ${AS_KNOWN}`,
  },
];

/**
 * The construction-project approval system (工程建设项目审批管理系统) as the hub connects it: projects by
 * code, and Enterprise and GovernmentBody extended by USCC in one batch per level.
 */
export const constructionApprovalGateway = defineGateway({
  platform: 'CONSTRUCTION_APPROVAL',
  sdl: 'construction-approval.graphql',
  mergeByUscc: { Enterprise: '_constructionEnterprisesByUscc', GovernmentBody: '_constructionGovernmentBodiesByUscc' },
  createClient: (settings) => createConstructionApprovalClient(settings),
  createLoaders: createConstructionLoaders,
  createResolvers: createConstructionResolvers,
  startSandbox: startConstructionApprovalSandbox,
  subjectLinks,
});
