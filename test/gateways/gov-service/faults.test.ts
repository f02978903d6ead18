import { execute, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings, type PlatformSettings } from '../../../gateways/shared/PlatformSettings.js';
import type { RunningSandbox } from '../../../gateways/shared/sandbox/createSandboxServer.js';
import type { SandboxFault } from '../../../gateways/shared/sandbox/SandboxFault.js';
import type { GatewaySubschema } from '../../../gateways/shared/Gateway.js';

const NANSHAN = '11440305003219403F';
const WEIJING = '91440300MA5E9NHA04';
const OTHER = '91440300MA5FJ7WN47';

let sandbox: RunningSandbox;
let gateway: GatewaySubschema | null = null;
beforeAll(async () => {
  sandbox = await govServiceGateway.startSandbox({ size: 'small', token: 'fault-token' });
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.clearFault();
  sandbox.resetStats();
  gateway?.close();
  gateway = null;
});

// Cases and statistics in one document: a fault on the cases endpoint must leave the statistics intact.
const DOCUMENT = parse(`{
  e: _govServiceEnterprisesByUscc(usccs: ["${WEIJING}", "${OTHER}"]) { uscc serviceCases(first: 1) { totalCount edges { node { caseNumber } } } }
  g: _govServiceGovernmentBodiesByUscc(usccs: ["${NANSHAN}"]) { uscc serviceReviewSummary { casesHandled } }
}`);

async function runWith(settings: Partial<PlatformSettings>, fault?: SandboxFault) {
  gateway = govServiceGateway.createSubschema({ ...defaultPlatformSettings('GOV_SERVICE', sandbox.url, 'fault-token'), backoffMs: 1, timeoutMs: 2000, ...settings });
  if (fault) sandbox.setFault(fault);
  const result = await execute({ schema: gateway.subschema.schema, document: DOCUMENT, contextValue: {} });
  return JSON.parse(JSON.stringify(result)) as { data: unknown; errors?: unknown[] };
}

const casesFailed = (code: string, cause: RegExp) => {
  const error = (index: number) => ({
    message: expect.stringMatching(/^GOV_SERVICE: /),
    locations: expect.any(Array),
    path: ['e', index, 'serviceCases'],
    extensions: { code, platform: 'GOV_SERVICE', cause: expect.stringMatching(cause) },
  });
  return {
    data: {
      e: [
        { uscc: WEIJING, serviceCases: null },
        { uscc: OTHER, serviceCases: null },
      ],
      g: [{ uscc: NANSHAN, serviceReviewSummary: { casesHandled: 47 } }],
    },
    errors: [error(0), error(1)],
  };
};

const CASES = '/api/v1/applicants';

describe('platform faults land on the fields the platform serves', () => {
  it('503 on the cases endpoint: SOURCE_UNAVAILABLE after the retries, statistics intact', async () => {
    expect(await runWith({ retries: 2 }, { status: 503, pathPrefix: CASES })).toEqual(casesFailed('SOURCE_UNAVAILABLE', /answered HTTP 503 \(after 3 attempts\)/));
    expect(sandbox.stats().byRoute).toEqual({ 'applicants/casePages:batchQuery': 3, 'departments/evaluationStats:batchQuery': 1 });
  });

  it('a hanging platform: SOURCE_TIMEOUT within the configured timeout', async () => {
    expect(await runWith({ timeoutMs: 150 }, { hang: true, pathPrefix: CASES })).toEqual(casesFailed('SOURCE_TIMEOUT', /no complete answer within 150 ms/));
  });

  it('a body that is not JSON: SOURCE_BAD_RESPONSE', async () => {
    expect(await runWith({}, { malformed: true, pathPrefix: CASES })).toEqual(casesFailed('SOURCE_BAD_RESPONSE', /not JSON/));
  });

  it('JSON of the wrong shape: SOURCE_BAD_RESPONSE naming the missing member', async () => {
    expect(await runWith({}, { wrongShape: true, pathPrefix: CASES })).toEqual(casesFailed('SOURCE_BAD_RESPONSE', /body\.data\.list: expected an array/));
  });

  it('switched off: every platform field answers SOURCE_UNAVAILABLE and no request is sent', async () => {
    const result = await runWith({ enabled: false });
    expect(result.data).toEqual({
      e: [
        { uscc: WEIJING, serviceCases: null },
        { uscc: OTHER, serviceCases: null },
      ],
      g: [{ uscc: NANSHAN, serviceReviewSummary: null }],
    });
    expect(result.errors?.map((e) => (e as { path: (string | number)[] }).path).sort((a, b) => a.join('.').localeCompare(b.join('.')))).toEqual([
      ['e', 0, 'serviceCases'],
      ['e', 1, 'serviceCases'],
      ['g', 0, 'serviceReviewSummary'],
    ]);
    expect(result.errors?.every((e) => (e as { extensions: { code: string } }).extensions.code === 'SOURCE_UNAVAILABLE')).toBe(true);
    expect(sandbox.stats().requests).toBe(0);
  });
});
