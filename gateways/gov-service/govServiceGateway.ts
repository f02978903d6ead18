import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Gateway } from '../shared/Gateway.js';
import { loadGatewayTypeDefs } from '../shared/loadGatewayTypeDefs.js';
import { perRequest } from '../shared/perRequest.js';
import { createGovServiceClient } from './client.js';
import { createGovServiceLoaders } from './loaders.js';
import { createGovServiceResolvers } from './resolvers.js';
import { startGovServiceSandbox } from './sandbox/startGovServiceSandbox.js';

const typeDefs = loadGatewayTypeDefs('gov-service.graphql');

/**
 * The government service platform (政务服务平台) as the hub sees it: `Enterprise.serviceCases` and
 * `GovernmentBody.serviceReviewSummary`, merged by USCC through the hidden batch root fields, with the
 * handling department and the applicant of a case linked to their credit subjects.
 */
export const govServiceGateway: Gateway = {
  platform: 'GOV_SERVICE',
  startSandbox: (options) => startGovServiceSandbox(options),
  createSubschema(settings) {
    const client = createGovServiceClient(settings);
    const loadersFor = perRequest(() => createGovServiceLoaders(client));
    const schema = makeExecutableSchema({ typeDefs, resolvers: createGovServiceResolvers(loadersFor) });
    return {
      subschema: {
        schema,
        merge: {
          Enterprise: {
            selectionSet: '{ uscc }',
            fieldName: '_govServiceEnterprisesByUscc',
            key: ({ uscc }: { uscc: string }) => uscc,
            argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
          },
          GovernmentBody: {
            selectionSet: '{ uscc }',
            fieldName: '_govServiceGovernmentBodiesByUscc',
            key: ({ uscc }: { uscc: string }) => uscc,
            argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
          },
        },
      },
      close: () => client.close(),
    };
  },
  subjectLinks: [
    {
      typeName: 'ServiceCase',
      fieldName: 'handlingDepartment',
      usccField: 'handlingDepartmentUscc',
      description: 'The department handling the case (办理部门/实施主体) as the credit store knows it, with its credit records; null when the store does not know it.',
    },
    {
      typeName: 'ServiceCase',
      fieldName: 'applicant',
      usccField: 'applicantUscc',
      description: 'The applicant (申请人) as the credit store knows it, with its credit records; null when the store does not know it.',
    },
  ],
};
