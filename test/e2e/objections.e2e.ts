import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Objections (异议) and credit repair (信用修复) over HTTP against the real hub. The hub runs in this process,
// so faking Date (and nothing else) sets "today" for the deadlines and for what the public sees: the scenario
// walks through National Day 2025 (1-8 October off, Saturday 11 October a make-up working day, 调休上班).
// The fake clock is set before the hub starts and only moves forward: embedded PGlite reads its now() from
// the same clock, and the record history kept by a trigger needs time not to run backwards.
const WEIJING = '91440300MA5E9NHA04';
const OBJECTION = 'id state acceptedOn checkDue checkedOn decisionDue extendedOn outcome decisionReason changes { field before after } version';

interface PublicRecord { id: string; status: string; underObjection: boolean }

describe.each(TEST_DATABASES)('objections and credit repair over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let advert: string;
  let ride: string;
  let objectionId: string;

  const onDay = (date: string) => vi.setSystemTime(new Date(`${date}T10:00:00+08:00`));
  const asAdmin = () => asConsumer(keys.admin, 'SUPERVISION', '深信办异〔2025〕0001号');
  const asSubject = (purpose: 'OBJECTION' | 'CREDIT_REPAIR') => asConsumer(keys.objector, purpose, '维晶科技申请〔2025〕1号');
  const publicRecords = async (): Promise<PublicRecord[]> => {
    const { body } = await hub.query<{ subject: { creditRecords: { edges: { node: PublicRecord }[] } } }>(
      `{ subject(uscc: "${WEIJING}") { creditRecords(first: 100) { edges { node { id status underObjection } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.subject.creditRecords.edges.map((e) => e.node);
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onDay('2025-09-30');
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    // The enterprise's penalties the scenario works on: a false-advertising fine of 900 yuan (0.09 万元) decided on
    // 2025-09-19, and a ride-hailing penalty of 2026-09-25 whose minimum publicity (CREDIT-REPAIR-2026, GENERAL:
    // 3 months) ends on 2026-12-25.
    advert = await insertTestRecord(hub.hub.knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2025-09-19', catalogItemCode: 'SZ-CF-SCJG-001',
      severity: 'GENERAL', fineAmount: '0.09', title: '深圳市维晶科技有限公司发布虚假广告案', legalBasis: '《中华人民共和国广告法》第五十五条',
    });
    ride = await insertTestRecord(hub.hub.knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2026-09-25', catalogItemCode: 'SZ-CF-JTJ-001',
      severity: 'GENERAL', fineAmount: '1', title: '深圳市维晶科技有限公司未取得道路运输证从事网约车经营案', legalBasis: '《网络预约出租汽车经营服务管理暂行办法》第三十五条',
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await hub?.close();
  });

  it('the enterprise files an objection on the eve of National Day and the public sees the record marked at once', async () => {
    onDay('2025-09-30');
    expect(await publicRecords()).toContainEqual({ id: advert, status: 'IN_PUBLICITY', underObjection: false });
    const { body } = await hub.query<{ fileObjection: Record<string, unknown> }>(
      `mutation($input: FileObjectionInput!) { fileObjection(uscc: "${WEIJING}", input: $input) { ${OBJECTION} } }`,
      { input: { recordId: advert, ground: 'ERROR_OR_OMISSION', statement: '罚款金额与缴款凭证不符', evidence: ['缴款凭证 2025-09-20'] } },
      asSubject('OBJECTION'),
    );
    expect(body.errors).toBeUndefined();
    // Accepted on Tuesday 30 September; the check's one working day skips the whole 8-day break.
    expect(body.data!.fileObjection).toMatchObject({ state: 'ACCEPTED', acceptedOn: '2025-09-30', checkDue: '2025-10-09', decisionDue: null, version: 1 });
    objectionId = body.data!.fileObjection.id as string;
    expect(await publicRecords()).toContainEqual({ id: advert, status: 'UNDER_OBJECTION', underObjection: true });
  });

  it('the enterprise follows its objection; another enterprise may not read it', async () => {
    const own = await hub.query<{ objectionsOfSubject: unknown[] }>(`{ objectionsOfSubject(uscc: "${WEIJING}") { id state checkDue } }`, undefined, asSubject('OBJECTION'));
    expect(own.body).toEqual({ data: { objectionsOfSubject: [{ id: objectionId, state: 'ACCEPTED', checkDue: '2025-10-09' }] } });
    const other = await hub.query(`{ objectionsOfSubject(uscc: "914403001922038216") { id } }`, undefined, asSubject('OBJECTION'));
    expect(other.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('the public may not file, and the enterprise may not decide', async () => {
    const anonymous = await hub.query(`mutation { fileObjection(uscc: "${WEIJING}", input: { recordId: "${ride}", ground: OTHER_BREACH, statement: "x" }) { id } }`);
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const decide = await hub.query(`mutation { decideObjection(id: "${objectionId}", outcome: REJECT, reason: "x") { id } }`, undefined, asSubject('OBJECTION'));
    // Deciding is restricted (不予共享): absent from the schema a conditional consumer is served.
    expect(decide.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('deciding before the check is refused with both states named', async () => {
    const { body } = await hub.query(`mutation { decideObjection(id: "${objectionId}", outcome: REJECT, reason: "无误") { id } }`, undefined, asAdmin());
    expect(body.errors![0]).toMatchObject({
      message: `cannot decide objection ${objectionId}: it is ACCEPTED, and this step needs CHECKED (it leads to CLOSED)`,
      extensions: { code: 'CONFLICT' },
    });
  });

  it('the credit agency checks on the first working day after the break; the decision falls due on the make-up Saturday', async () => {
    onDay('2025-10-09');
    const { body } = await hub.query<{ checkObjection: Record<string, unknown> }>(`mutation { checkObjection(id: "${objectionId}", note: "已转深圳市市场监督管理局福田监管局") { ${OBJECTION} } }`, undefined, asAdmin());
    expect(body.errors).toBeUndefined();
    expect(body.data!.checkObjection).toMatchObject({ state: 'CHECKED', checkedOn: '2025-10-09', decisionDue: '2025-10-11', version: 2 });
  });

  it('on Monday 13 October the objection is one working day overdue (Sunday is not counted, Saturday was due)', async () => {
    onDay('2025-10-13');
    const { body } = await hub.query<{ overdueObjections: unknown[] }>('{ overdueObjections { objection { id state } stage due workingDaysOverdue } }', undefined, asAdmin());
    expect(body.errors).toBeUndefined();
    expect(body.data!.overdueObjections).toEqual([{ objection: { id: objectionId, state: 'CHECKED' }, stage: 'DECISION', due: '2025-10-11', workingDaysOverdue: 1 }]);
    const publicTry = await hub.query('{ overdueObjections { due } }');
    expect(publicTry.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('an approved extension adds three working days; on the same day two officers decide at once: one wins, the other gets CONFLICT', async () => {
    const extended = await hub.query<{ extendObjection: Record<string, unknown> }>(`mutation { extendObjection(id: "${objectionId}", reason: "经分管领导批准延期") { ${OBJECTION} } }`, undefined, asAdmin());
    expect(extended.body.data!.extendObjection).toMatchObject({ decisionDue: '2025-10-15', extendedOn: '2025-10-13' });
    const decide = (outcome: string, corrections: string) =>
      hub.query<{ decideObjection: Record<string, unknown> }>(`mutation { decideObjection(id: "${objectionId}", outcome: ${outcome}, reason: "经核实罚款金额有误", ${corrections}) { ${OBJECTION} } }`, undefined, asAdmin());
    const results = await Promise.all([decide('CORRECT', 'corrections: { fineAmount: "0.08" }'), decide('CORRECT', 'corrections: { fineAmount: "0.07" }')]);
    const winners = results.filter((r) => !r.body.errors);
    const losers = results.filter((r) => r.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.body.errors![0]).toMatchObject({
      message: `cannot decide objection ${objectionId}: it is CLOSED, and this step needs CHECKED (it leads to CLOSED)`,
      extensions: { code: 'CONFLICT' },
    });
    const decided = winners[0]!.body.data!.decideObjection;
    expect(decided).toMatchObject({ state: 'CLOSED', outcome: 'CORRECT', version: 4 });
    expect(decided.changes).toEqual([
      { field: 'fineAmount', before: '0.09', after: expect.stringMatching(/^0\.0[78]$/) },
      { field: 'status', before: 'UNDER_OBJECTION', after: 'IN_PUBLICITY' },
    ]);
    // The outcome is on the record and the mark is gone for the public.
    expect(await publicRecords()).toContainEqual({ id: advert, status: 'IN_PUBLICITY', underObjection: false });
    const fine = await hub.query<{ subject: { creditRecords: { edges: { node: { id: string; fineAmount: string } }[] } } }>(
      `{ subject(uscc: "${WEIJING}") { creditRecords(first: 100) { edges { node { id fineAmount } } } } }`,
    );
    expect(fine.body.data!.subject.creditRecords.edges.find((e) => e.node.id === advert)!.node.fineAmount).toBe((decided.changes as { after: string }[])[0]!.after);
    expect(await hub.hub.knex('audit_ledger').where({ consumer_id: 'credit-office' }).count({ n: '*' }).then((r) => Number((r[0] as { n: string }).n))).toBeGreaterThanOrEqual(4);
  });

  it('repair: not yet eligible, with the date the subject may apply from', async () => {
    onDay('2026-11-27');
    const { body } = await hub.query<{ applyForRepair: Record<string, unknown> }>(
      `mutation { applyForRepair(uscc: "${WEIJING}", input: { recordId: "${ride}", obligationsPerformed: true, commitmentGiven: true, statement: "已缴清罚款，车辆已取得运输证" }) { eligible eligibleFrom reasons { reason message } application { id } } }`,
      undefined, asSubject('CREDIT_REPAIR'),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.applyForRepair).toEqual({
      eligible: false, eligibleFrom: '2026-12-25', application: null,
      reasons: [{ reason: 'MINIMUM_PERIOD_NOT_REACHED', message: 'the minimum publicity period under CREDIT-REPAIR-2026 ends on 2026-12-25; apply on or after that date' }],
    });
  });

  it('repair: eligible once the minimum period ends, approved within three working days, and the public stops seeing the record', async () => {
    onDay('2026-12-25');
    expect((await publicRecords()).map((r) => r.id)).toContain(ride);
    const applied = await hub.query<{ applyForRepair: { eligible: boolean; application: { id: string; state: string; decisionDue: string } } }>(
      `mutation { applyForRepair(uscc: "${WEIJING}", input: { recordId: "${ride}", obligationsPerformed: true, commitmentGiven: true, statement: "已缴清罚款，车辆已取得运输证" }) { eligible application { id state decisionDue } } }`,
      undefined, asSubject('CREDIT_REPAIR'),
    );
    expect(applied.body.errors).toBeUndefined();
    expect(applied.body.data!.applyForRepair).toMatchObject({ eligible: true, application: { state: 'SUBMITTED', decisionDue: '2026-12-30' } });
    const id = applied.body.data!.applyForRepair.application.id;
    onDay('2026-12-28');
    const decide = () => hub.query<{ decideRepair: Record<string, unknown> }>(`mutation { decideRepair(id: "${id}", approve: true, reason: "符合信用修复条件") { state decidedOn decisionReason } }`, undefined, asAdmin());
    const [a, b] = await Promise.all([decide(), decide()]);
    expect([a, b].filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    expect([a, b].find((r) => !r.body.errors)!.body.data!.decideRepair).toEqual({ state: 'APPROVED', decidedOn: '2026-12-28', decisionReason: '符合信用修复条件' });
    expect((await publicRecords()).map((r) => r.id)).not.toContain(ride);
  });
});
