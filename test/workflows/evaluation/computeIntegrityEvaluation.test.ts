import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../src/codes/index.js';
import { computeIntegrityEvaluation, KnexEvaluationStore } from '../../../src/workflows/evaluation/index.js';
import type { PlatformFigures, PlatformIndicatorSource } from '../../../src/workflows/evaluation/index.js';
import { INDICATOR_CATALOGUES } from '../../../src/workflows/evaluation/evaluationRules.js';
import { evidenceOf } from '../../../src/workflows/evaluation/describeEvidence.js';
import { parsePeriod } from '../../../src/workflows/evaluation/parsePeriod.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../governance/migratedDatabase.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { insertTestRecord } from '../../support/insertTestRecord.js';

// A tiny hand-built world on an empty database: four government bodies, three in Dapeng New Area (4403DP)
// and one in Pingshan (440310), a public institution reporting the records (not evaluated), and figures for
// the first quarter of 2030. The expected scores below are worked out by hand from
// rules/integrity-indicators.json (INTEGRITY-EVALUATION-2020).
const A = makeUscc('11', '440300', 'TE000001');
const B = makeUscc('11', '440300', 'TE000002');
const C = makeUscc('11', '440300', 'TE000003');
const D = makeUscc('11', '440300', 'TE000004');
const SOURCE = makeUscc('12', '440300', 'TE000005');
const PERIOD = '2030-Q1';
const TODAY = '2030-05-01';
const AS_OF = '2030-05-01T00:00:00Z';
const ORDER = INDICATOR_CATALOGUES[0]!.indicators.map((i) => i.id);
// The hand-worked scores are of INTEGRITY-EVALUATION-2020, pinned for 2030 (from 2027 the catalogue adds measures and third-party scores, tested below).
const CATALOGUE_2020 = [{ ...INDICATOR_CATALOGUES[0]!, effectiveTo: null }];

/** Platform figures for A only: 10 reviews (8 good, 1 bad), 19 of 20 cases on time, 1 of 4 approval stages overdue. */
const platforms: PlatformIndicatorSource = {
  async figuresOf(usccs) {
    return new Map(usccs.map((uscc): [string, PlatformFigures] => [uscc, uscc === A
      ? { service: { reviews: 10, goodReviews: 8, badReviews: 1, finishedCases: 20, onTimeFinishedCases: 19, window: { from: '2030-01-01', to: '2030-03-31' } }, approval: { approvalStages: 4, overdueApprovalStages: 1, asOf: '2030-03-31' } }
      : { service: null, approval: null }]));
  },
};

const scoresOf = async (store: KnexEvaluationStore, runId: string) =>
  (await store.unitsOf(runId, 0, 100, ORDER)).map((u) => ({ rank: u.rank, code: u.unitCode, score: u.score, scores: u.indicators.map((i) => `${i.indicatorId}=${i.value ?? '-'}:${i.score ?? '-'}`).sort() }));

