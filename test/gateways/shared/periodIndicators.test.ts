import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constructionApprovalGateway } from '../../../gateways/construction-approval/index.js';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings, type Gateway, type GatewaySubschema, type RunningSandbox } from '../../../gateways/shared/index.js';

// The indicator fields with periods behave alike on both platforms (gateways/shared: statisticsPeriod,
// offsetConnection): each adapter's real subschema against its sandbox over HTTP, every answer compared whole.

const NANSHAN_GOVERNMENT = '11440305003219403F'; // 深圳市南山区人民政府
const FUTIAN_HOUSING = '1144030400570623X5'; // 深圳市福田区住房和建设局

interface Adapter {
  gateway: Gateway;
  bodies: string;
  summary: string;
  series: string;
  district: string;
  figure: string;
}

const ADAPTERS: Adapter[] = [
  { gateway: govServiceGateway, bodies: '_govServiceGovernmentBodiesByUscc', summary: 'serviceReviewSummary', series: 'serviceReviewSeries', district: 'districtServiceReviews', figure: 'casesHandled' },
  {
    gateway: constructionApprovalGateway,
    bodies: '_constructionGovernmentBodiesByUscc',
    summary: 'approvalPerformance',
    series: 'approvalPerformanceSeries',
    district: 'districtApprovalPerformance',
    figure: 'approvalsHandled',
  },
];

const bad = (path: (string | number)[], argumentName: string, message: string, extra: Record<string, unknown> = {}) => ({
  message: `Argument "${argumentName}": ${message}`,
  locations: expect.any(Array),
  path,
  extensions: { code: 'BAD_USER_INPUT', argumentName, ...extra },
});

describe.each(ADAPTERS)('$gateway.platform indicators with periods', ({ gateway, bodies, summary, series, district, figure }) => {
  let sandbox: RunningSandbox;
  let built: GatewaySubschema;
  const run = async (source: string) =>
    JSON.parse(JSON.stringify(await execute({ schema: built.subschema.schema, document: parse(source), contextValue: {} }))) as Record<string, unknown>;

  beforeAll(async () => {
    sandbox = await gateway.startSandbox({ size: 'small', token: 't' });
    built = gateway.createSubschema(defaultPlatformSettings(gateway.platform, sandbox.url, 't'));
  });
  afterAll(async () => {
    built?.close();
    await sandbox?.stop();
  });

  it('answers the bodies of one level and their series in one platform call each, whatever their number', async () => {
    sandbox.resetStats();
    const result = await run(`{ ${bodies}(usccs: ["${NANSHAN_GOVERNMENT}", "${FUTIAN_HOUSING}"]) {
      ${summary}(from: "2026-01-01", to: "2026-06-30") { ${figure} }
      ${series}(from: "2026-01-01", to: "2026-06-30") { periodStart periodEnd ${figure} }
    } }`);
    const answered = (result.data as Record<string, { [k: string]: unknown }[]>)[bodies]!;
    expect(answered).toHaveLength(2);
    for (const body of answered) {
      const months = body[series] as { periodStart: string; periodEnd: string; [k: string]: unknown }[];
      expect(months.map((m) => [m.periodStart, m.periodEnd])).toEqual([
        ['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-31'],
        ['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-05-31'], ['2026-06-01', '2026-06-30'],
      ]);
      // The months add up to the period.
      expect(months.reduce((sum, m) => sum + (m[figure] as number), 0)).toBe((body[summary] as Record<string, number>)[figure]);
    }
    expect(result.errors).toBeUndefined();
    // One call for the summaries, one for the series: two bodies cost what one costs.
    expect(sandbox.stats().requests).toBe(2);
  });

  it('answers every district of a rollup in one platform call', async () => {
    sandbox.resetStats();
    const result = await run(`{ ${district}(districts: ["440305", "440304", "440300"], from: "2025-11-01", to: "2026-10-31") {
      districtCode districtName monthly { periodStart } provenance { platform recordId }
    } }`);
    const rows = (result.data as Record<string, { districtCode: string; districtName: string; monthly: unknown[]; provenance: unknown }[]>)[district]!;
    expect(rows.map((r) => [r.districtCode, r.districtName, r.monthly.length, r.provenance])).toEqual([
      ['440305', '南山区', 12, { platform: gateway.platform, recordId: '440305' }],
      ['440304', '福田区', 12, { platform: gateway.platform, recordId: '440304' }],
      ['440300', '深圳市', 12, { platform: gateway.platform, recordId: '440300' }],
    ]);
    expect(sandbox.stats().requests).toBe(1);
  });

  it.each([
    ['from after to', `(districts: ["440305"], from: "2026-07-01", to: "2026-06-30")`, 'from', '2026-07-01 is after to (2026-06-30); give a period whose from is on or before its to', {}],
    [
      'a period over 36 months',
      `(districts: ["440305"], from: "2023-06-15", to: "2026-06-30")`,
      'to',
      'the period 2023-06-15 to 2026-06-30 touches 37 calendar months; the platforms serve at most 36: shorten it, e.g. from 2023-07-01 to 2026-06-30, or ask several periods',
      { maxMonths: 36 },
    ],
    [
      'an unknown district',
      `(districts: ["440305", "999999"], from: "2026-01-01", to: "2026-06-30")`,
      'districts[1]',
      '"999999" is not a Shenzhen area code; use a code from the `districts` query, e.g. 440305 (Nanshan), 440300 for the city\'s own departments',
      {},
    ],
    ['no district', `(districts: [], from: "2026-01-01", to: "2026-06-30")`, 'districts', 'give at least one area code, e.g. 440305 (Nanshan); the `districts` query lists them', {}],
  ])('refuses %s in a district rollup with BAD_USER_INPUT naming the argument, asking the platform nothing', async (_case, args, argumentName, message, extra) => {
    sandbox.resetStats();
    expect(await run(`{ ${district}${args} { districtCode } }`)).toEqual({ data: { [district]: null }, errors: [bad([district], argumentName, message, extra)] });
    expect(sandbox.stats().requests).toBe(0);
  });

  it('keeps the platform statistics period without arguments and refuses half a period on the body field', async () => {
    const result = await run(`{ ${bodies}(usccs: ["${NANSHAN_GOVERNMENT}"]) {
      whole: ${summary} { periodEnd }
      noTo: ${summary}(from: "2026-01-01") { periodEnd }
      noFrom: ${summary}(to: "2026-01-01") { periodEnd }
    } }`);
    expect(result).toEqual({
      data: { [bodies]: [{ whole: { periodEnd: '2026-11-01' }, noTo: null, noFrom: null }] },
      errors: [
        bad([bodies, 0, 'noTo'], 'to', "from is given without to; give both (a period) or neither (the platform's statistics period)"),
        bad([bodies, 0, 'noFrom'], 'from', "to is given without from; give both (a period) or neither (the platform's statistics period)"),
      ],
    });
  });
});

