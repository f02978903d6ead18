import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest } from '../../../db/connection.js';
import { loadSampleData } from '../../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../../src/credit/index.js';
import { makeUscc } from '../../../src/codes/index.js';
import { createWatchFeed } from '../../../src/workflows/watchlists/createWatchFeed.js';
import { retryDelay } from '../../../src/workflows/watchlists/deliverWebhook.js';
import { KnexWatchlistStore } from '../../../src/workflows/watchlists/KnexWatchlistStore.js';
import { signWebhook, verifyWebhookSignature } from '../../../src/workflows/watchlists/signWebhook.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { insertTestRecord } from '../../support/insertTestRecord.js';

const TODAY = '2026-11-30';
const BODY = makeUscc('11', '440300', 'WT000001');
const WATCHED = makeUscc('91', '440300', 'WT000002');
const UNWATCHED = makeUscc('91', '440300', 'WT000003');

describe('webhook signatures and retry delays', () => {
  it('signs timestamp and body together; a changed body, secret or stale timestamp does not verify', () => {
    const secret = 'ab'.repeat(32);
    const header = signWebhook(secret, 1_800_000_000, '{"a":1}');
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, '{"a":1}', 1_800_000_100)).toBe(true);
    expect(verifyWebhookSignature(secret, header, '{"a":2}', 1_800_000_100)).toBe(false);
    expect(verifyWebhookSignature('cd'.repeat(32), header, '{"a":1}', 1_800_000_100)).toBe(false);
    expect(verifyWebhookSignature(secret, header, '{"a":1}', 1_800_000_301)).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=zz', '{"a":1}', 1_800_000_000)).toBe(false);
  });

  it.each([[1, 1000], [2, 2000], [3, 4000], [10, 512_000], [11, 600_000], [60, 600_000]])('after attempt %i the next waits %i ms', (attempt, delay) => {
    expect(retryDelay(attempt, 1000, 600_000)).toBe(delay);
  });
});

describe.each(TEST_DATABASES)('watchlist store on $name', (database) => {
  let knex: Knex;
  let drop: () => Promise<void>;
  let store: KnexWatchlistStore;
  let list: string;
  const sequence = () => store.sequenceEvents(TODAY, 0);
  const events = async () => (await store.eventsAfter(list, 0, 100)).map((e) => ({ kind: e.kind, subjectUscc: e.subjectUscc, previousStatus: e.previousStatus, status: e.status, sequence: e.sequence }));

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    await migrateToLatest(knex);
    // The catalogue (which insertTestRecord files records under) comes with the sample data.
    await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
    await knex('organisations').insert([
      { uscc: BODY, name: '深圳市测试关注局', district_code: '4403DP', established_on: '2011-12-30' },
      { uscc: WATCHED, name: '深圳市测试关注甲公司', district_code: '4403DP', established_on: '2015-03-01' },
      { uscc: UNWATCHED, name: '深圳市测试关注乙公司', district_code: '4403DP', established_on: '2015-03-01' },
    ]).onConflict('uscc').ignore();
    await knex('consumers').insert({ id: 'watcher', name: '测试关注方', kind: 'DEPARTMENT', roles: ['INVESTMENT_PROMOTION'] });
    store = KnexWatchlistStore.create(knex);
    list = (await store.createWatchlist({ id: '6f1c1f4e-5d6b-4d8a-9a37-0c6d2b1e8f10', consumerId: 'watcher', name: '甲', usccs: [WATCHED], webhook: { url: 'http://127.0.0.1:9/x', secret: 'ab'.repeat(32), purpose: null, caseReference: null } })).id;
  }, 120_000);
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('numbers additions, status changes and corrections of watched subjects from the record history, whoever wrote them', async () => {
    const id = await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WATCHED, decisionDate: '2026-11-10', severity: 'MINOR' });
    await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: UNWATCHED, decisionDate: '2026-11-10', severity: 'MINOR' });
    await knex('credit_records').where({ id }).update({ status: 'UNDER_OBJECTION' });
    await knex('credit_records').where({ id }).update({ severity: 'GENERAL' });
    await knex('credit_records').where({ id }).update({ status: 'REPAIRED' });
    expect(await sequence()).toEqual(new Set([list]));
    expect(await events()).toEqual([
      { kind: 'RECORD_ADDED', subjectUscc: WATCHED, previousStatus: null, status: 'IN_PUBLICITY', sequence: 1 },
      { kind: 'RECORD_STATUS_CHANGED', subjectUscc: WATCHED, previousStatus: 'IN_PUBLICITY', status: 'UNDER_OBJECTION', sequence: 2 },
      { kind: 'RECORD_CORRECTED', subjectUscc: WATCHED, previousStatus: 'UNDER_OBJECTION', status: 'UNDER_OBJECTION', sequence: 3 },
      { kind: 'RECORD_STATUS_CHANGED', subjectUscc: WATCHED, previousStatus: 'UNDER_OBJECTION', status: 'REPAIRED', sequence: 4 },
    ]);
    expect(await sequence()).toEqual(new Set());
  });

  it('reports a commitment owed to the subject that falls overdue, once', async () => {
    await knex('government_commitments').insert({
      body_uscc: BODY, counterparty_uscc: WATCHED, kind: 'POLICY_PROMISE', title: '落户奖励', promised_on: '2026-01-05', due_on: '2026-11-20', recorded_by: 'credit-office',
    });
    await sequence();
    await sequence();
    const overdue = (await store.eventsAfter(list, 4, 10)).map((e) => ({ kind: e.kind, sequence: e.sequence, data: e.data }));
    expect(overdue).toEqual([{ kind: 'COMMITMENT_OVERDUE', sequence: 5, data: { kind: 'POLICY_PROMISE', title: '落户奖励', bodyUscc: BODY, counterpartyUscc: WATCHED, amount: null, dueOn: '2026-11-20' } }]);
  });

  it('keeps undelivered webhooks in the outbox across a restart, claims a lapsed lease again, and delivers in order', async () => {
    // A worker claims the first delivery and dies without recording anything: its lease runs out.
    const [first] = await store.claimDeliveries(10, 50);
    expect(first).toMatchObject({ watchlistId: list, sequence: 1, attempt: 1 });
    // Only the oldest undelivered delivery of a watchlist is ever claimable.
    expect(await store.claimDeliveries(10, 50)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));

    // A new process (its own store and feed over the same database) delivers everything, in order.
    const got: number[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
      req.on('end', () => {
        got.push((JSON.parse(body) as { sequence: number }).sequence);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await knex('watchlists').where({ id: list }).update({ webhook_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x` });
    const restarted = createWatchFeed(KnexWatchlistStore.create(knex), { retryBaseMs: 10 }, () => TODAY);
    try {
      for (let round = 0; round < 50 && got.length < 5; round += 1) await restarted.deliverNow();
    } finally {
      await restarted.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(got).toEqual([1, 2, 3, 4, 5]);
    const outbox = await knex('watchlist_webhook_outbox').where({ watchlist_id: list }).orderBy('sequence').select('sequence', 'attempts', 'delivered_at');
    expect(outbox.map((o: { sequence: string; attempts: number; delivered_at: Date | null }) => [Number(o.sequence), o.attempts, o.delivered_at !== null]))
      .toEqual([[1, 2, true], [2, 1, true], [3, 1, true], [4, 1, true], [5, 1, true]]);
  });
});
