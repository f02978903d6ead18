import { stitchSchemas } from '@graphql-tools/stitch';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { biddingGateway } from '../../../gateways/bidding/index.js';
import { startBiddingSandbox } from '../../../gateways/bidding/sandbox/startBiddingSandbox.js';
import {
  defaultPlatformSettings,
  sandboxOrganisations,
  type GatewaySubschema,
  type PlatformSettings,
  type RunningSandbox,
  type SandboxFault,
} from '../../../gateways/shared/index.js';
import { UsccScalar } from '../../../src/codes/index.js';
import { findUndocumented } from '../../hub/schemaDocs.js';

const TOKEN = 'bidding-subschema-token';
const ENTERPRISE = '91440300MA5E9NHA04';
const NANSHAN = '11440305003219403F';
const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const provenance = (recordId: string) => ({ platform: 'BIDDING', recordId, fetchedAt: ISO_TIME });

let sandbox: RunningSandbox;
const opened: GatewaySubschema[] = [];

/** The bidding subschema over the sandbox; fast retries so fault tests stay short. */
function subschema(overrides: Partial<PlatformSettings> = {}): GatewaySubschema {
  const built = biddingGateway.createSubschema({ ...defaultPlatformSettings('BIDDING', sandbox.url, TOKEN), backoffMs: 1, ...overrides });
  opened.push(built);
  return built;
}

/** Runs `document` with a fresh context (one request) and returns `{ data, errors }` as a client would see it. */
async function run(schema: GraphQLSchema, document: string, variableValues: Record<string, unknown> = {}) {
  const result = await execute({ schema, document: parse(document), variableValues, contextValue: {} });
  return JSON.parse(JSON.stringify(result)) as { data?: any; errors?: any[] };
}

beforeAll(async () => {
  sandbox = await startBiddingSandbox({ size: 'small', token: TOKEN });
});
afterEach(() => {
  sandbox.clearFault();
  sandbox.resetStats();
  for (const s of opened.splice(0)) s.close();
});
afterAll(() => sandbox.stop());

