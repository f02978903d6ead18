import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const SOURCE = '114403000022215361'; // 深圳市市场监督管理局, the test consumer `sourceUnit` reports for it
const POLICE = '11440300000214455U'; // 深圳市公安局, another source unit
const CASE = '深市监归集〔2026〕1号';

const INGEST = `mutation Ingest($input: IngestRecordsInput!) {
  ingestRecords(input: $input) { batchId sourceUnit counts { total accepted updated unchanged rejected } rows { rowNumber status recordId documentNumber errors { field message } } }
}`;
const RECORDS = `query Records($filter: CreditRecordFilter) {
  creditRecords(first: 100, filter: $filter) { edges { node { id documentNumber status fineAmount severity subject { uscc } publicity { start minimumEnd end ruleVersion } details { penaltyCategories licenceCategory withdrawalReason } } } }
}`;

interface Report {
  batchId: string;
  sourceUnit: string;
  counts: Record<string, number>;
  rows: { rowNumber: number; status: string; recordId: string | null; documentNumber: string; errors: { field: string; message: string }[] }[];
}
interface RecordNode { id: string; documentNumber: string; status: string; fineAmount: string | null; severity: string | null; publicity: Record<string, string> | null; details: Record<string, unknown> }

describe.each(TEST_DATABASES)('ingestion over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let subject: { uscc: string; name: string };
  const reporter = () => asConsumer(keys.sourceUnit, 'RECORD_REPORTING', CASE);
  const penalty = (number: number, extra: Record<string, string> = {}) => ({
    CF_XDR_MC: subject.name, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: subject.uscc, CF_WSH: `深市监（e2e）罚〔2026〕${number}号`,
    CF_WFXW: '发布虚假广告', CF_YJ: '《中华人民共和国广告法》第五十五条', CF_CFLB: '罚款', CF_NR: '罚款人民币35000元', CF_NR_FK: '3.5',
    CF_JDRQ: '20261120', CF_CFJG: '深圳市市场监督管理局', CF_CFJGDM: SOURCE, CF_SJLY: '深圳市市场监督管理局', CF_SJLYDM: SOURCE, ...extra,
  });
  const licence = {
    XK_XDR_MC: 'x', XK_XDR_LB: '法人及非法人组织', XK_XDR_SHXYM: '', XK_XKWS: '食品经营许可决定书', XK_WSH: '深市监（e2e）许〔2026〕1号', XK_XKLB: '普通',
    XK_XKZS: '食品经营许可证', XK_XKBH: 'JY14403050009999', XK_NR: '准予食品经营许可', XK_JDRQ: '2026-11-18', XK_YXQZ: '2026-11-18', XK_YXQZI: '2031-11-17',
    XK_XKJG: '深圳市市场监督管理局', XK_XKJGDM: SOURCE, XK_SJLY: '深圳市市场监督管理局', XK_SJLYDM: SOURCE,
  };
  const ingest = async (rows: unknown[], headers: Record<string, string>, sourceUnit = SOURCE) =>
    hub.query<{ ingestRecords: Report }>(INGEST, { input: { format: 'JSON', rows, sourceUnit } }, headers);
  const publicRecords = async (): Promise<RecordNode[]> => {
    const { body } = await hub.query<{ creditRecords: { edges: { node: RecordNode }[] } }>(RECORDS, { filter: { sourceUnits: [SOURCE], decidedFrom: '2026-11-18' } });
    return body.data!.creditRecords.edges.map((e) => e.node).filter((n) => n.documentNumber.includes('（e2e）'));
  };
  let first: Report;

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    subject = await hub.hub.knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').first('uscc', 'name');
    licence.XK_XDR_MC = subject.name;
    licence.XK_XDR_SHXYM = subject.uscc;
  });
  afterAll(async () => hub?.close());

  it('a source unit ingests a JSON batch for its own department: a report per row, the bad code named with its expected character', async () => {
    const badCode = subject.uscc.slice(0, 17) + (subject.uscc.endsWith('0') ? '1' : '0');
    const { status, body } = await ingest([penalty(1), penalty(2, { CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '' }), licence, penalty(3, { CF_XDR_SHXYM: badCode })], reporter());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    first = body.data!.ingestRecords;
    expect(first).toMatchObject({ sourceUnit: SOURCE, counts: { total: 4, accepted: 3, updated: 0, unchanged: 0, rejected: 1 } });
    expect(first.rows.map((r) => [r.rowNumber, r.status, r.recordId !== null])).toEqual([[1, 'ACCEPTED', true], [2, 'ACCEPTED', true], [3, 'ACCEPTED', true], [4, 'REJECTED', false]]);
    expect(first.rows[3]!.errors).toEqual([{ field: 'CF_XDR_SHXYM', message: expect.stringMatching(/^check character should be ., got .$/) }]);
    const ledger = await hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first();
    expect(ledger).toMatchObject({ consumer_id: 'scjg-reporting', purpose: 'RECORD_REPORTING' });
  });

  it('the new records appear through creditRecords with the publicity window of the rule in force on the decision date', async () => {
    const records = (await publicRecords()).sort((a, b) => a.documentNumber.localeCompare(b.documentNumber));
    expect(records.map((r) => [r.id, r.documentNumber, r.status, r.fineAmount, r.severity, r.publicity])).toEqual([
      [first.rows[0]!.recordId, '深市监（e2e）罚〔2026〕1号', 'IN_PUBLICITY', '3.5', 'GENERAL', { start: '2026-11-20', minimumEnd: '2027-02-20', end: '2027-11-20', ruleVersion: 'CREDIT-REPAIR-2026' }],
      // Row 2, a warning only, is minor information: not published under the 2026 Credit Repair Measures.
      [first.rows[2]!.recordId, '深市监（e2e）许〔2026〕1号', 'IN_PUBLICITY', null, null, null],
    ]);
  });

  it('a resend changes nothing; a revoked decision is withdrawn with its reason and leaves public view', async () => {
    const resend = await ingest([penalty(1), penalty(2, { CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '' })], reporter());
    expect(resend.body.data!.ingestRecords.counts).toMatchObject({ accepted: 0, updated: 0, unchanged: 2 });
    const revoked = await ingest([penalty(1, { CF_ZT: '撤销', CF_CXYY: '经行政复议，原处罚决定被撤销' })], reporter());
    expect(revoked.body.data!.ingestRecords.rows).toEqual([{ rowNumber: 1, status: 'UPDATED', recordId: first.rows[0]!.recordId, documentNumber: '深市监（e2e）罚〔2026〕1号', errors: [] }]);
    expect((await publicRecords()).map((r) => r.documentNumber)).not.toContain('深市监（e2e）罚〔2026〕1号');
    const { body } = await hub.query<{ creditRecords: { edges: { node: RecordNode }[] } }>(RECORDS, { filter: { sourceUnits: [SOURCE], statuses: ['WITHDRAWN'], decidedFrom: '2026-11-20' } }, asConsumer(keys.admin, 'SUPERVISION'));
    const withdrawn = body.data!.creditRecords.edges.map((e) => e.node).filter((n) => n.id === first.rows[0]!.recordId);
    expect(withdrawn).toMatchObject([{ status: 'WITHDRAWN', details: { withdrawalReason: '经行政复议，原处罚决定被撤销' } }]);
  });

  it('the credit office sees the bad code in the data-quality queue; the source unit cannot read the queue', async () => {
    const query = `{ dataQualityIssues(sourceUnit: "${SOURCE}") { batchId rowNumber field value expectedCharacter reason status } }`;
    const { body } = await hub.query<{ dataQualityIssues: Record<string, unknown>[] }>(query, {}, asConsumer(keys.admin, 'SUPERVISION'));
    expect(body.data!.dataQualityIssues).toEqual([{ batchId: first.batchId, rowNumber: 4, field: 'CF_XDR_SHXYM', value: expect.any(String), expectedCharacter: subject.uscc.charAt(17), reason: expect.stringMatching(/^check character should be/), status: 'OPEN' }]);
    const refused = await hub.query(query, {}, reporter());
    // The queue is restricted (不予共享): absent from the schema a consumer without a restricted role sees.
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the credit office may ingest a CSV for any source unit; a CSV with an unknown column is refused as a whole, naming it', async () => {
    const row = penalty(7, { CF_SJLYDM: POLICE, CF_SJLY: '深圳市公安局', CF_CFJGDM: POLICE, CF_CFJG: '深圳市公安局' });
    const csv = `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`;
    const admin = asConsumer(keys.admin, 'SUPERVISION');
    const ok = await hub.query<{ ingestRecords: Report }>(INGEST, { input: { format: 'CSV', csv, sourceUnit: POLICE } }, admin);
    expect(ok.body.data!.ingestRecords).toMatchObject({ sourceUnit: POLICE, counts: { total: 1, accepted: 1 } });
    const bad = await hub.query(INGEST, { input: { format: 'CSV', csv: csv.replace('CF_WFXW', 'CF_WFXX'), sourceUnit: POLICE } }, admin);
    expect(bad.body.errors?.[0]).toMatchObject({
      message: 'input.csv: unknown column CF_WFXX; columns are the double-publicity field names (CF_…, XK_…, BZ)',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.csv' },
    });
  });

  it.each([
    ['the public', () => ({}), SOURCE, 'FORBIDDEN'],
    ['an enterprise as itself', () => asConsumer(keys.self, 'SELF_INQUIRY'), SOURCE, 'FORBIDDEN'],
    ['a source unit reporting as another unit', () => asConsumer(keys.sourceUnit, 'RECORD_REPORTING', CASE), POLICE, 'FORBIDDEN'],
  ])('%s cannot ingest (FORBIDDEN), and nothing is stored', async (_who, headers, sourceUnit, code) => {
    const before = await hub.hub.knex('ingestion_batches').count({ n: '*' });
    const { body } = await ingest([penalty(9)], headers(), sourceUnit);
    expect(body.data?.ingestRecords ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(await hub.hub.knex('ingestion_batches').count({ n: '*' })).toEqual(before);
  });
});
