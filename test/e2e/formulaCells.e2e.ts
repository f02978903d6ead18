import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/workflows/ingestion/formulaCells.js';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 8: spreadsheet formula cells (=HYPERLINK(…)) were stored and published as they are. Now an
// ingested text cell that starts like a formula is stored and published with a leading apostrophe.
const SCJG = '114403000022215361';
const INGEST = `mutation Ingest($input: IngestRecordsInput!) { ingestRecords(input: $input) { rows { status recordId errors { field } } } }`;
const FORMULA = '=HYPERLINK("http://evil.example/x","点击查看")';

describe.each(TEST_DATABASES)('formula cells over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
  });
  afterAll(async () => hub?.close());

  it('a formula-leading cell of an ingested CSV is stored and published with a leading apostrophe', async () => {
    const subject = await hub.hub.knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').first('uscc', 'name');
    const row = {
      CF_XDR_MC: subject.name, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: subject.uscc, CF_WSH: '深市监罚〔2026〕8801号', CF_WFXW: '发布虚假广告',
      CF_YJ: '@SUM(1+1)', CF_CFLB: '罚款', CF_NR: FORMULA, CF_NR_FK: '3.5', CF_JDRQ: '20261120', CF_CFJG: '深圳市市场监督管理局', CF_CFJGDM: SCJG,
      CF_SJLY: '深圳市市场监督管理局', CF_SJLYDM: SCJG,
    };
    // A fine, not a warning: under the 2026 Credit Repair Measures a warning is minor and not published.
    // The attacker's file: plain RFC 4180 quoting, the formula as it is.
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const csv = `${Object.keys(row).join(',')}\n${Object.values(row).map(quote).join(',')}\n`;
    const { body } = await hub.query<{ ingestRecords: { rows: { status: string; recordId: string }[] } }>(INGEST,
      { input: { format: 'CSV', csv, sourceUnit: SCJG } }, asConsumer(keys.sourceUnit, 'RECORD_REPORTING', '深市监归集〔2026〕2号'));
    expect(body.errors).toBeUndefined();
    const [report] = body.data!.ingestRecords.rows;
    expect(report).toMatchObject({ status: 'ACCEPTED' });
    const read = await hub.query(`{ subject(uscc: "${subject.uscc}") { creditRecords(first: 100) { edges { node { id content legalBasis } } } } }`);
    const edges = (read.body.data as { subject: { creditRecords: { edges: { node: { id: string } }[] } } }).subject.creditRecords.edges;
    expect(edges.map((e) => e.node).find((n) => n.id === report!.recordId)).toEqual({ id: report!.recordId, content: `'${FORMULA}`, legalBasis: "'@SUM(1+1)" });
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ["'=already marked", "'=already marked"],
    ['深市监罚〔2026〕1号', '深市监罚〔2026〕1号'],
    ['a,b', '"a,b"'],
  ])('a CSV field %j is written %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});
