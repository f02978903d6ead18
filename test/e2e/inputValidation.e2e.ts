import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 6: NUL characters and impossible dates are refused as BAD_USER_INPUT naming the argument,
// before they reach a platform or the database (they used to end as INTERNAL_SERVER_ERROR with the SQL logged).
const SOURCE = '114403000022215361';
const NUL = '\u0000';
const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const bad = (argumentName: string, problem: string) => ({
  status: 400,
  body: { errors: [{ message: `Argument "${argumentName}": ${problem}`, extensions: { code: 'BAD_USER_INPUT', argumentName } }] },
});
const NUL_PROBLEM = 'contains a NUL character (U+0000), which no text the hub stores may hold; remove it';

describe.each(TEST_DATABASES)('input validation over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
  });
  afterAll(async () => hub?.close());

  it.each([
    ['districtCode as a literal', `{ overdueCommitments(districtCode: "4403\\u000005") { bodyUscc } }`, undefined, 'districtCode'],
    ['districtCode in a variable', 'query ($d: String) { overdueCommitments(districtCode: $d) { bodyUscc } }', { d: `4403${NUL}05` }, 'districtCode'],
    ['complaint text in an input object', 'mutation ($input: ComplaintInput!) { fileComplaint(input: $input) { id } }',
      { input: { bodyUscc: '11440305003219403F', channel: 'HOTLINE_12345', content: `承诺未兑现${NUL}` } }, 'input.content'],
    ['complaint text as a literal', `mutation { fileComplaint(input: { bodyUscc: "11440305003219403F", channel: HOTLINE_12345, content: "a\\u0000b" }) { id } }`, undefined, 'input.content'],
    ['a cursor', 'query ($after: String) { creditRecords(first: 2, after: $after) { totalCount } }', { after: `cr1${NUL}` }, 'after'],
  ])('refuses a NUL character in %s', async (_case, query, variables, argumentName) => {
    expect(await hub.query(query, variables)).toEqual(bad(argumentName, NUL_PROBLEM));
  });

  it('judges each request of one document by its own variables, and a bad literal every time', async () => {
    const query = 'query ($d: String) { overdueCommitments(districtCode: $d) { bodyUscc } }';
    expect((await hub.query(query, { d: '440305' })).status).toBe(200);
    expect(await hub.query(query, { d: `4403${NUL}05` })).toEqual(bad('districtCode', NUL_PROBLEM));
    expect((await hub.query(query, { d: '440305' })).status).toBe(200);
    const literal = `{ overdueCommitments(districtCode: "4403\\u000005") { bodyUscc } }`;
    expect(await hub.query(literal)).toEqual(bad('districtCode', NUL_PROBLEM));
    expect(await hub.query(literal)).toEqual(bad('districtCode', NUL_PROBLEM));
  });

  it('refuses an impossible date in a date argument, naming it', async () => {
    const response = await hub.query('query ($filter: CreditRecordFilter) { creditRecords(first: 1, filter: $filter) { totalCount } }', { filter: { decidedFrom: '2026-02-30' } });
    expect(response).toEqual(bad('filter.decidedFrom', '"2026-02-30" is not a real calendar date; write an existing date as YYYY-MM-DD'));
  });

  it('refuses a cursor encoding an impossible date as BAD_USER_INPUT naming `after`', async () => {
    const after = cursorOf('cr1|2026-02-30|1');
    const { status, body } = await hub.query('query ($after: String) { creditRecords(first: 2, after: $after) { totalCount } }', { after });
    expect({ status, codes: body.errors?.map((e) => e.extensions) }).toEqual({ status: 200, codes: [{ code: 'BAD_USER_INPUT', argumentName: 'after' }] });
    expect(body.errors![0]!.message).toBe(`Argument "after": "${after}" is not a cursor of this connection; pass an edge's cursor or pageInfo.endCursor unchanged`);
  });

  it('rejects only the row whose cell holds a NUL character when a source unit ingests a batch', async () => {
    const subject = await hub.hub.knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').first('uscc', 'name');
    const row = (n: number, reason: string) => ({
      CF_XDR_MC: subject.name, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: subject.uscc, CF_WSH: `深市监（nul）罚〔2026〕${n}号`,
      CF_WFXW: reason, CF_YJ: '《中华人民共和国广告法》第五十五条', CF_CFLB: '警告', CF_NR: '警告',
      CF_JDRQ: '20261120', CF_CFJG: '深圳市市场监督管理局', CF_CFJGDM: SOURCE, CF_SJLY: '深圳市市场监督管理局', CF_SJLYDM: SOURCE,
    });
    const { status, body } = await hub.query<{ ingestRecords: { counts: unknown; rows: unknown[] } }>(
      'mutation ($input: IngestRecordsInput!) { ingestRecords(input: $input) { counts { total accepted rejected } rows(status: REJECTED) { rowNumber errors { field message } } } }',
      { input: { format: 'JSON', sourceUnit: SOURCE, rows: [row(1, '发布虚假广告'), row(2, `发布虚假${NUL}广告`)] } },
      asConsumer(keys.sourceUnit, 'RECORD_REPORTING', '深市监归集〔2026〕9号'));
    expect({ status, body }).toEqual({
      status: 200,
      body: { data: { ingestRecords: { counts: { total: 2, accepted: 1, rejected: 1 }, rows: [{ rowNumber: 2, errors: [{ field: 'CF_WFXW', message: 'contains a NUL character (U+0000); remove it' }] }] } } },
    });
  });
});
