import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createContext, runInContext } from 'node:vm';
import { parse } from 'graphql';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { verifyWebhookSignature } from '../../src/workflows/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const SOURCE = '114403000022215361'; // 深圳市市场监督管理局: the test consumer `sourceUnit` reports for it
const CASE = '深投推〔2026〕88号';
// Enterprises this file owns, in Dapeng New Area (local code 4403DP).
const WATCHED = makeUscc('91', '440300', 'WL000001');
const RETRIED = makeUscc('91', '440300', 'WL000002');
const OFFLINE = makeUscc('91', '440300', 'WL000003');
const NO_PURPOSE = makeUscc('91', '440300', 'WL000004');
const EXPLORED = makeUscc('91', '440300', 'WL000005');

const CREATE = `mutation ($input: CreateWatchlistInput!) { createWatchlist(input: $input) { watchlist { id name subjects webhookUrl lastCursor } webhookSecret } }`;
const INGEST = `mutation ($input: IngestRecordsInput!) { ingestRecords(input: $input) { rows { status recordId errors { message } } } }`;
const FOLLOW = `subscription Follow($watchlist: ID!, $after: String) {
  watchlistEvents(watchlist: $watchlist, after: $after) { cursor kind subjectUscc record { documentNumber kind status previousStatus } }
}`;

/** A webhook receiver: answers each POST with the next status of `answers` (200 once they run out), keeps what it got. */
interface Receiver {
  url: string;
  got: { path: string; headers: IncomingHttpHeaders; body: string }[];
  answers: Map<string, number[]>;
  close(): Promise<void>;
  listen(): Promise<void>;
}

async function startReceiver(port = 0): Promise<Receiver> {
  const got: Receiver['got'] = [];
  const answers = new Map<string, number[]>();
  let server: Server;
  let boundPort = port;
  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        got.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = answers.get(path)?.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(boundPort, '127.0.0.1', resolve));
    boundPort = (server.address() as AddressInfo).port;
  };
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    got,
    answers,
    listen,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Waits until `check` returns a value (not undefined), polling; fails after `timeoutMs` — a bound, not a timing assertion. */
async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const eventsOf = (receiver: Receiver, path: string) => receiver.got.filter((g) => g.path === path).map((g) => JSON.parse(g.body) as { sequence: number; event: Record<string, unknown> });

