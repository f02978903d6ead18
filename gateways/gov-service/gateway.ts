import { defineGateway } from '../shared/index.js';
import { createGovServiceClient } from './client.js';
import { createGovServiceLoaders } from './loaders.js';
import { createGovServiceResolvers } from './resolvers.js';
import { startGovServiceSandbox } from './sandbox/startGovServiceSandbox.js';

/**
 * The government service platform (政务服务平台) as the hub sees it: `Enterprise.serviceCases` and
 * `GovernmentBody.serviceReviewSummary`, merged by USCC through the hidden batch root fields, with the
 * handling department and the applicant of a case linked to their credit subjects.
 */
export const govServiceGateway = defineGateway({
  platform: 'GOV_SERVICE',
  sdl: 'gov-service.graphql',
  mergeByUscc: { Enterprise: '_govServiceEnterprisesByUscc', GovernmentBody: '_govServiceGovernmentBodiesByUscc' },
  createClient: createGovServiceClient,
  createLoaders: createGovServiceLoaders,
  createResolvers: createGovServiceResolvers,
  startSandbox: startGovServiceSandbox,
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
});
