import { makeExecutableSchema } from '@graphql-tools/schema';
import { DateTimeResolver } from 'graphql-scalars';
import { ProjectCodeScalar, UsccScalar } from '../../src/codes/index.js';
import { loadGatewayTypeDefs, type Gateway, type GatewaySubschema, type PlatformSettings, type SubjectLink } from '../shared/index.js';
import { createConstructionApprovalClient } from './client.js';
import { DateScalar } from './DateScalar.js';
import { createConstructionLoaders } from './loaders.js';
import { createConstructionResolvers } from './resolvers.js';
import { startConstructionApprovalSandbox } from './sandbox/startConstructionApprovalSandbox.js';

const AS_KNOWN = 'as the credit store knows it, with its credit records; null when the credit store does not know the USCC.';

/** Party references of the approval system's objects that the hub links to credit subjects. */
export const CONSTRUCTION_SUBJECT_LINKS: SubjectLink[] = [
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
 * Builds the approval system's subschema over the platform described by `settings`: SDL from
 * `schema/construction-approval.graphql`, per-request loaders, and merge configs extending
 * Enterprise and GovernmentBody by USCC in one batch per level.
 */
export function createConstructionApprovalSubschema(settings: PlatformSettings): GatewaySubschema {
  const client = createConstructionApprovalClient(settings);
  const schema = makeExecutableSchema({
    typeDefs: loadGatewayTypeDefs('construction-approval.graphql'),
    resolvers: [
      { USCC: UsccScalar, ProjectCode: ProjectCodeScalar, Date: DateScalar, DateTime: DateTimeResolver },
      createConstructionResolvers(createConstructionLoaders(client)),
    ],
  });
  const byUscc = (fieldName: string) => ({
    selectionSet: '{ uscc }',
    fieldName,
    key: ({ uscc }: { uscc: string }) => uscc,
    argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
  });
  return {
    subschema: {
      schema,
      merge: { Enterprise: byUscc('_constructionEnterprisesByUscc'), GovernmentBody: byUscc('_constructionGovernmentBodiesByUscc') },
    },
    close: () => client.close(),
  };
}

/** The construction-project approval system (工程建设项目审批管理系统) as the hub connects it. */
export const constructionApprovalGateway: Gateway = {
  platform: 'CONSTRUCTION_APPROVAL',
  startSandbox: startConstructionApprovalSandbox,
  createSubschema: createConstructionApprovalSubschema,
  subjectLinks: CONSTRUCTION_SUBJECT_LINKS,
};