describe.each(TEST_DATABASES)('integrity evaluation on $name', (database) => {
  let db: MigratedDatabase;
  let store: KnexEvaluationStore;
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
    store = KnexEvaluationStore.create(db.knex);
    const k = db.knex;
    await k('organisations').insert([
      { uscc: A, name: '大鹏测试局甲', district_code: '4403DP' }, { uscc: B, name: '大鹏测试局乙', district_code: '4403DP' },
      { uscc: C, name: '大鹏测试局丙', district_code: '4403DP' }, { uscc: D, name: '坪山测试局丁', district_code: '440310' },
      { uscc: SOURCE, name: '测试信息中心', district_code: '440310' },
    ]);
    const item = { source_unit_uscc: SOURCE, source_channel: 'PLATFORM_INTERFACE', data_format: 'STRUCTURED', reporting_cycle: 'DAILY', disclosure: 'PUBLIC', sharing_class: 'UNCONDITIONAL', retention_years: 5, legal_basis: '测试依据', conduct: '测试' };
    await k('catalog_items').insert([
      { code: 'TE-CF-1', name: 'Test penalty', name_zh: '测试处罚', record_kind: 'ADMINISTRATIVE_PENALTY', ...item },
      { code: 'TE-SX-1', name: 'Test defaulter', name_zh: '测试失信被执行人', record_kind: 'JUDGMENT_DEFAULTER', ...item },
    ]);
    await insertTestRecord(k, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: A, decisionDate: '2030-02-10', severity: 'GENERAL' });
    await insertTestRecord(k, { kind: 'JUDGMENT_DEFAULTER', subjectUscc: A, decisionDate: '2030-03-01', publicity: { conduct: 'EVADES_ENFORCEMENT' } });
    // Outside the period: not counted.
    await insertTestRecord(k, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: B, decisionDate: '2030-04-02', severity: 'GENERAL' });
    await k('government_commitments').insert([
      // A payment due in the period and not paid: one SME arrear of A.
      { body_uscc: A, kind: 'PAYMENT', title: '设备款', promised_on: '2029-12-01', delivered_on: '2029-12-16', payment_term_days: 30, term_runs_from: 'DELIVERY', due_on: '2030-01-15', recorded_by: 'test' },
      // Fulfilled before the period ended: not overdue.
      { body_uscc: B, kind: 'CONTRACT', title: '租赁合同', promised_on: '2029-12-01', due_on: '2030-01-15', status: 'FULFILLED', fulfilled_on: '2030-02-01', recorded_by: 'test' },
    ]);
    await k('integrity_complaints').insert([1, 2].map((n) => ({
      body_uscc: C, channel: 'HOTLINE_12345', content: `投诉内容第${n}件`, received_on: '2030-01-05', status: 'SUBSTANTIATED', outcome: '查实', concluded_on: '2030-02-0' + n,
    })));
    const [batch] = await k('ingestion_batches').insert({ source_unit_uscc: C, channel: 'CLI', format: 'CSV', received_at: '2030-02-01T10:00:00+08:00', total: 10, accepted: 9, updated: 0, unchanged: 0, rejected: 1 }).returning('id');
    await k('data_quality_issues').insert({
      batch_id: (batch as { id: string }).id, row_number: 3, source_unit_uscc: C, record_authority: C, record_document_number: '测1号', field: 'uscc', value: 'X', reason: 'bad check character', created_at: '2030-02-01T10:00:00+08:00',
    });
  });
  afterAll(async () => db?.close());

  it('ranks departments with the scores worked out by hand; equal scores share a rank, listed by USCC', async () => {
    const runId = await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level: 'DEPARTMENT', dataAsOf: AS_OF, computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 });
    const units = await store.unitsOf(runId, 0, 100, ORDER);
    expect(units.map((u) => [u.rank, u.unitCode, u.score])).toEqual([
      [1, B, '100.00'], [1, D, '100.00'],
      // C: complaints 100 − 2×20 = 60 (w 8), rejected rows 1/10 → 50 (w 2), quality issues 1/10 → 0 (w 2), other counts 100: 6780 / 74.
      [3, C, '91.62'],
      // A: records 80, new listings 50, arrears 75, good reviews 60, bad 50, on time 75, approvals 0, other counts 100: 6810 / 92.
      [4, A, '74.02'],
    ]);
    const a = units.find((u) => u.unitCode === A)!;
    expect(a.indicators.map((i) => [i.indicatorId, i.value, i.score])).toEqual([
      ['DISHONESTY_RECORDS', '1', '80.00'], ['NEW_DEFAULTER_LISTINGS', '1', '50.00'], ['OVERDUE_COMMITMENTS', '0', '100.00'],
      ['SME_PAYMENT_ARREARS', '1', '75.00'], ['OPEN_ENFORCEMENT_CASES', '0', '100.00'], ['ENFORCEMENT_INTERVIEWS', '0', '100.00'],
      ['SUBSTANTIATED_COMPLAINTS', '0', '100.00'], ['SERVICE_GOOD_REVIEW_RATE', '0.800000', '60.00'], ['SERVICE_BAD_REVIEW_RATE', '0.100000', '50.00'],
      ['SERVICE_ON_TIME_RATE', '0.950000', '75.00'], ['OVERDUE_APPROVAL_STAGES', '0.250000', '0.00'], ['REPORTING_TIMELINESS', null, null],
      ['REPORTING_REJECTED_RATE', null, null], ['DATA_QUALITY_ISSUES', null, null],
    ]);
    expect(evidenceOf(INDICATOR_CATALOGUES[0]!.indicators[0]!, 'DEPARTMENT', A, parsePeriod(PERIOD), (await store.runById(runId))!.dataAsOf, a.indicators[0]!)).toEqual({
      count: 1, outOf: null, query: `{ subject(uscc: "${A}") { creditRecords(filter: { kinds: [JUDICIAL_JUDGMENT, ADMINISTRATIVE_PENALTY, SERIOUS_DISHONESTY], decidedFrom: "2030-01-01", decidedTo: "2030-03-31", statuses: [IN_PUBLICITY, UNDER_OBJECTION, REPAIRED, EXPIRED] }) { totalCount } } }`,
      filter: {
        table: 'credit_records', subjects: [A], kinds: ['JUDICIAL_JUDGMENT', 'ADMINISTRATIVE_PENALTY', 'SERIOUS_DISHONESTY'], decidedFrom: '2030-01-01', decidedTo: '2030-03-31',
        statuses: ['IN_PUBLICITY', 'UNDER_OBJECTION', 'REPAIRED', 'EXPIRED'], createdAtOrBefore: '2030-05-01T00:00:00.000000Z',
      },
      outOfFilter: null, outOfQuery: null,
    });
    // A ratio of platform figures keeps the window the platform reported.
    expect(a.indicators[7]).toMatchObject({ count: 8, outOf: 10, platformWindows: ['2030-01-01/2030-03-31'] });
  });

  it('ranks districts on the sums of their bodies, counts per body, ratios of sums', async () => {
    const runId = await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level: 'DISTRICT', dataAsOf: AS_OF, computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 });
    const units = await store.unitsOf(runId, 0, 100, ORDER);
    // 4403DP (3 bodies): records 100 − 20/3, listings 100 − 50/3, arrears 100 − 25/3, complaints 100 − 40/3, A's platform figures, C's batch: 7670 / 96.
    expect(units.map((u) => [u.rank, u.unitCode, u.bodies, u.score])).toEqual([[1, '440310', 1, '100.00'], [2, '4403DP', 3, '79.90']]);
    expect(units[1]!.indicators.map((i) => i.score)).toEqual(['93.33', '83.33', '100.00', '91.67', '100.00', '100.00', '86.67', '60.00', '50.00', '75.00', '0.00', null, '50.00', '0.00']);
  });

  it('keeps a published snapshot when new records arrive, and reproduces it by recomputing with its data watermark', async () => {
    const first = await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level: 'DEPARTMENT', computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 });
    const published = await scoresOf(store, first);
    const watermark = (await store.runById(first))!.dataAsOf;
    await insertTestRecord(db.knex, { kind: 'JUDGMENT_DEFAULTER', subjectUscc: D, decisionDate: '2030-03-20', publicity: { conduct: 'EVADES_ENFORCEMENT' } });
    expect(await scoresOf(store, first)).toEqual(published);
    const again = await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level: 'DEPARTMENT', dataAsOf: watermark, computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 });
    expect(again).not.toBe(first);
    expect(await scoresOf(store, again)).toEqual(published);
    expect((await store.runById(again))!.dataAsOf).toBe(watermark);
    const now = await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level: 'DEPARTMENT', computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 });
    expect((await scoresOf(store, now)).find((u) => u.code === D)!.score).toBe('89.29'); // 50 points off on a weight of 15 out of 70: 6250 / 70
    expect((await store.latestRun(PERIOD, 'DEPARTMENT'))!.id).toBe(now);
  });

  it.each([
    ['2030-Q5', 'period: "2030-Q5" is not a period; use a quarter such as 2026-Q3 or a year such as 2026'],
    ['2030Q1', 'period: "2030Q1" is not a period; use a quarter such as 2026-Q3 or a year such as 2026'],
    ['2030-Q2', 'period: 2030-Q2 ends on 2030-06-30; a period is evaluated once it has ended (today is 2030-05-01)'],
    ['2019', 'period: no indicator catalogue is in force on 2019-12-31; the first takes effect on 2020-10-29'],
  ])('refuses period %s as BAD_USER_INPUT naming period, storing nothing', async (period, message) => {
    const runs = await db.knex('integrity_evaluation_runs').count({ n: '*' }).first();
    await expect(computeIntegrityEvaluation(store, platforms, { period, level: 'DEPARTMENT', computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 }))
      .rejects.toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argumentName: 'period' } });
    expect(await db.knex('integrity_evaluation_runs').count({ n: '*' }).first()).toEqual(runs);
  });

  it('stores nothing when a platform cannot answer', async () => {
    const down: PlatformIndicatorSource = { figuresOf: () => Promise.reject(Object.assign(new Error('the government service platform could not give …'), { extensions: { code: 'SOURCE_UNAVAILABLE' } })) };
    const runs = await db.knex('integrity_evaluation_runs').count({ n: '*' }).first();
    await expect(computeIntegrityEvaluation(store, down, { period: PERIOD, level: 'DEPARTMENT', computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 })).rejects.toMatchObject({ extensions: { code: 'SOURCE_UNAVAILABLE' } });
    await expect(computeIntegrityEvaluation(store, null, { period: PERIOD, level: 'DEPARTMENT', computedBy: 'test', today: TODAY, catalogues: CATALOGUE_2020 })).rejects.toMatchObject({ extensions: { code: 'SOURCE_UNAVAILABLE' } });
    expect(await db.knex('integrity_evaluation_runs').count({ n: '*' }).first()).toEqual(runs);
  });
  it('from 2027 the catalogue counts open measures and the mean third-party score (INTEGRITY-EVALUATION-2027)', async () => {
    const k = db.knex;
    await k('integrity_measures').insert({
      subject_uscc: A, kind: 'RECTIFICATION_ORDER', rule_version: 'MEASURES-2026', legal_basis: '测试依据', reason: '测试', imposed_on: '2030-02-01',
      deadline_working_days: 20, due_on: '2030-03-01', imposed_by: 'test',
    });
    const evaluation = { body_uscc: B, period: PERIOD, rule_version: 'THIRD-PARTY-2026', scores: '[]', submitted_on: '2030-04-05' };
    await k('third_party_evaluations').insert([
      { ...evaluation, evaluator_id: 'evaluator-1', evaluator_name: '测试评估甲', overall_score: '80.5' },
      { ...evaluation, evaluator_id: 'evaluator-2', evaluator_name: '测试评估乙', overall_score: '91' },
    ]);
    const runId = await computeIntegrityEvaluation(store, platforms, { period: PERIOD, level: 'DEPARTMENT', computedBy: 'test', today: TODAY });
    const units = await store.unitsOf(runId, 0, 100, ['OPEN_MEASURES', 'THIRD_PARTY_SCORE']);
    const of = (code: string) => units.find((u) => u.unitCode === code)!.indicators.filter((i) => i.indicatorId === 'OPEN_MEASURES' || i.indicatorId === 'THIRD_PARTY_SCORE')
      .map((i) => `${i.indicatorId}=${i.value ?? '-'}:${i.score ?? '-'}`).sort();
    // A: one measure open at the quarter's end, 25 points off; no evaluation, so no third-party score. B: (80.5 + 91) / 2.
    expect(of(A)).toEqual(['OPEN_MEASURES=1:75.00', 'THIRD_PARTY_SCORE=-:-']);
    expect(of(B)).toEqual(['OPEN_MEASURES=0:100.00', 'THIRD_PARTY_SCORE=85.750000:85.75']);
  });
});
