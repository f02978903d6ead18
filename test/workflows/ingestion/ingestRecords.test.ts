import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../src/codes/index.js';
import {
  ingestRecords, IngestionInputError, KnexIngestionStore, readBatchRows, type IngestionReport,
} from '../../../src/workflows/ingestion/index.js';
import { buildIngestionFile, FILE_SOURCE_UNIT, type IngestionFile } from '../../fixtures/ingestion/buildIngestionFile.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { createSeededKnex } from '../../support/createTestStore.js';

const TODAY = '2026-11-27';
const UNREGISTERED = makeUscc('91', '440300', 'MA5UNREG');
const POLICE = '11440300000214455U'; // 深圳市公安局, source unit of SZ-CF-GAJ-001

// PGlite returns DATE columns as Date objects at UTC midnight, PostgreSQL (db/connection.ts) as text.
const isoDate = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

interface Snapshot { records: number; latestUpdate: string; issues: number; batches: number }

describe.each(TEST_DATABASES)('ingestRecords on $name', (database) => {
  let db: Awaited<ReturnType<typeof createSeededKnex>>;
  let knex: Knex;
  let store: KnexIngestionStore;
  let file: IngestionFile;
  let first: IngestionReport;

  const ingestCsv = (csv: string, sourceUnitUscc = FILE_SOURCE_UNIT) =>
    ingestRecords(store, { sourceUnitUscc, format: 'CSV', rows: readBatchRows('CSV', null, csv), consumerId: 'scjg-reporting', channel: 'GRAPHQL', today: TODAY });
  const snapshot = async (): Promise<Snapshot> => {
    // The latest update as the database's own text: microseconds, which a JavaScript Date would cut off.
    const [records] = (await knex('credit_records').select(knex.raw('count(*) AS n, max(updated_at)::text AS latest'))) as [{ n: string; latest: string }];
    const [issues] = (await knex('data_quality_issues').count({ n: '*' })) as [{ n: string }];
    const [batches] = (await knex('ingestion_batches').count({ n: '*' })) as [{ n: string }];
    return { records: Number(records.n), latestUpdate: records.latest, issues: Number(issues.n), batches: Number(batches.n) };
  };

  beforeAll(async () => {
    db = await createSeededKnex(database);
    knex = db.knex;
    store = KnexIngestionStore.create(knex);
    const subjects = (await knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').limit(300).select('uscc', 'name')) as { uscc: string; name: string }[];
    file = buildIngestionFile(subjects, UNREGISTERED);
    first = await ingestCsv(file.csv);
  }, 120_000);
  afterAll(async () => db?.close());

  it('loads a 10,000-row file with 1% bad rows: an exact report for every row', async () => {
    expect(first.counts).toEqual({ total: 10_000, accepted: 9_900, updated: 0, unchanged: 0, rejected: 100 });
    expect(first.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    const rejected = first.rows.filter((r) => r.status === 'REJECTED').map((r) => [r.rowNumber, r.recordId, r.errors]);
    expect(rejected).toEqual([...file.badRows].map(([n, bad]) => [n, null, bad.errors]));
    expect(new Set([...file.badRows.values()].map((b) => b.kind))).toEqual(new Set(['CHECK_CHARACTER', 'DATE', 'AMOUNT', 'MISSING_NUMBER', 'UNREGISTERED']));
    const accepted = first.rows.filter((r) => r.status === 'ACCEPTED');
    expect(accepted.every((r) => r.recordId !== null && r.errors.length === 0)).toBe(true);
    expect(new Set(accepted.map((r) => r.recordId)).size).toBe(9_900);
  });

  it('stores the records with their window from the rule in force on the decision date, amounts exact', async () => {
    const row = file.rows[2] as Record<string, string>;
    const stored = await knex('credit_records').where({ authority_uscc: FILE_SOURCE_UNIT, document_number: row.CF_WSH }).first();
    expect({ ...stored, decision_date: isoDate(stored.decision_date), publicity_start: isoDate(stored.publicity_start) }).toMatchObject({
      kind: 'ADMINISTRATIVE_PENALTY', subject_uscc: row.CF_XDR_SHXYM, source_unit_uscc: FILE_SOURCE_UNIT, catalog_item_code: 'SZ-CF-SCJG-001',
      decision_date: '2025-02-09', rule_version: 'NDRC-ORDER-58-2023', publicity_start: '2025-02-09', status: 'IN_PUBLICITY', severity: 'SERIOUS',
    });
    expect(Number(stored.fine_amount)).toBe(Number(row.CF_NR_FK));
    expect(String(stored.fine_amount)).toMatch(/^4\.0003(0*)$/);
    const [latest] = (await knex('credit_records').where({ authority_uscc: FILE_SOURCE_UNIT }).whereRaw("details->>'sourceHash' IS NOT NULL")
      .where('decision_date', '>=', '2026-04-01').select('rule_version').distinct()) as { rule_version: string }[];
    expect(latest?.rule_version).toBe('CREDIT-REPAIR-2026');
  });

  it('queues every bad check character with the expected character, and only those', async () => {
    const issues = (await knex('data_quality_issues').orderBy('row_number').select('row_number', 'field', 'value', 'expected_character', 'reason', 'status', 'batch_id')) as Record<string, unknown>[];
    expect(issues.map((i) => [i.row_number, i.field, i.value, i.expected_character, i.status, String(i.batch_id)])).toEqual(
      [...file.checksumRows].map(([n, c]) => [n, 'CF_XDR_SHXYM', c.value, c.expected, 'OPEN', first.batchId]));
    expect(issues[0]?.reason).toMatch(/^check character should be ., got .$/);
  });

  it('stores the batch with its source unit, consumer and counts', async () => {
    const batch = await knex('ingestion_batches').where('id', first.batchId).first();
    expect(batch).toMatchObject({ source_unit_uscc: FILE_SOURCE_UNIT, consumer_id: 'scjg-reporting', channel: 'GRAPHQL', format: 'CSV', total: 10_000, accepted: 9_900, updated: 0, unchanged: 0, rejected: 100 });
  });

  it('changes nothing when the same file is sent again', async () => {
    const before = await snapshot();
    const again = await ingestCsv(file.csv);
    expect(again.counts).toEqual({ total: 10_000, accepted: 0, updated: 0, unchanged: 9_900, rejected: 100 });
    expect(again.rows.map((r) => [r.rowNumber, r.status, r.recordId])).toEqual(first.rows.map((r) => [r.rowNumber, r.status === 'ACCEPTED' ? 'UNCHANGED' : r.status, r.recordId]));
    expect(await snapshot()).toEqual({ ...before, batches: before.batches + 1 });
  });

  it('updates the changed rows of a resend, never duplicating them, and touches only those', async () => {
    const before = await snapshot();
    const changed = file.rows.map((row, i) => (i < 3 ? { ...row, CF_NR_FK: '99.5', CF_NR: '更正后的处罚内容' } : row));
    const report = await ingestRecords(store, { sourceUnitUscc: FILE_SOURCE_UNIT, format: 'JSON', rows: changed, consumerId: null, channel: 'CLI', today: TODAY });
    expect(report.counts).toEqual({ total: 10_000, accepted: 0, updated: 3, unchanged: 9_897, rejected: 100 });
    expect(report.rows.slice(0, 3).map((r) => [r.status, r.recordId])).toEqual(first.rows.slice(0, 3).map((r) => ['UPDATED', r.recordId]));
    const after = await snapshot();
    expect(after.records).toBe(before.records);
    const touched = (await knex('credit_records').where('updated_at', '>', knex.raw('?::timestamptz', [before.latestUpdate])).orderBy('id').select('id', 'fine_amount', 'severity', 'content')) as Record<string, unknown>[];
    expect(touched.map((r) => [String(r.id), Number(r.fine_amount), r.severity])).toEqual(first.rows.slice(0, 3).map((r) => [r.recordId, 99.5, 'SERIOUS']));
  });

  it('withdraws a revoked decision with its reason, keeping what other workflows wrote in the details', async () => {
    const row = file.rows[1] as Record<string, string>;
    const id = first.rows[1]?.recordId as string;
    await knex('credit_records').where('id', id).update({ details: knex.raw(`details || '{"objection": {"ground": "OTHER"}}'::jsonb`) });
    const report = await ingestRecords(store, { sourceUnitUscc: FILE_SOURCE_UNIT, format: 'JSON', rows: [{ ...row, CF_ZT: '撤销', CF_CXYY: '行政复议撤销', CF_CXRQ: '2026-11-26' }], consumerId: null, channel: 'CLI', today: TODAY });
    expect(report.rows).toEqual([{ rowNumber: 1, status: 'UPDATED', recordId: id, authority: FILE_SOURCE_UNIT, documentNumber: row.CF_WSH, errors: [] }]);
    const stored = await knex('credit_records').where('id', id).first();
    expect(stored.status).toBe('WITHDRAWN');
    // Art. 48's 3 日 are working days (art. 85): from Thursday 26 November, Friday 27, Monday 30 and Tuesday 1 December.
    expect(stored.details).toMatchObject({ withdrawalReason: '行政复议撤销', objection: { ground: 'OTHER' }, withdrawal: { revokedOn: '2026-11-26', deadline: '2026-12-01', withdrawnOn: TODAY, withinDeadline: true } });
  });

  it('rejects a row of an authority the unit is not registered for, queues a row another registered unit reported, and rejects a decision repeated within a batch', async () => {
    const row = file.rows[5] as Record<string, string>;
    const theft = () => ingestRecords(store, {
      sourceUnitUscc: POLICE, format: 'JSON', consumerId: null, channel: 'CLI', today: TODAY,
      rows: [{ ...row, CF_SJLYDM: POLICE, CF_CFJGDM: FILE_SOURCE_UNIT, CF_WSH: ` ${row.CF_WSH!.replace('〔', '[').replace('〕', ']')}` }],
    });
    const unregistered = await theft();
    expect(unregistered.rows[0]?.errors).toEqual([{ field: 'CF_CFJGDM', message: expect.stringMatching(new RegExp(`^source unit ${POLICE} is not registered to report decisions of authority ${FILE_SOURCE_UNIT}; report only decisions of the authorities it is registered for \\(.*${POLICE}.*\\), or ask the credit office to register it for this authority \\(registerSourceUnitAuthority\\)$`)) }]);
    await knex('source_unit_authorities').insert({ source_unit_uscc: POLICE, authority_uscc: FILE_SOURCE_UNIT, registered_by: 'test' });
    const conflict = await theft();
    const stored = await knex('credit_records').where({ authority_uscc: FILE_SOURCE_UNIT, document_number: row.CF_WSH }).first('id', 'source_unit_uscc');
    const reason = `${FILE_SOURCE_UNIT}'s decision ${row.CF_WSH} is already record ${stored.id}, reported by source unit ${FILE_SOURCE_UNIT}`;
    expect(conflict.rows[0]).toMatchObject({ status: 'REJECTED', errors: [{ field: 'CF_WSH', message: `${reason}; nothing was written and the conflict is queued for the credit office (data-quality queue) to settle` }] });
    expect(stored.source_unit_uscc).toBe(FILE_SOURCE_UNIT);
    const queued = await knex('data_quality_issues').where({ source_unit_uscc: POLICE, issue_kind: 'KEY_CONFLICT' }).select('field', 'reason', 'status', knex.raw('conflicting_record_id::text as record'));
    expect(queued).toEqual([{ field: 'CF_WSH', reason, status: 'OPEN', record: String(stored.id) }]);
    await knex('source_unit_authorities').where({ source_unit_uscc: POLICE, authority_uscc: FILE_SOURCE_UNIT }).delete();
    const twice = await ingestRecords(store, { sourceUnitUscc: FILE_SOURCE_UNIT, format: 'JSON', rows: [{ ...row, CF_WSH: 'X-1' }, { ...row, CF_WSH: 'X-1' }], consumerId: null, channel: 'CLI', today: TODAY });
    expect(twice.rows.map((r) => [r.status, r.errors])).toEqual([['ACCEPTED', []], ['REJECTED', [{ field: 'CF_WSH', message: 'repeats the authority and document number of row 1; send each decision once per batch' }]]]);
  });

  it('runs two batches of the same unit one after the other: the same new rows sent twice at once are stored once', async () => {
    const rows = [4, 5].map((i) => ({ ...(file.rows[i] as Record<string, string>), CF_WSH: `并发-${i}` }));
    const send = () => ingestRecords(store, { sourceUnitUscc: FILE_SOURCE_UNIT, format: 'JSON', rows, consumerId: null, channel: 'CLI', today: TODAY });
    const reports = await Promise.all([send(), send()]);
    expect(reports.map((r) => [r.counts.accepted, r.counts.unchanged]).sort()).toEqual([[0, 2], [2, 0]]);
    const [{ n }] = (await knex('credit_records').whereIn('document_number', ['并发-4', '并发-5']).count({ n: '*' })) as [{ n: string }];
    expect(Number(n)).toBe(2);
  });

  it('refuses a batch from an unregistered source unit, storing nothing', async () => {
    const before = await snapshot();
    await expect(ingestRecords(store, { sourceUnitUscc: UNREGISTERED, format: 'JSON', rows: [], consumerId: null, channel: 'CLI', today: TODAY }))
      .rejects.toThrow(new IngestionInputError(`source unit ${UNREGISTERED} is not registered: no organisation has this USCC`, 'sourceUnit'));
    const enterprise = file.rows[0]?.CF_XDR_SHXYM as string;
    await expect(ingestRecords(store, { sourceUnitUscc: enterprise, format: 'JSON', rows: [], consumerId: null, channel: 'CLI', today: TODAY }))
      .rejects.toThrow(`${enterprise} is not a registered source unit: no catalogue item (目录条目) names it as its source unit`);
    expect(await snapshot()).toEqual(before);
  });
});
