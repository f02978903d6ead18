import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asConsumer, createTestConsumers, TEST_CONSUMERS } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const ENTERPRISE = '91440300MA5E9NHA04';
const BIDS = `query Bids($uscc: USCC!) { subject(uscc: $uscc) { uscc ... on Enterprise { bids { edges { node { tenderCode } } } serviceCases { edges { node { caseNumber } } } } } }`;

/** The value of one series in a Prometheus text scrape, 0 when absent. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of scrape.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2]?.split(/,(?=[a-z_]+=")/) ?? [];
    if (wanted.every((pair) => have.includes(pair)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

describe.each(TEST_DATABASES)('metrics on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  const scrape = async () => {
    const response = await fetch(hub.hub.metricsUrl!);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  beforeAll(async () => {
    hub = await startTestHub(database, { METRICS_PORT: '0', BIDDING_RETRIES: '0' });
    keys = await createTestConsumers(hub.hub.knex);
  });
  afterAll(async () => hub?.close());

  it('serves /metrics on its own loopback listener, not on the public port', async () => {
    expect(hub.hub.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(hub.hub.metricsUrl!).port).not.toBe(new URL(hub.hub.url).port);
    expect((await fetch(`${hub.hub.url}/metrics`)).status).toBe(404);
  });

  it('counts a query by operation name, consumer, outcome and status, and times it', async () => {
    const labels = { operation: 'Latest', consumer: '(public)', outcome: 'success', status: '200' };
    const before = await scrape();
    expect((await hub.query('query Latest { creditRecords(first: 1) { totalCount } }')).status).toBe(200);
    const after = await scrape();
    expect(sample(after, 'chengxin_graphql_requests_total', labels) - sample(before, 'chengxin_graphql_requests_total', labels)).toBe(1);
    const count = { operation: 'Latest', outcome: 'success' };
    expect(sample(after, 'chengxin_graphql_request_duration_seconds_count', count) - sample(before, 'chengxin_graphql_request_duration_seconds_count', count)).toBe(1);
  });

  it('counts errors by code', async () => {
    const before = await scrape();
    const { status, body } = await hub.query('query Broken { creditRecords(first: 1) { noSuchField } }');
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const after = await scrape();
    const error = { code: 'GRAPHQL_VALIDATION_FAILED', operation: 'Broken' };
    expect(sample(after, 'chengxin_graphql_errors_total', error) - sample(before, 'chengxin_graphql_errors_total', error)).toBe(1);
    const request = { operation: 'Broken', consumer: '(public)', outcome: 'error', status: '400' };
    expect(sample(after, 'chengxin_graphql_requests_total', request) - sample(before, 'chengxin_graphql_requests_total', request)).toBe(1);
  });

  it('names the consumer, counts the platform calls it caused and the ledger append of its audited read', async () => {
    const before = await scrape();
    const { body } = await hub.query(BIDS, { uscc: ENTERPRISE }, asConsumer(keys.bidding, 'BIDDING'));
    expect(body.errors).toBeUndefined();
    const after = await scrape();
    const request = { operation: 'Bids', consumer: TEST_CONSUMERS.bidding.id, outcome: 'success', status: '200' };
    expect(sample(after, 'chengxin_graphql_requests_total', request) - sample(before, 'chengxin_graphql_requests_total', request)).toBe(1);
    for (const platform of ['BIDDING', 'GOV_SERVICE']) {
      expect(sample(after, 'chengxin_platform_calls_total', { platform, outcome: 'OK' })).toBeGreaterThan(sample(before, 'chengxin_platform_calls_total', { platform, outcome: 'OK' }));
      expect(sample(after, 'chengxin_platform_circuit_state', { platform, state: 'closed' })).toBe(1);
    }
    expect(sample(after, 'chengxin_audit_ledger_appends_total') - sample(before, 'chengxin_audit_ledger_appends_total')).toBe(1);
    expect(sample(after, 'chengxin_db_pool_connections', { state: 'used' }) + sample(after, 'chengxin_db_pool_connections', { state: 'free' })).toBeGreaterThan(0);
  });

  it('counts rate-limit refusals', async () => {
    const before = await scrape();
    const headers = asConsumer(keys.dashboard, 'STATISTICS');
    const statuses = [];
    // The dashboard may make 3 requests a minute.
    for (let i = 0; i < 4; i++) statuses.push((await hub.query('query Count { creditRecords(first: 1) { totalCount } }', undefined, headers)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const after = await scrape();
    expect(sample(after, 'chengxin_admission_refusals_total', { code: 'RATE_LIMITED' }) - sample(before, 'chengxin_admission_refusals_total', { code: 'RATE_LIMITED' })).toBe(1);
    const refused = { operation: '(anonymous)', consumer: '(unidentified)', outcome: 'refused', status: '429' };
    expect(sample(after, 'chengxin_graphql_requests_total', refused) - sample(before, 'chengxin_graphql_requests_total', refused)).toBe(1);
  });

  it('counts a platform\'s failures by code', async () => {
    await hub.hub.sandboxes.BIDDING!.stop();
    const before = await scrape();
    const { body } = await hub.query(BIDS, { uscc: ENTERPRISE }, asConsumer(keys.bidding, 'BIDDING'));
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SOURCE_UNAVAILABLE']);
    const after = await scrape();
    const failed = { platform: 'BIDDING', outcome: 'SOURCE_UNAVAILABLE' };
    expect(sample(after, 'chengxin_platform_calls_total', failed) - sample(before, 'chengxin_platform_calls_total', failed)).toBe(1);
    const error = { platform: 'BIDDING', code: 'SOURCE_UNAVAILABLE', refused_by: '' };
    expect(sample(after, 'chengxin_platform_errors_total', error) - sample(before, 'chengxin_platform_errors_total', error)).toBe(1);
    const request = { operation: 'Bids', consumer: TEST_CONSUMERS.bidding.id, outcome: 'partial', status: '200' };
    expect(sample(after, 'chengxin_graphql_requests_total', request) - sample(before, 'chengxin_graphql_requests_total', request)).toBe(1);
  });
});