describe('the bidding subschema', () => {
  it('documents every type, field, argument and enum value', () => {
    expect(findUndocumented(subschema().subschema.schema)).toEqual([]);
  });

  it('links only USCC fields of its own types to credit subjects', () => {
    const schema = subschema().subschema.schema;
    const linked = biddingGateway.subjectLinks.map((l) => `${l.typeName}.${l.usccField}: ${String(schema.getType(l.typeName) && (schema.getType(l.typeName) as any).getFields()[l.usccField]?.type)}`);
    expect(linked).toEqual(biddingGateway.subjectLinks.map((l) => `${l.typeName}.${l.usccField}: USCC`));
  });

  it('answers a tender with its tenderer, agent, bids and award, each with provenance', async () => {
    const result = await run(
      subschema().subschema.schema,
      `{ tender(code: " e440305202600016001 ") {
          code name projectCode projectName category method status districtCode tendererUscc tendererName agentUscc agentName
          noticeDate bidOpeningAt budget evaluationExpertCount
          bids { bidderUscc bidderName price consortium consortiumMembers { memberUscc } won provenance { platform recordId fetchedAt } }
          award { winnerUscc winnerName price noticeDate provenance { platform recordId fetchedAt } }
          provenance { platform recordId fetchedAt } } }`,
    );
    const bid = (n: number, bidderUscc: string, bidderName: string, price: string, won = false) => ({
      bidderUscc, bidderName, price, consortium: false, consortiumMembers: [], won, provenance: provenance(`E440305202600016001-TB0${n}`),
    });
    expect(result).toEqual({
      data: {
        tender: {
          code: 'E440305202600016001',
          name: '南山区2026年政务服务中心智慧大厅信息化设备采购项目',
          projectCode: 'E440305202600016',
          projectName: '南山区2026年政务服务中心智慧大厅信息化设备采购项目',
          category: 'GOODS',
          method: 'OPEN',
          status: 'AWARDED',
          districtCode: '440305',
          tendererUscc: NANSHAN,
          tendererName: '深圳市南山区人民政府',
          agentUscc: '914403073467022025',
          agentName: '腾驰投资咨询（深圳）有限公司',
          noticeDate: '2026-04-08',
          bidOpeningAt: '2026-05-06T01:30:00.000Z',
          budget: '486.5',
          evaluationExpertCount: 7,
          bids: [
            bid(1, ENTERPRISE, '深圳市维晶科技有限公司', '387.8215', true),
            bid(2, '91440305578405223L', '深圳市金弘贸易有限公司', '463.8446'),
            bid(3, '91440305MA5KWPGU4U', '深圳市深腾金融信息服务有限公司', '393.7274'),
            bid(4, '91440304682787241E', '深圳市深特科技有限责任公司', '399.0278'),
            bid(5, '91440306MA5JR6Q37K', '深圳市溢芯电子有限公司', '411.2441'),
          ],
          award: { winnerUscc: ENTERPRISE, winnerName: '深圳市维晶科技有限公司', price: '387.8215', noticeDate: '2026-05-18', provenance: provenance('E440305202600016001-ZB') },
          provenance: provenance('E440305202600016001'),
        },
      },
    });
  });

  it('answers null, without an error, for a tender code the platform does not know', async () => {
    expect(await run(subschema().subschema.schema, '{ tender(code: "E000000000000000001") { code } }')).toEqual({ data: { tender: null } });
  });

  it('gives an enterprise its bids (alone, leading a consortium, as a member) and its awards', async () => {
    const { data, errors } = await run(
      subschema().subschema.schema,
      `{ _biddingEnterprisesByUscc(usccs: ["${ENTERPRISE}"]) {
          uscc bids(first: 100) { totalCount edges { node { tenderCode role won consortiumLeaderUscc } } }
          awards(first: 100) { totalCount edges { node { tenderCode role winnerUscc } } } } }`,
    );
    expect(errors).toBeUndefined();
    const [connections] = data._biddingEnterprisesByUscc;
    type Nodes<T> = { totalCount: number; edges: { node: T }[] };
    const enterprise = { bids: (connections.bids as Nodes<unknown>).edges.map((e) => e.node), awards: (connections.awards as Nodes<unknown>).edges.map((e) => e.node) };
    expect(connections.bids.totalCount).toBe(30);
    expect(connections.awards.totalCount).toBe(7);
    expect(enterprise.bids).toHaveLength(30);
    expect(enterprise.bids).toEqual(
      expect.arrayContaining([
        { tenderCode: 'E440305202600016001', role: 'SOLE_BIDDER', won: true, consortiumLeaderUscc: null },
        { tenderCode: 'E440304202500018001', role: 'CONSORTIUM_MEMBER', won: true, consortiumLeaderUscc: '91440307578061272T' },
        { tenderCode: 'E440305202500015001', role: 'CONSORTIUM_LEADER', won: false, consortiumLeaderUscc: ENTERPRISE },
        { tenderCode: 'E440305202500016001', role: 'SOLE_BIDDER', won: false, consortiumLeaderUscc: null },
      ]),
    );
    const sole = (tenderCode: string) => ({ tenderCode, role: 'SOLE_BIDDER', winnerUscc: ENTERPRISE });
    expect(enterprise.awards).toEqual([
      sole('E440303202600010002'),
      sole('E440309202600009001'),
      sole('E440305202600016001'),
      { tenderCode: 'E440304202500018001', role: 'CONSORTIUM_MEMBER', winnerUscc: '91440307578061272T' },
      sole('E440300202500038001'),
      sole('E440310202400004002'),
      sole('E440304202300010001'),
    ]);
  });

  it('gives a government body the tenders it issued, newest first, in every state, page by page', async () => {
    const ALL = [
      { code: 'E440305202600018001', status: 'OPEN_FOR_BIDS' },
      { code: 'E440305202600017001', status: 'UNDER_EVALUATION' },
      { code: 'E440305202600014001', status: 'AWARDED' },
      { code: 'E440305202600005001', status: 'AWARDED' },
      { code: 'E440305202600016001', status: 'AWARDED' },
      { code: 'E440305202600011001', status: 'AWARDED' },
      { code: 'E440305202500001001', status: 'AWARDED' },
      { code: 'E440305202500016001', status: 'FAILED' },
      { code: 'E440305202500015001', status: 'AWARDED' },
      { code: 'E440305202300008001', status: 'AWARDED' },
      { code: 'E440305202300008002', status: 'AWARDED' },
      { code: 'E440305202300002001', status: 'AWARDED' },
    ];
    const page = async (first: number, after: string | null) => {
      const { data, errors } = await run(subschema().subschema.schema, `query ($after: String) { _biddingGovernmentBodiesByUscc(usccs: ["${NANSHAN}"]) {
        tenders(first: ${first}, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { code status } } } } }`, { after });
      expect(errors).toBeUndefined();
      const { totalCount, pageInfo, edges } = data._biddingGovernmentBodiesByUscc[0].tenders;
      return { totalCount, hasNextPage: pageInfo.hasNextPage, hasPreviousPage: pageInfo.hasPreviousPage, endCursor: pageInfo.endCursor as string, nodes: edges.map((e: { node: unknown }) => e.node) };
    };
    const first = await page(5, null);
    expect(first).toEqual({ totalCount: 12, hasNextPage: true, hasPreviousPage: false, endCursor: expect.any(String), nodes: ALL.slice(0, 5) });
    const second = await page(5, first.endCursor);
    expect(second).toEqual({ totalCount: 12, hasNextPage: true, hasPreviousPage: true, endCursor: expect.any(String), nodes: ALL.slice(5, 10) });
    // A page that does not start on a multiple of its size is cut from one larger platform page.
    expect(await page(4, second.endCursor)).toEqual({ totalCount: 12, hasNextPage: false, hasPreviousPage: true, endCursor: expect.any(String), nodes: ALL.slice(10) });
    expect(sandbox.stats().byRoute).toEqual({ 'participants:batchQuery': 3 });
  });

  it('refuses a page size over 100 and a cursor of another list as bad input, naming the argument', async () => {
    const { errors } = await run(subschema().subschema.schema, `{ _biddingEnterprisesByUscc(usccs: ["${ENTERPRISE}"]) { bids(first: 101) { totalCount } awards(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } } }`);
    expect(errors!.map((e) => [e.path, e.extensions!.code, e.extensions!.argumentName])).toEqual([
      [['_biddingEnterprisesByUscc', 0, 'bids'], 'BAD_USER_INPUT', 'first'],
      [['_biddingEnterprisesByUscc', 0, 'awards'], 'BAD_USER_INPUT', 'after'],
    ]);
  });

  const everything = `query ($enterprises: [USCC!]!, $bodies: [USCC!]!) {
    tender(code: "E440304202500018001") { code bids { consortiumMembers { memberUscc } } }
    _biddingEnterprisesByUscc(usccs: $enterprises) { uscc bids { totalCount edges { node { tenderCode price } } } awards { edges { node { tenderCode } } } }
    _biddingGovernmentBodiesByUscc(usccs: $bodies) { uscc tenders { totalCount edges { node { code bids { bidderUscc } award { winnerUscc } } } } }
  }`;

  it.each([10, 100])('asks the platform once per endpoint for %i enterprises and as many bodies (77 at most), whatever their number', async (count) => {
    const organisations = sandboxOrganisations('small');
    const enterprises = organisations.filter((o) => o.kind === 'ENTERPRISE').slice(0, count).map((o) => o.uscc);
    const bodies = organisations.filter((o) => o.kind === 'GOVERNMENT_BODY').slice(0, count).map((o) => o.uscc);
    const { data, errors } = await run(subschema().subschema.schema, everything, { enterprises, bodies });
    expect(errors).toBeUndefined();
    expect(data._biddingEnterprisesByUscc.map((e: { uscc: string }) => e.uscc)).toEqual(enterprises);
    expect(sandbox.stats().byRoute).toEqual({ 'tenders:batchGet': 1, 'participants:batchQuery': 1 });
  });

  it.each<[string, SandboxFault, Partial<PlatformSettings>, number, string, string]>([
    ['a 503', { status: 503 }, { retries: 2 }, 3, 'SOURCE_UNAVAILABLE', 'answered HTTP 503 (after 3 attempts)'],
    ['a hang', { hang: true }, { timeoutMs: 200 }, 1, 'SOURCE_TIMEOUT', 'no complete answer within 200 ms'],
    ['a malformed body', { malformed: true }, {}, 1, 'SOURCE_BAD_RESPONSE', 'answered a body that is not JSON (31 bytes, starting "{\\"code\\":200,\\"data\\":[{\\"truncate")'],
    ['a body of the wrong shape', { wrongShape: true }, {}, 1, 'SOURCE_BAD_RESPONSE', 'unexpected body: body.data.list: expected an array, got nothing (the member is missing)'],
  ])('turns %s into an error on each affected field, leaving the rest intact', async (_what, fault, settings, attempts, code, cause) => {
    sandbox.setFault({ ...fault, pathPrefix: '/api/v1/participants' });
    const result = await run(
      subschema(settings).subschema.schema,
      `{ tender(code: "E440305202500016001") { status }
         _biddingEnterprisesByUscc(usccs: ["${ENTERPRISE}", "91440300MA5FJ7WN47"]) { uscc bids { edges { node { tenderCode } } } awards { totalCount } } }`,
    );
    const error = (path: (string | number)[]) => ({ message: `BIDDING: ${cause}`, locations: expect.any(Array), path, extensions: { code, platform: 'BIDDING', cause } });
    expect(result).toEqual({
      data: {
        tender: { status: 'FAILED' },
        _biddingEnterprisesByUscc: [
          { uscc: ENTERPRISE, bids: null, awards: null },
          { uscc: '91440300MA5FJ7WN47', bids: null, awards: null },
        ],
      },
      errors: expect.arrayContaining([
        error(['_biddingEnterprisesByUscc', 0, 'bids']),
        error(['_biddingEnterprisesByUscc', 0, 'awards']),
        error(['_biddingEnterprisesByUscc', 1, 'bids']),
        error(['_biddingEnterprisesByUscc', 1, 'awards']),
      ]),
    });
    expect(result.errors).toHaveLength(4);
    expect(sandbox.stats().byRoute).toEqual({ 'tenders:batchGet': 1, 'participants:batchQuery': attempts });
  });

  it('answers SOURCE_UNAVAILABLE without calling the platform when it is switched off', async () => {
    const cause = 'the public bidding platform (招标投标公共服务平台) is switched off by configuration (BIDDING_ENABLED=false)';
    const result = await run(subschema({ enabled: false }).subschema.schema, `{ tender(code: "E440305202600016001") { code } _biddingGovernmentBodiesByUscc(usccs: ["${NANSHAN}"]) { uscc tenders { totalCount } } }`);
    expect(result).toEqual({
      data: { tender: null, _biddingGovernmentBodiesByUscc: [{ uscc: NANSHAN, tenders: null }] },
      errors: expect.arrayContaining([
        { message: `BIDDING: ${cause}`, locations: expect.any(Array), path: ['tender'], extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING', cause } },
        { message: `BIDDING: ${cause}`, locations: expect.any(Array), path: ['_biddingGovernmentBodiesByUscc', 0, 'tenders'], extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING', cause } },
      ]),
    });
    expect(sandbox.stats().requests).toBe(0);
  });
});

describe('the bidding subschema stitched to a credit store by USCC', () => {
  // The smallest stand-in for the credit subschema: enterprises by USCC with their names.
  const names = new Map(sandboxOrganisations('small').map((o) => [o.uscc, o.name]));
  const credit = makeExecutableSchema({
    typeDefs: `scalar USCC
      type Query { enterprisesByUscc(usccs: [USCC!]!): [Enterprise]! }
      type Enterprise { uscc: USCC! name: String }`,
    resolvers: { USCC: UsccScalar, Query: { enterprisesByUscc: (_: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc, name: names.get(uscc) })) } },
  });

  it.each([10, 100])('merges bids and awards into %i enterprises with one platform call', async (count) => {
    const bidding = subschema();
    const schema = stitchSchemas({
      subschemas: [
        { schema: credit, merge: { Enterprise: { selectionSet: '{ uscc }', fieldName: 'enterprisesByUscc', key: ({ uscc }: { uscc: string }) => uscc, argsFromKeys: (usccs: readonly string[]) => ({ usccs }) } } },
        bidding.subschema,
      ],
    });
    const usccs = [ENTERPRISE, ...sandboxOrganisations('small').filter((o) => o.kind === 'ENTERPRISE' && o.uscc !== ENTERPRISE).slice(0, count - 1).map((o) => o.uscc)];
    const { data, errors } = await run(schema, 'query ($usccs: [USCC!]!) { enterprisesByUscc(usccs: $usccs) { uscc name bids { totalCount } awards { edges { node { tenderCode role } } } } }', { usccs });
    expect(errors).toBeUndefined();
    expect(data.enterprisesByUscc).toHaveLength(count);
    expect(data.enterprisesByUscc[0]).toMatchObject({ uscc: ENTERPRISE, name: '深圳市维晶科技有限公司', bids: { totalCount: 30 }, awards: { edges: expect.arrayContaining([{ node: { tenderCode: 'E440304202500018001', role: 'CONSORTIUM_MEMBER' } }]) } });
    expect(sandbox.stats().byRoute).toEqual({ 'participants:batchQuery': 1 });
  });
});
