import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings } from '../../../gateways/shared/PlatformSettings.js';
import { sandboxOrganisations } from '../../../gateways/shared/sandbox/sandboxOrganisations.js';
import type { RunningSandbox } from '../../../gateways/shared/sandbox/createSandboxServer.js';
import type { GatewaySubschema } from '../../../gateways/shared/Gateway.js';
import { UsccScalar } from '../../../src/codes/index.js';

const organisations = sandboxOrganisations('small');
const enterprises = organisations.filter((o) => o.kind === 'ENTERPRISE').map((o) => o.uscc);
const bodies = organisations.filter((o) => o.kind === 'GOVERNMENT_BODY').map((o) => o.uscc);
const nameOf = new Map(organisations.map((o) => [o.uscc, o.name]));

// A stand-in for the credit subschema: the subjects by USCC, merged with the adapter the way the hub merges them.
function createStandInCreditSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      scalar USCC
      type Enterprise { uscc: USCC! name: String }
      type GovernmentBody { uscc: USCC! name: String }
      type Query {
        enterprisesByUscc(usccs: [USCC!]!): [Enterprise]!
        governmentBodiesByUscc(usccs: [USCC!]!): [GovernmentBody]!
      }
    `,
    resolvers: {
      USCC: UsccScalar,
      Query: {
        enterprisesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc, name: nameOf.get(uscc) })),
        governmentBodiesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc, name: nameOf.get(uscc) })),
      },
    },
  });
}

let sandbox: RunningSandbox;
let gateway: GatewaySubschema;
let hub: GraphQLSchema;

beforeAll(async () => {
  sandbox = await govServiceGateway.startSandbox({ size: 'small', token: 'batch-token' });
  gateway = govServiceGateway.createSubschema(defaultPlatformSettings('GOV_SERVICE', sandbox.url, 'batch-token'));
  const key = ({ uscc }: { uscc: string }) => uscc;
  const argsFromKeys = (usccs: readonly string[]) => ({ usccs });
  hub = stitchSchemas({
    subschemas: [
      {
        schema: createStandInCreditSchema(),
        merge: {
          Enterprise: { selectionSet: '{ uscc }', fieldName: 'enterprisesByUscc', key, argsFromKeys },
          GovernmentBody: { selectionSet: '{ uscc }', fieldName: 'governmentBodiesByUscc', key, argsFromKeys },
        },
      },
      gateway.subschema,
    ],
    mergeTypes: true,
    resolvers: { USCC: UsccScalar },
  });
});
afterAll(async () => {
  gateway.close();
  await sandbox.stop();
});
beforeEach(() => sandbox.resetStats());

const QUERY = parse(/* GraphQL */ `
  query ($enterprises: [USCC!]!, $bodies: [USCC!]!) {
    enterprisesByUscc(usccs: $enterprises) {
      name
      serviceCases(first: 100) { totalCount edges { node { caseNumber handlingDepartmentName review { level rectification { status } } } } }
    }
    governmentBodiesByUscc(usccs: $bodies) {
      name
      serviceReviewSummary { casesHandled badReviewCount }
    }
  }
`);

async function countRequests(enterpriseCount: number, bodyCount: number) {
  sandbox.resetStats();
  const result = await execute({
    schema: hub,
    document: QUERY,
    variableValues: { enterprises: enterprises.slice(0, enterpriseCount), bodies: bodies.slice(0, bodyCount) },
    contextValue: {},
  });
  expect(result.errors).toBeUndefined();
  const data = result.data as { enterprisesByUscc: { serviceCases: { totalCount: number } }[]; governmentBodiesByUscc: { serviceReviewSummary: unknown }[] };
  expect(data.enterprisesByUscc).toHaveLength(enterpriseCount);
  expect(data.enterprisesByUscc.some((e) => e.serviceCases.totalCount > 0)).toBe(true);
  expect(data.governmentBodiesByUscc.some((b) => b.serviceReviewSummary !== null)).toBe(true);
  const { requests, byRoute } = sandbox.stats();
  return { requests, byRoute };
}

describe('batching through the stitched graph', () => {
  it('asks the platform once per endpoint for 10 subjects and the same for 100', async () => {
    const ten = await countRequests(10, 10);
    const hundred = await countRequests(100, bodies.length);
    expect(ten).toEqual({ requests: 2, byRoute: { 'applicants/casePages:batchQuery': 1, 'departments/evaluationStats:batchQuery': 1 } });
    expect(hundred).toEqual(ten);
  });

  it('merges the platform fields onto the credit subjects', async () => {
    const result = await execute({
      schema: hub,
      document: parse(`{ governmentBodiesByUscc(usccs: ["11440305003219403F"]) { name serviceReviewSummary { casesHandled badReviewCount } } }`),
      contextValue: {},
    });
    expect(result).toEqual({
      data: { governmentBodiesByUscc: [{ name: '深圳市南山区人民政府', serviceReviewSummary: { casesHandled: 47, badReviewCount: 11 } }] },
    });
  });
});