describe('platform down', () => {
  let refusedUrl = '';
  beforeAll(async () => {
    // A port that was just free and is closed again: connecting to it is refused.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
  });

  const CASES: { gateway: Gateway; document: string; path: (string | number)[] }[] = [
    { gateway: govServiceGateway, document: `{ districtServiceReviews(districts: ["440305"], from: "2026-01-01", to: "2026-06-30") { districtCode } }`, path: ['districtServiceReviews'] },
    {
      gateway: govServiceGateway,
      document: `{ _govServiceGovernmentBodiesByUscc(usccs: ["${NANSHAN_GOVERNMENT}"]) { serviceReviewSeries(from: "2026-01-01", to: "2026-06-30") { casesHandled } } }`,
      path: ['_govServiceGovernmentBodiesByUscc', 0, 'serviceReviewSeries'],
    },
    {
      gateway: constructionApprovalGateway,
      document: `{ districtApprovalPerformance(districts: ["440305"], from: "2026-01-01", to: "2026-06-30") { districtCode } }`,
      path: ['districtApprovalPerformance'],
    },
    {
      gateway: constructionApprovalGateway,
      document: `{ _constructionGovernmentBodiesByUscc(usccs: ["${NANSHAN_GOVERNMENT}"]) { approvalPerformanceSeries(from: "2026-01-01", to: "2026-06-30") { approvalsHandled } } }`,
      path: ['_constructionGovernmentBodiesByUscc', 0, 'approvalPerformanceSeries'],
    },
    { gateway: constructionApprovalGateway, document: `{ constructionProjects(filter: { districts: ["440305"] }) { totalCount } }`, path: ['constructionProjects'] },
  ];

  it.each(CASES)('gives null and a located SOURCE_UNAVAILABLE at $path', async ({ gateway, document, path }) => {
    const built = gateway.createSubschema({ ...defaultPlatformSettings(gateway.platform, refusedUrl, 't'), retries: 0 });
    const result = JSON.parse(JSON.stringify(await execute({ schema: built.subschema.schema, document: parse(document), contextValue: {} }))) as unknown;
    built.close();
    const cause = `cannot reach ${refusedUrl}: ECONNREFUSED`;
    const data = path.length === 1 ? { [path[0]!]: null } : { [path[0]!]: [{ [path[2]!]: null }] };
    expect(result).toEqual({
      data,
      errors: [{ message: `${gateway.platform}: ${cause}`, locations: expect.any(Array), path, extensions: { code: 'SOURCE_UNAVAILABLE', platform: gateway.platform, cause } }],
    });
  });
});
