import { stitchSchemas } from '@graphql-tools/stitch';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { constructionApprovalGateway } from '../../../gateways/construction-approval/index.js';
import { defaultPlatformSettings, sandboxOrganisations, type GatewaySubschema, type PlatformSettings, type RunningSandbox, type SandboxFault } from '../../../gateways/shared/index.js';
import { UsccScalar } from '../../../src/codes/index.js';
import { findUndocumented } from '../../hub/schemaDocs.js';

const SAMPLE_BUILDER = '91440300MA5E9NHA04';
const NANSHAN_GOVERNMENT = '11440305003219403F';
const OLD_CODE = '2019-440304-78-03-757151';
const NEW_CODE = '2104-440304-04-03-685863';

// The sample enterprise's projects, newest first: one waiting past its limit, one in its second stage,
// one completed with two late stages.
const SAMPLE_PROJECTS = [
  {
    code: '2609-440304-05-02-029950', oldCode: null, status: 'IN_APPROVAL', totalWorkingDays: 35, overdueStageCount: 1,
    stages: [
      { stage: 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING', approvalDepartmentName: '深圳市福田区人民政府', acceptedOn: '2026-09-07', finishedOn: null, inProgress: true, allowedWorkingDays: 20, actualWorkingDays: 35, overdue: true, overdueWorkingDays: 15 },
    ],
  },
  {
    code: '2608-440304-11-03-011476', oldCode: null, status: 'IN_APPROVAL', totalWorkingDays: 16, overdueStageCount: 0,
    stages: [
      { stage: 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING', approvalDepartmentName: '深圳市福田区人民政府', acceptedOn: '2026-08-25', finishedOn: '2026-09-03', inProgress: false, allowedWorkingDays: 20, actualWorkingDays: 7, overdue: false, overdueWorkingDays: 0 },
      { stage: 'CONSTRUCTION_ENGINEERING_PERMIT', approvalDepartmentName: '深圳市规划和自然资源局', acceptedOn: '2026-10-19', finishedOn: null, inProgress: true, allowedWorkingDays: 20, actualWorkingDays: 9, overdue: false, overdueWorkingDays: 0 },
    ],
  },
  {
    code: NEW_CODE, oldCode: OLD_CODE, status: 'COMPLETED', totalWorkingDays: 89, overdueStageCount: 2,
    stages: [
      { stage: 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING', approvalDepartmentName: '深圳市福田区人民政府', acceptedOn: '2019-06-03', finishedOn: '2019-07-29', inProgress: false, allowedWorkingDays: 30, actualWorkingDays: 39, overdue: true, overdueWorkingDays: 9 },
      { stage: 'CONSTRUCTION_ENGINEERING_PERMIT', approvalDepartmentName: '深圳市规划和自然资源局', acceptedOn: '2019-09-27', finishedOn: '2019-11-14', inProgress: false, allowedWorkingDays: 30, actualWorkingDays: 31, overdue: true, overdueWorkingDays: 1 },
      { stage: 'CONSTRUCTION_PERMIT', approvalDepartmentName: '深圳市福田区住房和建设局', acceptedOn: '2020-02-10', finishedOn: '2020-02-14', inProgress: false, allowedWorkingDays: 7, actualWorkingDays: 4, overdue: false, overdueWorkingDays: 0 },
      { stage: 'COMPLETION_ACCEPTANCE', approvalDepartmentName: '深圳市福田区住房和建设局', acceptedOn: '2022-06-20', finishedOn: '2022-07-11', inProgress: false, allowedWorkingDays: 20, actualWorkingDays: 15, overdue: false, overdueWorkingDays: 0 },
    ],
  },
];

const NANSHAN_PERFORMANCE = {
  asOf: '2026-11-01', approvalsHandled: 44, approvalsFinished: 44, approvalsInProgress: 0, overdueApprovals: 4, onTimeRate: 0.9091, averageWorkingDays: 15.2,
  stages: [
    { stage: 'PROJECT_APPROVAL_AND_LAND_USE_PLANNING', approvalsHandled: 44, approvalsFinished: 44, approvalsInProgress: 0, overdueApprovals: 4, onTimeRate: 0.9091, averageWorkingDays: 15.2, statutoryWorkingDays: 20 },
  ],
  provenance: { platform: 'CONSTRUCTION_APPROVAL', recordId: NANSHAN_GOVERNMENT },
};

const PROJECT_FIELDS = `code oldCode status totalWorkingDays overdueStageCount
  stages { stage approvalDepartmentName acceptedOn finishedOn inProgress allowedWorkingDays actualWorkingDays overdue overdueWorkingDays }`;
const PERFORMANCE_FIELDS = `asOf approvalsHandled approvalsFinished approvalsInProgress overdueApprovals onTimeRate averageWorkingDays
  stages { stage approvalsHandled approvalsFinished approvalsInProgress overdueApprovals onTimeRate averageWorkingDays statutoryWorkingDays }
  provenance { platform recordId }`;

describe('construction approval subschema', () => {
  let sandbox: RunningSandbox;
  const opened: GatewaySubschema[] = [];
  const connect = (overrides: Partial<PlatformSettings> = {}) => {
    const adapter = constructionApprovalGateway.createSubschema({
      ...defaultPlatformSettings('CONSTRUCTION_APPROVAL', sandbox.url, sandbox.token),
      backoffMs: 5,
      ...overrides,
    });
    opened.push(adapter);
    return adapter.subschema.schema;
  };
  const run = async (schema: GraphQLSchema, query: string, variableValues?: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(await execute({ schema, document: parse(query), contextValue: {}, ...(variableValues ? { variableValues } : {}) }))) as ExecutionResult;

  beforeAll(async () => {
    sandbox = await constructionApprovalGateway.startSandbox({ size: 'small', token: 'subschema-test-token' });
  });
  afterEach(() => {
    sandbox.clearFault();
    sandbox.resetStats();
    for (const adapter of opened.splice(0)) adapter.close();
  });
  afterAll(() => sandbox.stop());

  it('documents every type, field, argument and enum value', () => {
    expect(findUndocumented(connect())).toEqual([]);
  });

  it('answers the sample enterprise’s projects and the Nanshan government’s approval performance', async () => {
    const result = await run(
      connect(),
      `{ _constructionEnterprisesByUscc(usccs: ["${SAMPLE_BUILDER}"]) { uscc constructionProjects { totalCount edges { node { ${PROJECT_FIELDS} } } } }
         _constructionGovernmentBodiesByUscc(usccs: ["${NANSHAN_GOVERNMENT}"]) { uscc approvalPerformance { ${PERFORMANCE_FIELDS} } } }`,
    );
    expect(result).toEqual({
      data: {
        _constructionEnterprisesByUscc: [{ uscc: SAMPLE_BUILDER, constructionProjects: { totalCount: SAMPLE_PROJECTS.length, edges: SAMPLE_PROJECTS.map((node) => ({ node })) } }],
        _constructionGovernmentBodiesByUscc: [{ uscc: NANSHAN_GOVERNMENT, approvalPerformance: NANSHAN_PERFORMANCE }],
      },
    });
  });

  it('finds a project by either code format, normalising the input, with provenance', async () => {
    const result = await run(
      connect(),
      `{ old: constructionProject(code: "${OLD_CODE}") { projectNumber code builderUscc provenance { platform recordId } }
         new: constructionProject(code: "${NEW_CODE.replace(/-/g, '')}") { projectNumber }
         unknown: constructionProject(code: "2104-440304-04-03-000000") { projectNumber }
         many: constructionProjectsByCode(codes: ["${NEW_CODE}", "2104-440304-04-03-000000"]) { projectNumber } }`,
    );
    expect(result).toEqual({
      data: {
        old: { projectNumber: '440304201900005', code: NEW_CODE, builderUscc: SAMPLE_BUILDER, provenance: { platform: 'CONSTRUCTION_APPROVAL', recordId: '440304201900005' } },
        new: { projectNumber: '440304201900005' },
        unknown: null,
        many: [{ projectNumber: '440304201900005' }, null],
      },
    });
    expect(sandbox.stats().byRoute).toEqual({ 'projects:batchGet': 1 });
  });

  it('refuses a malformed project code before calling the system', async () => {
    const result = await run(connect(), '{ constructionProject(code: "2104-440304-04-03-68586") { projectNumber } }');
    expect(result.errors?.map((e) => e.message)).toEqual(['Argument "code" has invalid value "2104-440304-04-03-68586".']);
    expect(sandbox.stats().requests).toBe(0);
  });

  describe('merged into a stitched graph', () => {
    const organisations = sandboxOrganisations('small');
    const enterprises = organisations.filter((o) => o.kind === 'ENTERPRISE').map((o) => o.uscc);
    const bodies = organisations.filter((o) => o.kind === 'GOVERNMENT_BODY').map((o) => o.uscc);
    const names = new Map(organisations.map((o) => [o.uscc, o.name]));
    // Stands in for the credit subschema: subjects by USCC, with their names.
    const creditStub = makeExecutableSchema({
      typeDefs: `scalar USCC
        type Enterprise { uscc: USCC! name: String }
        type GovernmentBody { uscc: USCC! name: String }
        type Query { enterprises(usccs: [USCC!]!): [Enterprise]! governmentBodies(usccs: [USCC!]!): [GovernmentBody]! }`,
      resolvers: {
        USCC: UsccScalar,
        Query: {
          enterprises: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc, name: names.get(uscc) })),
          governmentBodies: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc, name: names.get(uscc) })),
        },
      },
    });
    const stitch = () => stitchSchemas({ subschemas: [{ schema: creditStub }, opened.at(-1)!.subschema], mergeTypes: true });
    const query = `query ($e: [USCC!]!, $g: [USCC!]!) {
      enterprises(usccs: $e) { name constructionProjects { totalCount edges { node { code stages { overdue } } } } }
      governmentBodies(usccs: $g) { name approvalPerformance { approvalsHandled } constructionProjects { code } } }`;

    // The small sample data has 77 government bodies.
    it.each([[10, 10], [100, 77]])('makes one call per endpoint for %i enterprises and %i government bodies', async (count, bodyCount) => {
      connect();
      const result = await run(stitch(), query, { e: enterprises.slice(0, count), g: bodies.slice(0, bodyCount) });
      expect(result.errors).toBeUndefined();
      const data = result.data as { enterprises: { constructionProjects: unknown }[] };
      expect(data.enterprises).toHaveLength(count);
      // Enterprises page their projects (one call per window); government bodies list theirs whole.
      expect(sandbox.stats().byRoute).toEqual({ 'builders/projectPages:batchQuery': 1, 'builders/projects:batchQuery': 1, 'departs/approvalStats:batchQuery': 1 });
    });

    it('merges the sample enterprise by USCC', async () => {
      connect();
      const result = await run(stitch(), `{ enterprises(usccs: ["${SAMPLE_BUILDER}"]) { name constructionProjects(first: 2) { totalCount pageInfo { hasNextPage } edges { node { code } } } } }`);
      expect(result).toEqual({
        data: { enterprises: [{ name: '深圳市维晶科技有限公司', constructionProjects: { totalCount: SAMPLE_PROJECTS.length, pageInfo: { hasNextPage: SAMPLE_PROJECTS.length > 2 }, edges: SAMPLE_PROJECTS.slice(0, 2).map(({ code }) => ({ node: { code } })) } }] },
      });
    });
  });

  describe('when the system fails', () => {
    // The second enterprise is not in the sample data: a failure reaches it all the same.
    const OTHER = '914403001922038216';
    const query = `{ _constructionEnterprisesByUscc(usccs: ["${SAMPLE_BUILDER}", "${OTHER}"]) { uscc constructionProjects { totalCount } }
      _constructionGovernmentBodiesByUscc(usccs: ["${NANSHAN_GOVERNMENT}"]) { uscc approvalPerformance { approvalsHandled } } }`;

    it.each<[string, SandboxFault, Partial<PlatformSettings>, string, number]>([
      ['a 503', { status: 503 }, {}, 'SOURCE_UNAVAILABLE', 3],
      ['a hang', { hang: true }, { timeoutMs: 150 }, 'SOURCE_TIMEOUT', 1],
      ['a body that is not JSON', { malformed: true }, {}, 'SOURCE_BAD_RESPONSE', 1],
      ['a body of the wrong shape', { wrongShape: true }, {}, 'SOURCE_BAD_RESPONSE', 1],
    ])('turns %s into a field error at each affected path, the rest intact', async (_, fault, settings, code, requests) => {
      sandbox.setFault({ ...fault, pathPrefix: '/api/v1/builders' });
      const result = await run(connect(settings), query);
      expect(result.data).toEqual({
        _constructionEnterprisesByUscc: [
          { uscc: SAMPLE_BUILDER, constructionProjects: null },
          { uscc: OTHER, constructionProjects: null },
        ],
        _constructionGovernmentBodiesByUscc: [{ uscc: NANSHAN_GOVERNMENT, approvalPerformance: { approvalsHandled: 44 } }],
      });
      expect(result.errors?.map((e) => ({ path: e.path, code: e.extensions?.code, platform: e.extensions?.platform }))).toEqual([
        { path: ['_constructionEnterprisesByUscc', 0, 'constructionProjects'], code, platform: 'CONSTRUCTION_APPROVAL' },
        { path: ['_constructionEnterprisesByUscc', 1, 'constructionProjects'], code, platform: 'CONSTRUCTION_APPROVAL' },
      ]);
      expect(sandbox.stats().byRoute['builders/projectPages:batchQuery']).toBe(requests);
    });

    it('answers SOURCE_UNAVAILABLE without any request when switched off', async () => {
      const result = await run(connect({ enabled: false }), query);
      expect(result.data).toEqual({
        _constructionEnterprisesByUscc: [
          { uscc: SAMPLE_BUILDER, constructionProjects: null },
          { uscc: OTHER, constructionProjects: null },
        ],
        _constructionGovernmentBodiesByUscc: [{ uscc: NANSHAN_GOVERNMENT, approvalPerformance: null }],
      });
      expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['SOURCE_UNAVAILABLE']));
      expect(result.errors?.[0]?.message).toContain('switched off by configuration (CONSTRUCTION_ENABLED=false)');
      expect(sandbox.stats().requests).toBe(0);
    });
  });
});
