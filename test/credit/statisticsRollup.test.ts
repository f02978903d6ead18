import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { buildCreditSchema, KnexCreditStore, type CreditRequestContext } from '../../src/credit/index.js';
import { ingestRecords, KnexIngestionStore, readBatchRows } from '../../src/workflows/ingestion/index.js';
import { buildIngestionFile, FILE_SOURCE_UNIT } from '../fixtures/ingestion/buildIngestionFile.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import * as rollupMigration from '../../db/migrations/20261202010000_record_statistics_rollup.js';

// creditStatistics reads the rollups of migration 20261202010000 (kept by triggers) where they answer exactly,
// and credit_records for the rest. These tests hold it to the direct GROUP BY over credit_records
// (KnexCreditStore with statisticsRollup: false) for every kind of write that changes records.

const VISIBILITIES: readonly [string, CreditRequestContext][] = [
  ['the public today', {}],
  ['the public in mid-month', { creditVisibility: { records: 'DISCLOSED', today: '2026-11-15' } }],
  ['the public on a month end', { creditVisibility: { records: 'DISCLOSED', today: '2026-12-31' } }],
  ['a conditional consumer', { creditVisibility: { records: 'DISCLOSED', today: '2026-11-20', disclosure: { classes: ['PUBLIC', 'CONDITIONAL'] } } }],
  ['the credit office', { creditVisibility: { records: 'ALL' } }],
];
const CASES: readonly [string[], object][] = [
  [['DISTRICT', 'RECORD_KIND'], {}],
  [['SUBJECT_KIND', 'SEVERITY', 'STATUS'], { districts: ['440305', '440306', '440310'] }],
  [['MONTH', 'STATUS'], { decidedIn: '2025' }],
  [['QUARTER', 'GOVERNANCE_FIELD'], { decidedFrom: '2024-03-15', decidedTo: '2025-06-10', kinds: ['ADMINISTRATIVE_PENALTY', 'JUDGMENT_DEFAULTER'] }],
  [['YEAR', 'SOURCE_UNIT', 'CATALOG_ITEM'], { decidedFrom: '2023-05-01' }],
  [['DISTRICT'], { decidedFrom: '2025-02-03', decidedTo: '2025-02-20' }],
  [['RECORD_KIND'], { decidedTo: '2026-10-17', subjectKinds: ['ENTERPRISE', 'GOVERNMENT_BODY'], severities: ['GENERAL', 'SERIOUS'] }],
  [[], { statuses: ['IN_PUBLICITY', 'UNDER_OBJECTION', 'REPAIRED'] }],
];

const STATS = `query ($groupBy: [StatisticsDimension!]!, $filter: CreditRecordFilter) {
  creditStatistics(groupBy: $groupBy, filter: $filter) {
    groupBy totalCount fineTotal
    rows { keys { district subjectKind recordKind severity status governanceField sourceUnit catalogItem period } count fineTotal }
  }
}`;

