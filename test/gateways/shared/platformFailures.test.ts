import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { biddingGateway } from '../../../gateways/bidding/index.js';
import { constructionApprovalGateway } from '../../../gateways/construction-approval/index.js';
import { govServiceGateway } from '../../../gateways/gov-service/index.js';
import { defaultPlatformSettings, type Gateway, type GatewaySubschema } from '../../../gateways/shared/index.js';

// Every adapter maps each platform failure class to the same error (gateways/README.md, "Failures"). Each
// adapter runs against a small local server speaking the platforms' envelope `{ code, msg, data }`,
// through its real subschema, and the platform field asked becomes null with the error at its path.

const USCC = '91440300MA5E9NHA04';
const TIMEOUT_MS = 200;
// Where the platform answers, a time limit the answer never meets on a busy machine: only the timeout case times.
const ANSWERED_TIMEOUT_MS = 60_000;

type Answer = { kind: 'hang' } | { kind: 'reply'; status: number; text: string };

const ADAPTERS: { gateway: Gateway; root: string; field: string; selection: string; endpoint: string; wrongShapePath: string }[] = [
  { gateway: biddingGateway, root: '_biddingEnterprisesByUscc', field: 'bids', selection: 'bids { totalCount }', endpoint: '/api/v1/participants:batchQuery', wrongShapePath: 'body.data.list' },
  {
    gateway: constructionApprovalGateway,
    root: '_constructionEnterprisesByUscc',
    field: 'constructionProjects',
    selection: 'constructionProjects { totalCount edges { node { code } } }',
    endpoint: '/api/v1/builders/projectPages:batchQuery',
    wrongShapePath: 'body.data.list',
  },
  {
    gateway: govServiceGateway,
    root: '_govServiceEnterprisesByUscc',
    field: 'serviceCases',
    selection: 'serviceCases { totalCount edges { node { caseNumber } } }',
    endpoint: '/api/v1/applicants/casePages:batchQuery',
    wrongShapePath: 'body.data.list',
  },
];

const json = (status: number, body: unknown): Answer => ({ kind: 'reply', status, text: JSON.stringify(body) });

/** The failure classes: what the platform does, and the error code and cause every adapter must give. */
const FAILURES: { name: string; answer: Answer | 'refused'; code: string; cause: (endpoint: string, url: string) => string | RegExp }[] = [
  { name: 'a refused connection', answer: 'refused', code: 'SOURCE_UNAVAILABLE', cause: (_e, url) => `cannot reach ${url}: ECONNREFUSED` },
  { name: 'a timeout', answer: { kind: 'hang' }, code: 'SOURCE_TIMEOUT', cause: () => `no complete answer within ${TIMEOUT_MS} ms` },
  { name: 'HTTP 500', answer: json(500, { code: 500, msg: '系统错误', data: null }), code: 'SOURCE_UNAVAILABLE', cause: () => 'answered HTTP 500' },
  {
    name: 'a non-success code in the envelope',
    answer: json(200, { code: 500, msg: '系统繁忙', data: null }),
    code: 'SOURCE_UNAVAILABLE',
    cause: (endpoint) => `answered code ${500} (系统繁忙) for POST ${endpoint}`,
  },
  {
    name: 'a client-error code in the envelope',
    answer: json(200, { code: 400, msg: '参数错误', data: null }),
    code: 'SOURCE_UNAVAILABLE',
    cause: (endpoint) => `answered code ${400} (参数错误) for POST ${endpoint}`,
  },
  {
    name: 'a body that is not JSON',
    answer: { kind: 'reply', status: 200, text: '{"code":200,"data":{"li' },
    code: 'SOURCE_BAD_RESPONSE',
    cause: () => 'answered a body that is not JSON (23 bytes, starting "{\\"code\\":200,\\"data\\":{\\"li")',
  },
];

let answer: Answer = { kind: 'hang' };
const asked: string[] = [];
const server = http.createServer((req, res) => {
  asked.push(`${req.method} ${req.url}`);
  req.resume();
  if (answer.kind === 'hang') return;
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
});
let serverUrl = '';
let refusedUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free and is closed again: connecting to it is refused.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let built: GatewaySubschema | null = null;
afterEach(() => {
  built?.close();
  built = null;
  server.closeAllConnections();
  asked.length = 0;
});

describe.each(ADAPTERS)('$gateway.platform adapter', ({ gateway, root, field, selection, endpoint, wrongShapePath }) => {
  const platform = gateway.platform;

  async function run(url: string, timeoutMs = ANSWERED_TIMEOUT_MS) {
    built = gateway.createSubschema({ ...defaultPlatformSettings(platform, url, 't'), retries: 0, timeoutMs });
    const result = await execute({ schema: built.subschema.schema, document: parse(`{ ${root}(usccs: ["${USCC}"]) { ${selection} } }`), contextValue: {} });
    return JSON.parse(JSON.stringify(result)) as unknown;
  }

  const failedAnswer = (code: string, cause: string | RegExp) => ({
    data: { [root]: [{ [field]: null }] },
    errors: [
      {
        message: typeof cause === 'string' ? `${platform}: ${cause}` : expect.stringMatching(cause),
        locations: expect.any(Array),
        path: [root, 0, field],
        extensions: { code, platform, cause: typeof cause === 'string' ? cause : expect.stringMatching(cause) },
      },
    ],
  });

  it.each(FAILURES)('answers $name with $code on the field', async ({ answer: given, code, cause }) => {
    const url = given === 'refused' ? refusedUrl : serverUrl;
    if (given !== 'refused') answer = given;
    const hangs = given !== 'refused' && given.kind === 'hang';
    expect(await run(url, hangs ? TIMEOUT_MS : ANSWERED_TIMEOUT_MS)).toEqual(failedAnswer(code, cause(endpoint, url)));
    if (given !== 'refused') expect(asked).toEqual([`POST ${endpoint}`]);
  });

  it('answers JSON of the wrong shape with SOURCE_BAD_RESPONSE naming the first missing member', async () => {
    answer = json(200, { code: 200, msg: '成功', data: {} });
    expect(await run(serverUrl)).toEqual(failedAnswer('SOURCE_BAD_RESPONSE', new RegExp(`^(${platform}: )?unexpected body: ${wrongShapePath.replace(/\./g, '\\.')}: expected `)));
  });
});
