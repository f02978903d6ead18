import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings, type GatewaySubschema, type RunningSandbox } from '../../../gateways/shared/index.js';
import { createCreditSubschema, KnexCreditStore } from '../../../src/credit/index.js';
import { composeHubSchema } from '../../../src/hub/composeHubSchema.js';
import { createSeededKnex } from '../../support/createTestStore.js';
import { TEST_DATABASES } from '../../support/databases.js';

// The adapter stitched with the real credit store (embedded database, small sample data) the way the
// hub composes it: merged fields on Enterprise and GovernmentBody, and the links to the case's parties.
describe('the government service platform in the composed graph', () => {
  let sandbox: RunningSandbox;
  let adapter: GatewaySubschema;
  let closeDatabase: () => Promise<void>;
  let schema: GraphQLSchema;
  const run = async (query: string) => JSON.parse(JSON.stringify(await execute({ schema, document: parse(query), contextValue: {} }))) as ExecutionResult;

  beforeAll(async () => {
    const seeded = await createSeededKnex(TEST_DATABASES[0]!);
    closeDatabase = seeded.close;
    sandbox = await govServiceGateway.startSandbox({ size: 'small', token: 'hub-test-token' });
    adapter = govServiceGateway.createSubschema(defaultPlatformSettings('GOV_SERVICE', sandbox.url, sandbox.token));
    schema = composeHubSchema({
      credit: await createCreditSubschema(KnexCreditStore.create(seeded.knex)),
      adapters: [{ ...adapter, subjectLinks: govServiceGateway.subjectLinks }],
    });
  });
  afterAll(async () => {
    adapter?.close();
    await sandbox?.stop();
    await closeDatabase?.();
  });

  it('answers an enterprise with its service cases, linking the handling department with its review summary', async () => {
    sandbox.resetStats();
    const result = await run(`{
      subject(uscc: "91440300MA5E9NHA04") {
        name
        ... on Enterprise {
          serviceCases(first: 2) {
            caseNumber
            applicant { name }
            handlingDepartment { name ... on GovernmentBody { serviceReviewSummary { casesHandled } } }
          }
        }
      }
    }`);
    expect(result).toEqual({
      data: {
        subject: {
          name: '深圳市维晶科技有限公司',
          serviceCases: [
            {
              caseNumber: '440304202606160000618',
              applicant: { name: '深圳市维晶科技有限公司' },
              handlingDepartment: { name: '深圳市福田区住房和建设局', serviceReviewSummary: { casesHandled: 10 } },
            },
            {
              caseNumber: '440300202603230000617',
              applicant: { name: '深圳市维晶科技有限公司' },
              handlingDepartment: { name: '深圳市人民政府', serviceReviewSummary: { casesHandled: 32 } },
            },
          ],
        },
      },
    });
    // Level 1: the subject's cases; level 2: the linked departments' statistics, both departments in one call.
    expect(sandbox.stats().byRoute).toEqual({ 'applicants/cases:batchQuery': 1, 'departments/evaluationStats:batchQuery': 1 });
  });

  it('gives 深圳市南山区人民政府 its review summary beside its credit records', async () => {
    const result = await run(`{
      subject(uscc: "11440305003219403F") {
        name
        ... on GovernmentBody { serviceReviewSummary { casesHandled overdueCases badReviewCount overdueRectifications } }
      }
    }`);
    expect(result).toEqual({
      data: { subject: { name: '深圳市南山区人民政府', serviceReviewSummary: { casesHandled: 47, overdueCases: 3, badReviewCount: 11, overdueRectifications: 2 } } },
    });
  });
});