describe.each(TEST_DATABASES)('watchlists on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let receiver: Receiver;
  const clients: Client[] = [];
  const investor = () => asConsumer(keys.investment, 'INVESTMENT_PROMOTION', CASE);

  /** A graphql-ws client with the consumer's key (and purpose) in connection_init; collects what a subscription yields. */
  function follow(headers: Record<string, string>, variables: Record<string, unknown>) {
    const client = createClient({
      url: `${hub.hub.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: headers.authorization, ...(headers['x-purpose'] ? { 'X-Purpose': headers['x-purpose'], 'X-Case-Reference': headers['x-case-reference'] } : {}) },
      retryAttempts: 0,
    });
    clients.push(client);
    const results: { data?: unknown; errors?: unknown }[] = [];
    const failures: unknown[] = [];
    client.subscribe({ query: FOLLOW, variables }, {
      next: (result) => results.push(result as never),
      error: (error) => failures.push(error),
      complete: () => undefined,
    });
    return { results, failures };
  }

  const createWatchlist = async (input: Record<string, unknown>, headers = investor()) => {
    const { body } = await hub.query<{ createWatchlist: { watchlist: { id: string }; webhookSecret: string | null } }>(CREATE, { input }, headers);
    expect(body.errors).toBeUndefined();
    return body.data!.createWatchlist;
  };

  beforeAll(async () => {
    hub = await startTestHub(database, { WATCH_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '400' });
    keys = await createTestConsumers(hub.hub.knex);
    await hub.hub.knex('organisations').insert([WATCHED, RETRIED, OFFLINE, NO_PURPOSE, EXPLORED].map((uscc, i) => ({
      uscc, name: `深圳市大鹏关注测试${i + 1}有限公司`, district_code: '4403DP', established_on: '2015-03-01',
    })));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await receiver?.close();
    await hub?.close();
  });

  it('a record ingested for a watched enterprise reaches a subscription client and a signed webhook, each read audited', async () => {
    const created = await createWatchlist({ name: '大鹏重点招商对象', usccs: [WATCHED], webhookUrl: `${receiver.url}/watched` });
    const watchlist = created.watchlist.id;
    expect(created).toEqual({ watchlist: { id: watchlist, name: '大鹏重点招商对象', subjects: [WATCHED], webhookUrl: `${receiver.url}/watched`, lastCursor: null }, webhookSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const live = follow(investor(), { watchlist, after: '0' });

    const penalty = {
      CF_XDR_MC: '深圳市大鹏关注测试1有限公司', CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: WATCHED, CF_WSH: '深市监（关注）罚〔2026〕1号',
      CF_WFXW: '发布虚假广告', CF_YJ: '《中华人民共和国广告法》第五十五条', CF_CFLB: '罚款', CF_NR: '罚款人民币35000元', CF_NR_FK: '3.5',
      CF_JDRQ: '20261120', CF_CFJG: '深圳市市场监督管理局', CF_CFJGDM: SOURCE, CF_SJLY: '深圳市市场监督管理局', CF_SJLYDM: SOURCE,
    };
    const ingested = await hub.query<{ ingestRecords: { rows: { status: string; recordId: string }[] } }>(INGEST, { input: { format: 'JSON', rows: [penalty], sourceUnit: SOURCE } }, asConsumer(keys.sourceUnit, 'RECORD_REPORTING', '深市监归集〔2026〕9号'));
    expect(ingested.body.data!.ingestRecords.rows[0]!.status).toBe('ACCEPTED');
    const recordId = ingested.body.data!.ingestRecords.rows[0]!.recordId;

    const event = { cursor: '1', kind: 'RECORD_ADDED', subjectUscc: WATCHED, record: { documentNumber: '深市监（关注）罚〔2026〕1号', kind: 'ADMINISTRATIVE_PENALTY', status: 'IN_PUBLICITY', previousStatus: null } };
    await waitFor('the subscription event', () => (live.results.length > 0 ? true : undefined));
    expect(live.results[0]).toEqual({ data: { watchlistEvents: event } });

    const delivery = await waitFor('the webhook delivery', () => receiver.got.find((g) => g.path === '/watched'));
    const signature = String(delivery.headers['x-chengxin-signature']);
    expect(verifyWebhookSignature(created.webhookSecret!, signature, delivery.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhookSignature('0'.repeat(64), signature, delivery.body, Math.floor(Date.now() / 1000))).toBe(false);
    expect(delivery.headers['x-chengxin-event-id']).toBe(`${watchlist}:1`);
    expect(JSON.parse(delivery.body)).toEqual({
      watchlistId: watchlist, sequence: 1,
      event: {
        cursor: '1', sequence: 1, watchlistId: watchlist, kind: 'RECORD_ADDED', occurredAt: expect.any(String), subjectUscc: WATCHED, recordId,
        record: {
          id: recordId, kind: 'ADMINISTRATIVE_PENALTY', documentNumber: '深市监（关注）罚〔2026〕1号', decisionDate: '2026-11-20', severity: expect.any(String),
          authorityUscc: SOURCE, catalogItemCode: expect.any(String), status: 'IN_PUBLICITY', previousStatus: null, publicityEnd: expect.any(String),
        },
        commitment: null,
      },
    });

    // One ledger entry per delivered event carrying conditional data: the subscription's and the webhook's.
    const entries = await waitFor('the ledger entries', async () => {
      const rows: { operation_name: string | null; fields_read: string[]; purpose: string }[] = await hub.hub.knex('audit_ledger')
        .where({ consumer_id: 'investment-promotion' }).whereRaw(`fields_read::text LIKE '%WatchlistEvent.record%'`).select('operation_name', 'fields_read', 'purpose');
      return rows.length >= 2 ? rows : undefined;
    });
    expect(entries.map((e) => e.purpose)).toEqual(['INVESTMENT_PROMOTION', 'INVESTMENT_PROMOTION']);
    expect(entries.map((e) => e.operation_name).sort()).toEqual(['Follow', 'WebhookDelivery']);

    // What a client missed is replayed by cursor.
    const page = await hub.query(`query ($w: ID!) { watchlistEvents(watchlist: $w, after: "0", first: 5) { events { cursor kind subjectUscc } endCursor hasNextPage } }`, { w: watchlist }, investor());
    expect(page.body).toEqual({ data: { watchlistEvents: { events: [{ cursor: '1', kind: 'RECORD_ADDED', subjectUscc: WATCHED }], endCursor: '1', hasNextPage: false } } });
  });

  it('a receiver that answers 500 twice gets the event on the third try, and the next event only after it', async () => {
    receiver.answers.set('/retried', [500, 500]);
    const { watchlist } = await createWatchlist({ name: '重试测试', usccs: [RETRIED], webhookUrl: `${receiver.url}/retried` });
    await insertTestRecord(hub.hub.knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: RETRIED, decisionDate: '2026-11-02', severity: 'MINOR' });
    await waitFor('three attempts', () => (eventsOf(receiver, '/retried').length >= 3 ? true : undefined));
    await insertTestRecord(hub.hub.knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: RETRIED, decisionDate: '2026-11-03', severity: 'MINOR' });
    await waitFor('the second event', () => (eventsOf(receiver, '/retried').length >= 4 ? true : undefined));
    const attempts = receiver.got.filter((g) => g.path === '/retried').map((g) => [g.headers['x-chengxin-event-id'], g.headers['x-chengxin-delivery-attempt']]);
    expect(attempts).toEqual([[`${watchlist.id}:1`, '1'], [`${watchlist.id}:1`, '2'], [`${watchlist.id}:1`, '3'], [`${watchlist.id}:2`, '1']]);
  });

  it('events missed while the receiver was down arrive after it returns, in order, none twice', async () => {
    const offline = await startReceiver();
    const { watchlist } = await createWatchlist({ name: '离线接收测试', usccs: [OFFLINE], webhookUrl: `${offline.url}/offline` });
    await offline.close();
    for (const day of ['2026-11-04', '2026-11-05', '2026-11-06']) {
      await insertTestRecord(hub.hub.knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: OFFLINE, decisionDate: day, severity: 'MINOR' });
    }
    // The hub tried while the receiver was away (refused connections), and keeps the events in its outbox.
    await waitFor('a failed attempt', async () => {
      const head = await hub.hub.knex('watchlist_webhook_outbox').where({ watchlist_id: watchlist.id, sequence: 1 }).first('attempts', 'delivered_at');
      return head && head.attempts >= 2 && head.delivered_at === null ? true : undefined;
    });
    await offline.listen();
    await waitFor('three deliveries', () => (eventsOf(offline, '/offline').length >= 3 ? true : undefined));
    await waitFor('all acknowledged', async () => {
      const pending = await hub.hub.knex('watchlist_webhook_outbox').where({ watchlist_id: watchlist.id }).whereNull('delivered_at').count({ n: '*' });
      return Number((pending[0] as { n: string }).n) === 0 ? true : undefined;
    });
    expect(eventsOf(offline, '/offline').map((e) => [e.sequence, e.event.kind])).toEqual([[1, 'RECORD_ADDED'], [2, 'RECORD_ADDED'], [3, 'RECORD_ADDED']]);
    await offline.close();
  });

  it('a consumer without the purpose gets events without their conditional fields', async () => {
    const plain = asConsumer(keys.investment);
    const { watchlist } = await createWatchlist({ name: '无用途测试', usccs: [NO_PURPOSE], webhookUrl: `${receiver.url}/plain` }, plain);
    const live = follow(plain, { watchlist: watchlist.id, after: '0' });
    await insertTestRecord(hub.hub.knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: NO_PURPOSE, decisionDate: '2026-11-07', severity: 'MINOR' });
    await waitFor('the subscription event', () => (live.results.length > 0 ? true : undefined));
    expect(live.results[0]).toEqual({
      data: { watchlistEvents: { cursor: '1', kind: 'RECORD_ADDED', subjectUscc: NO_PURPOSE, record: null } },
      errors: [expect.objectContaining({ path: ['watchlistEvents', 'record'], extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'WatchlistEvent.record' }) })],
    });
    const delivery = await waitFor('the webhook delivery', () => eventsOf(receiver, '/plain')[0]);
    expect(delivery.event).toEqual({ cursor: '1', sequence: 1, watchlistId: watchlist.id, kind: 'RECORD_ADDED', occurredAt: expect.any(String), subjectUscc: NO_PURPOSE, recordId: expect.any(String) });
  });

  it('a watchlist is its owner\'s alone; bad input names the argument', async () => {
    const { watchlist } = await createWatchlist({ name: '他人不可见', usccs: [WATCHED] });
    const other = await hub.query(`query ($w: ID!) { watchlistEvents(watchlist: $w) { endCursor } }`, { w: watchlist.id }, asConsumer(keys.bidding, 'BIDDING'));
    expect(other.body).toEqual({ data: null, errors: [expect.objectContaining({ message: `watchlist: no watchlist ${watchlist.id} of consumer bidding-system; list yours with \`watchlists\``, extensions: { code: 'NOT_FOUND', argumentName: 'watchlist' } })] });
    const anonymous = await hub.query(CREATE, { input: { name: 'x', usccs: [] } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badUrl = await hub.query(CREATE, { input: { name: 'y', webhookUrl: 'ftp://example.org/x' } }, investor());
    expect(badUrl.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.webhookUrl' } });
    const twice = await hub.query(CREATE, { input: { name: '他人不可见' } }, investor());
    expect(twice.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', argumentName: 'input.name' } });
    const removed = await hub.query(`mutation ($w: ID!, $u: [USCC!]!) { removeFromWatchlist(watchlist: $w, usccs: $u) { subjects } }`, { w: watchlist.id, u: [WATCHED] }, investor());
    expect(removed.body).toEqual({ data: { removeFromWatchlist: { subjects: [] } } });
    const added = await hub.query(`mutation ($w: ID!, $u: [USCC!]!) { addToWatchlist(watchlist: $w, usccs: $u) { subjects } }`, { w: watchlist.id, u: [OFFLINE, WATCHED] }, investor());
    expect(added.body).toEqual({ data: { addToWatchlist: { subjects: [WATCHED, OFFLINE].sort() } } });
  });

  it('the explorer runs a subscription over graphql-ws with the Headers panel\'s key and purpose', async () => {
    const { watchlist } = await createWatchlist({ name: '查询工具订阅', usccs: [EXPLORED] });
    // explorer.js as the browser runs it, with React and GraphiQL stubbed to hand over the fetcher it builds.
    let fetcher: ((params: unknown, options: unknown) => { subscribe(observer: unknown): { unsubscribe(): void } }) | null = null;
    const GraphiQLStub = Object.assign(() => null, { createFetcher: () => () => Promise.reject(new Error('not over HTTP')), Logo: () => null, createLocalStorage: () => ({}) });
    runInContext(readFileSync(new URL('../../src/hub/explorer/explorer.js', import.meta.url), 'utf8'), createContext({
      window: { location: { protocol: 'http:', host: new URL(hub.hub.url).host } },
      document: { getElementById: (id: string) => (id === 'explorer-config' ? { textContent: JSON.stringify({ graphqlPath: '/graphql', defaultQuery: '', storageNamespace: 'test' }) } : { replaceChildren: () => undefined }) },
      React: { createElement: (_type: unknown, props: { fetcher?: typeof fetcher } | null) => { if (props?.fetcher) fetcher = props.fetcher; return {}; } },
      ReactDOM: { createRoot: () => ({ render: () => undefined }) },
      GraphiQL: GraphiQLStub,
      graphqlWs: { createClient: (options: Record<string, unknown>) => { const client = createClient({ ...options, url: String(options.url), webSocketImpl: WebSocket }); clients.push(client); return client; } },
    }));
    expect(fetcher).not.toBeNull();
    const results: unknown[] = [];
    const subscription = fetcher!({ query: FOLLOW, variables: { watchlist: watchlist.id, after: '0' } }, { headers: investor(), documentAST: parse(FOLLOW) }).subscribe({
      next: (value: unknown) => results.push(value), error: (error: unknown) => results.push({ failed: String(error) }), complete: () => undefined,
    });
    await insertTestRecord(hub.hub.knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: EXPLORED, decisionDate: '2026-11-08', severity: 'MINOR', documentNumber: '深测（查询工具）罚〔2026〕1号' });
    await waitFor('the event in the explorer', () => (results.length > 0 ? true : undefined));
    subscription.unsubscribe();
    expect(results[0]).toEqual({ data: { watchlistEvents: { cursor: '1', kind: 'RECORD_ADDED', subjectUscc: EXPLORED, record: { documentNumber: '深测（查询工具）罚〔2026〕1号', kind: 'ADMINISTRATIVE_PENALTY', status: 'IN_PUBLICITY', previousStatus: null } } } });
  });
});
