import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 5: admitted work follows the data. The attacks of the report — a bids → tenderer → tenders →
// bids → bidder → bids chain (22 MB), 30 aliased __schema (6 MB at cost 0), a CSV of 50,000 bad lines (a
// 40 MB report) — are refused before execution or answered within the limits, and a trivial query still
// completes while they run.
const ENTERPRISE = '91440300MA5E9NHA04';
const SOURCE = '114403000022215361';
const CHAIN = `{ subject(uscc: "${ENTERPRISE}") { ... on Enterprise { bids(first: 100) { edges { node { tenderer {
  ... on GovernmentBody { tenders(first: 100) { edges { node { bids { bidder { name } } } } } } } } } } } } }`;
// The explorer's introspection query with its __schema selection repeated under 30 aliases.
const FULL = getIntrospectionQuery();
const FRAGMENTS_AT = FULL.indexOf('fragment FullType');
const SCHEMA_SELECTION = FULL.slice(FULL.indexOf('__schema'), FULL.lastIndexOf('}', FRAGMENTS_AT));
const ALIASED_SCHEMA = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: ${SCHEMA_SELECTION}`).join('\n')} }\n${FULL.slice(FRAGMENTS_AT)}`;
const TRIVIAL = '{ districts { code } }';

type Response = Awaited<ReturnType<TestHub['query']>>;
const refusal = (response: Response) => ({ status: response.status, errors: response.body.errors?.map((e) => ({ code: e.extensions?.code, limit: e.extensions?.limit })) });
const REFUSED_FOR_COST = { status: 400, errors: [{ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxCost' }] };

describe.each(TEST_DATABASES)('operation limits over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  beforeAll(async () => {
    hub = await startTestHub(database, { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
    keys = await createTestConsumers(hub.hub.knex);
  });
  afterAll(async () => hub?.close());

  it('refuses the bids → tenderer → tenders → bids → bidder chain before execution, costed by its pages and the measured list maxima', async () => {
    const response = await hub.query(CHAIN);
    expect(refusal(response)).toEqual(REFUSED_FOR_COST);
    expect(response.body.errors![0]!.message).toMatch(/^operation cost \d+ exceeds maxCost 250000; ask for fewer items/);
    expect(response.body.errors![0]!.extensions!.actual).toBeGreaterThan(250_000);
  });

  it('costs introspection by its size: one explorer introspection passes, 30 aliased __schema are refused', async () => {
    const one = await hub.query(getIntrospectionQuery());
    expect({ status: one.status, errors: one.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(refusal(await hub.query(ALIASED_SCHEMA))).toEqual(REFUSED_FOR_COST);
  });

  it('answers a CSV of 50,000 bad lines with counts of every row, rejection reasons by field and a page of 100 rows', async () => {
    const csv = `CF_XDR_MC,CF_WSH\n${Array.from({ length: 50_000 }, (_, i) => `x,${i}`).join('\n')}\n`;
    const started = performance.now();
    const response = await fetch(`${hub.hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asConsumer(keys.sourceUnit, 'RECORD_REPORTING', '深市监归集〔2026〕50号') },
      body: JSON.stringify({
        query: 'mutation ($input: IngestRecordsInput!) { ingestRecords(input: $input) { counts { total rejected } errorCounts { field rows } rows { rowNumber status errors { field } } } }',
        variables: { input: { format: 'CSV', csv, sourceUnit: SOURCE } },
      }),
    });
    const text = await response.text();
    console.log(`50,000 bad lines: ${text.length} bytes in ${Math.round(performance.now() - started)} ms (was 35–42 MB in 8–13 s)`);
    const report = (JSON.parse(text) as { data: { ingestRecords: { counts: unknown; errorCounts: { field: string; rows: number }[]; rows: unknown[] } } }).data.ingestRecords;
    expect(report.counts).toEqual({ total: 50_000, rejected: 50_000 });
    expect(report.rows).toHaveLength(100);
    expect(report.errorCounts).toContainEqual({ field: 'CF_XDR_SHXYM', rows: 50_000 });
    expect(text.length).toBeLessThan(100_000);
  });

  it('while four attacks run at once, each is refused and a trivial query completes', async () => {
    const timed = async (label: string, run: () => Promise<Response>) => {
      const started = performance.now();
      const response = await run();
      return { label, response, ms: Math.round(performance.now() - started) };
    };
    const results = await Promise.all([
      timed('chain 1', () => hub.query(CHAIN)),
      timed('chain 2', () => hub.query(CHAIN)),
      timed('30 × __schema 1', () => hub.query(ALIASED_SCHEMA)),
      timed('30 × __schema 2', () => hub.query(ALIASED_SCHEMA)),
      timed('trivial', () => hub.query(TRIVIAL)),
    ]);
    console.log(results.map((r) => `${r.label}: ${r.response.status} in ${r.ms} ms`).join('; '));
    expect(results.slice(0, 4).map((r) => refusal(r.response))).toEqual(Array(4).fill(REFUSED_FOR_COST));
    const trivial = results[4]!.response;
    expect({ status: trivial.status, errors: trivial.body.errors }).toEqual({ status: 200, errors: undefined });
    expect((trivial.body.data as { districts: unknown[] }).districts.length).toBeGreaterThan(0);
  });
});

describe.each(TEST_DATABASES)('execution budget and response size over HTTP on $name', (database) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(database, { LIMIT_MAX_EXECUTION_MS: '10', LIMIT_MAX_RESPONSE_BYTES: '2048' });
  });
  afterAll(async () => hub?.close());

  it('stops an operation that runs past maxExecutionMs and answers one error, no partial data', async () => {
    const usccs = (await hub.hub.knex('organisations').orderBy('uscc').limit(200).pluck('uscc')) as string[];
    const response = await hub.query('query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { uscc name creditRecords(first: 20) { edges { node { id title decisionDate authority { name } } } } } }', { usccs });
    expect(response).toEqual({
      status: 400,
      body: { errors: [{ message: 'operation ran longer than maxExecutionMs 10 ms and was stopped; ask for fewer items or fields, or split the operation', extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxExecutionMs', max: 10 } }] },
    });
  });

  it('withholds an answer larger than maxResponseBytes behind one error naming the limit', async () => {
    // Introspection resolves no field of the graph, so the 10 ms budget is not what stops it.
    const response = await hub.query('{ __schema { types { name description } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxResponseBytes', max: 2048 });
    expect(response.body.errors![0]!.message).toMatch(/^response of \d+ bytes exceeds maxResponseBytes 2048; the answer was withheld/);
  });
});
