import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const EVALUATION = `query ($period: String!, $level: EvaluationLevel, $runId: ID) {
  integrityEvaluation(period: $period, level: $level, runId: $runId) {
    runId period periodStart periodEnd level ruleVersion dataAsOf unitCount
    indicators { id weight policyClause direction }
    units(first: 100) { rank score code name bodies indicators { indicatorId applicable value score evidence { count outOf query } } }
  }
}`;
const COMPUTE = `mutation ($period: String!, $level: EvaluationLevel) { computeIntegrityEvaluation(period: $period, level: $level) { runId period level unitCount } }`;

interface Unit { rank: number; score: string; code: string; indicators: { indicatorId: string; applicable: boolean; value: string | null; evidence: { count: number | null; query: string | null } }[] }
interface Evaluation { runId: string; period: string; level: string; ruleVersion: string; unitCount: number; indicators: { id: string }[]; units: Unit[] }

describe.each(TEST_DATABASES)('integrity evaluation over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
  });
  afterAll(async () => hub?.close());

  it('publishes the sample data\'s last complete quarter at start, readable by the public, every unit ranked with every indicator', async () => {
    for (const level of ['DEPARTMENT', 'DISTRICT']) {
      const { body } = await hub.query<{ integrityEvaluation: Evaluation }>(EVALUATION, { period: '2026-Q3', level });
      expect(body.errors).toBeUndefined();
      const evaluation = body.data!.integrityEvaluation;
      expect(evaluation).toMatchObject({ period: '2026-Q3', level, ruleVersion: 'INTEGRITY-EVALUATION-2020' });
      expect(evaluation.units).toHaveLength(evaluation.unitCount);
      expect(evaluation.unitCount).toBeGreaterThan(level === 'DEPARTMENT' ? 50 : 5);
      const ids = evaluation.indicators.map((i) => i.id);
      for (const [index, unit] of evaluation.units.entries()) {
        expect(unit.indicators.map((i) => i.indicatorId)).toEqual(ids);
        const previous = evaluation.units[index - 1];
        if (previous) expect(Number(previous.score) > Number(unit.score) || (previous.score === unit.score)).toBe(true);
        // Ranked by the exact score: equal exact scores share a rank (1, 2, 2, 4). Two units whose scores differ
        // only beyond the second decimal show the same rounded score yet rank apart.
        if (previous && previous.score !== unit.score) expect(unit.rank).toBe(index + 1);
        if (previous && previous.score === unit.score) expect([previous.rank, index + 1]).toContain(unit.rank);
      }
    }
  });

  it('gives evidence that reproduces the count: the credit office runs the query and finds the same number of records', async () => {
    const office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕21号');
    // The test's own record: a court judgment against a government body in 2025 (a dishonesty record it counts).
    const government = (await hub.hub.knex('organisations').where({ kind: 'GOVERNMENT_BODY' }).orderBy('uscc').first('uscc')) as { uscc: string };
    await insertTestRecord(hub.hub.knex, { kind: 'JUDICIAL_JUDGMENT', disclosure: 'CONDITIONAL', subjectUscc: government.uscc, decisionDate: '2025-06-16' });
    const computed = await hub.query(COMPUTE, { period: '2025', level: 'DEPARTMENT' }, office);
    expect(computed.body.errors).toBeUndefined();
    const { body } = await hub.query<{ integrityEvaluation: Evaluation }>(EVALUATION, { period: '2025', level: 'DEPARTMENT' });
    const counted = body.data!.integrityEvaluation.units.flatMap((u) => u.indicators).filter((i) => i.evidence.query?.startsWith('{ subject(') && (i.evidence.count ?? 0) > 0).slice(0, 5);
    expect(counted.length).toBeGreaterThan(0);
    const own = body.data!.integrityEvaluation.units.find((u) => u.code === government.uscc);
    expect(own?.indicators.find((i) => i.indicatorId === 'DISHONESTY_RECORDS')?.evidence.count).toBeGreaterThan(0);
    for (const indicator of counted) {
      const again = await hub.query<{ subject: { creditRecords: { totalCount: number } } }>(indicator.evidence.query!, undefined, office);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.subject.creditRecords.totalCount).toBe(indicator.evidence.count);
    }
  });

  it.each([
    ['2026-Q5', 'BAD_USER_INPUT', 'period: "2026-Q5" is not a period; use a quarter such as 2026-Q3 or a year such as 2026'],
    ['Q3 2026', 'BAD_USER_INPUT', 'period: "Q3 2026" is not a period; use a quarter such as 2026-Q3 or a year such as 2026'],
    ['2026-Q1', 'NOT_FOUND', 'period: no integrity evaluation of 2026-Q1 at level DEPARTMENT has been published; the credit office computes one with `npm run evaluate -- --period 2026-Q1 --level DEPARTMENT` or the computeIntegrityEvaluation mutation'],
  ])('answers period %s with %s naming the period', async (period, code, message) => {
    const { body } = await hub.query(EVALUATION, { period });
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ message, path: ['integrityEvaluation'], extensions: expect.objectContaining({ code, argumentName: 'period' }) })]);
  });

  it('lets only the credit office compute an evaluation', async () => {
    const refused = await Promise.all([
      hub.query(COMPUTE, { period: '2026-Q2' }),
      hub.query(COMPUTE, { period: '2026-Q2' }, asConsumer(keys.dashboard, 'STATISTICS')),
      hub.query(COMPUTE, { period: '2026-Q2' }, asConsumer(keys.auditor, 'AUDIT')),
    ]);
    // The public and a dashboard do not see the restricted field at all; an auditor sees it and is refused.
    expect(refused.map((r) => r.body.errors?.[0]?.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'FORBIDDEN']);
    expect(await hub.hub.knex('integrity_evaluation_runs').where({ period: '2026-Q2' }).count({ n: '*' }).first()).toMatchObject({ n: expect.anything() });
    expect(Number((await hub.hub.knex('integrity_evaluation_runs').where({ period: '2026-Q2' }).count({ n: '*' }).first())!.n)).toBe(0);

    const office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕22号');
    const { body } = await hub.query<{ computeIntegrityEvaluation: { runId: string; unitCount: number } }>(COMPUTE, { period: '2026-Q2', level: 'DISTRICT' }, office);
    expect(body.errors).toBeUndefined();
    const read = await hub.query<{ integrityEvaluation: Evaluation }>(EVALUATION, { period: '2026-Q2', level: 'DISTRICT' });
    expect(read.body.data!.integrityEvaluation).toMatchObject({ runId: body.data!.computeIntegrityEvaluation.runId, period: '2026-Q2', level: 'DISTRICT' });
  });

  it('stores nothing and says SOURCE_UNAVAILABLE when a platform cannot answer', async () => {
    const office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕23号');
    hub.hub.sandboxes.CONSTRUCTION_APPROVAL!.setFault({ status: 503 });
    try {
      const { body } = await hub.query(COMPUTE, { period: '2026-Q1', level: 'DISTRICT' }, office);
      // The hub words every platform failure the same way (src/hub/formatError.ts); the cause goes to the log.
      expect(body.errors).toEqual([expect.objectContaining({
        message: 'CONSTRUCTION_APPROVAL: the platform is unavailable; the fields it serves are null — try again later',
        path: ['computeIntegrityEvaluation'], extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'CONSTRUCTION_APPROVAL' },
      })]);
    } finally {
      hub.hub.sandboxes.CONSTRUCTION_APPROVAL!.clearFault();
    }
    expect(Number((await hub.hub.knex('integrity_evaluation_runs').where({ period: '2026-Q1' }).count({ n: '*' }).first())!.n)).toBe(0);
  });
});