describe.each(TEST_DATABASES)('creditStatistics from the rollups on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let fromRollup: GraphQLSchema;
  let direct: GraphQLSchema;
  let subject: string;

  const ask = (schema: GraphQLSchema, groupBy: string[], filter: object, context: object) =>
    graphql({ schema, source: STATS, variableValues: { groupBy, filter }, contextValue: { ...context } });

  /** Every case for every reader: the rollup's answer equals the direct count's, whole. */
  async function expectSameAnswers() {
    for (const [, context] of VISIBILITIES) {
      for (const [groupBy, filter] of CASES) {
        const expected = await ask(direct, groupBy, filter, context);
        expect(expected.errors).toBeUndefined();
        expect({ groupBy, filter, context, answer: await ask(fromRollup, groupBy, filter, context) })
          .toEqual({ groupBy, filter, context, answer: expected });
      }
    }
  }

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    fromRollup = await buildCreditSchema(KnexCreditStore.create(knex));
    direct = await buildCreditSchema(KnexCreditStore.create(knex, { statisticsRollup: false }));
    subject = (await knex('organisations').where({ kind: 'ENTERPRISE', district_code: '440306' }).orderBy('uscc').first('uscc')).uscc as string;
  }, 120_000);
  afterAll(async () => close?.());

  it.each(['after loading the sample data', 'after the migration backfills the rollups from existing records'])('answers as the direct count %s', async (when) => {
    if (when.includes('backfills')) {
      await rollupMigration.down(knex);
      await rollupMigration.up(knex);
    }
    const [{ n }] = (await knex('credit_record_totals').sum({ n: 'record_count' })) as [{ n: string }];
    const [{ m }] = (await knex('credit_records').count({ m: '*' })) as [{ m: string }];
    expect(Number(n)).toBe(Number(m));
    await expectSameAnswers();
  });

  it('stays exact after ingestion inserts records and a resend changes them', async () => {
    const subjects = (await knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').limit(20).select('uscc', 'name')) as { uscc: string; name: string }[];
    const file = buildIngestionFile(subjects, makeUscc('91', '440300', 'MA5UNREG'), 60);
    const store = KnexIngestionStore.create(knex);
    const ingest = (csv: string) => ingestRecords(store, {
      sourceUnitUscc: FILE_SOURCE_UNIT, format: 'CSV', rows: readBatchRows('CSV', null, csv), consumerId: 'scjg-reporting', channel: 'GRAPHQL', today: '2026-11-27',
    });
    expect((await ingest(file.csv)).counts.accepted).toBeGreaterThan(50);
    await expectSameAnswers();
    // A resend with other amounts updates those records (the upsert's DO UPDATE path).
    const changed = file.csv.split('\n').map((line, i) => (i > 0 && i % 3 === 0 ? line.replace(/,(\d+)\.(\d{4}),/, ',$1.9$2,') : line)).join('\n');
    expect((await ingest(changed)).counts.updated).toBeGreaterThan(0);
    await expectSameAnswers();
  });

  it('stays exact after an objection, a repair, a withdrawal, an expiry and a changed window', async () => {
    const ids = [];
    for (const [i, decisionDate] of ['2026-11-03', '2025-06-15', '2024-02-29', '2026-10-31'].entries()) {
      ids.push(await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: subject, decisionDate, severity: 'GENERAL', fineAmount: i % 2 ? null : `${i + 1}.25` }));
    }
    await expectSameAnswers();
    const [objected, repaired, withdrawn, expired] = ids as [string, string, string, string];
    // As the workflows write them: one record per statement, status and updated_at.
    await knex('credit_records').where({ id: objected }).update({ status: 'UNDER_OBJECTION', updated_at: knex.fn.now() });
    await knex('credit_records').where({ id: repaired }).update({ status: 'REPAIRED', updated_at: knex.fn.now() });
    await knex('credit_records').where({ id: withdrawn }).update({ status: 'WITHDRAWN', updated_at: knex.fn.now() });
    await knex('credit_records').where({ id: expired }).update({ status: 'EXPIRED', updated_at: knex.fn.now() });
    await expectSameAnswers();
    // An objection decided for the subject: corrected amount and severity, a window ending this month, back in publicity.
    await knex('credit_records').where({ id: objected }).update({
      status: 'IN_PUBLICITY', fine_amount: '0.5', severity: 'MINOR', publicity_end: '2026-11-20', updated_at: knex.fn.now(),
    });
    await expectSameAnswers();
  });

  it('stays exact after a statement changing many records, a subject moving district, and deletions', async () => {
    await knex('credit_records').where({ kind: 'ADMINISTRATIVE_LICENCE' }).whereIn('status', ['IN_PUBLICITY']).where('decision_date', '<', '2021-01-01')
      .update({ status: 'EXPIRED', updated_at: knex.fn.now() });
    const moved = (await knex('credit_records').where({ subject_uscc: subject }).orderBy('id').first('id')).id as string;
    const other = (await knex('organisations').where({ kind: 'ENTERPRISE', district_code: '440310' }).orderBy('uscc').first('uscc')).uscc as string;
    await knex('credit_records').where({ id: moved }).update({ subject_uscc: other });
    await expectSameAnswers();
    await knex('objections').where('record_id', moved).delete();
    await knex('repair_applications').where('record_id', moved).delete();
    await knex('credit_records').where({ id: moved }).delete();
    await expectSameAnswers();
    const [{ n }] = (await knex('credit_record_counts').where('record_count', '<=', 0).count({ n: '*' })) as [{ n: string }];
    expect(Number(n)).toBe(0);
  });
});
