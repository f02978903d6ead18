import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '../../src/calendar/index.js';
import { makeUscc } from '../../src/codes/index.js';
import { addMonths, createIdNumberVault, DEVELOPMENT_DATA_KEY, todayInShanghai } from '../../src/credit/index.js';
import { grantsForPurpose, KnexConsumerStore } from '../../src/governance/index.js';
import { verifyCheckJws } from '../../src/workflows/signing/index.js';
import { asConsumer, createTestConsumers, NANSHAN_GOVERNMENT } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Organisations this file owns, in Dapeng New Area (4403DP).
const AWARDED_BODY = makeUscc('11', '440300', 'TE000001');
const MEASURED_BODY = makeUscc('11', '440300', 'TE000002');
const INSTITUTION = makeUscc('12', '440300', 'TE000003');

const RUN = `mutation ($input: RunEligibilityCheckInput!) { runEligibilityCheck(input: $input) {
  id purpose reference overallVerdict rulesVersion signedResult keyId
  subjects { index subjectType uscc civilServantId name civilServantName idNumberMasked verdict decidingRule { id } evidenceWithheld
    evidence { source id kind type decidedOn endsOn ruleId effect } } } }`;
const IMPOSE = 'mutation ($input: ImposeMeasureInput!) { imposeMeasure(input: $input) { id kind kindName status imposedOn deadlineWorkingDays dueOn effectEndsOn overdue version } }';
const CLOSE = 'mutation ($id: ID!, $outcome: MeasureOutcome!, $v: Int!) { closeMeasure(id: $id, outcome: $outcome, note: "整改到位，予以销号", version: $v) { status outcome version } }';
const REPORT = 'mutation ($id: ID!, $v: Int!) { reportRectification(id: $id, rectification: "已于十个工作日内兑现全部奖励资金", version: $v) { status rectification version } }';

interface Subject { index: number; civilServantId: string | null; uscc: string | null; name: string | null; civilServantName: string | null; idNumberMasked: string | null; verdict: string; decidingRule: { id: string }; evidenceWithheld: boolean; evidence: { source: string; id: string; kind: string; type: string | null; decidedOn: string; endsOn: string | null; ruleId: string; effect: string }[] }
interface Check { id: string; overallVerdict: string; signedResult: string; keyId: string; rulesVersion: string; subjects: Subject[] }

const ledgerSize = async (hub: TestHub): Promise<number> => Number(((await hub.hub.knex('audit_ledger').count({ n: '*' })) as { n: string }[])[0]!.n);

describe.each(TEST_DATABASES)('consequences: eligibility checks and measures over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let office: Record<string, string>;
  let personnel: Record<string, string>;
  let awards: Record<string, string>;
  let staff: { id: string; name: string; id_number_ciphertext: Buffer; id_number_masked: string }[];
  let outsider: { id: string };
  const today = todayInShanghai();

  beforeAll(async () => {
    hub = await startTestHub(database);
    const knex = hub.hub.knex;
    keys = await createTestConsumers(knex);
    office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕31号');
    personnel = asConsumer(keys.personnel, 'CADRE_SELECTION', '南组干〔2026〕12号');
    const committee = await KnexConsumerStore.create(knex).createConsumer({
      id: 'nanshan-awards', name: '南山区评比达标表彰工作领导小组办公室', kind: 'DEPARTMENT', roles: ['PERSONNEL_OFFICE'], subjects: [NANSHAN_GOVERNMENT],
      grants: grantsForPurpose(['PERSONNEL_OFFICE'], 'AWARD_EVALUATION'),
    });
    awards = asConsumer(committee.apiKey, 'AWARD_EVALUATION', '南评〔2026〕3号');
    await knex('organisations').insert([
      { uscc: AWARDED_BODY, name: '深圳市大鹏新区测试文明单位', district_code: '4403DP', established_on: '2011-12-30' },
      { uscc: MEASURED_BODY, name: '深圳市大鹏新区测试整改单位', district_code: '4403DP', established_on: '2011-12-30' },
      { uscc: INSTITUTION, name: '深圳市大鹏新区测试事业单位', district_code: '4403DP', established_on: '2012-06-01' },
    ]);
    // Civil servants of the Nanshan government and the bodies under it (the personnel office's own staff) with no record at all.
    staff = await knex('civil_servants as cs')
      .whereRaw('cs.employer_uscc IN (WITH RECURSIVE own(uscc) AS (SELECT ?::varchar UNION SELECT o.uscc FROM organisations o JOIN own ON o.parent_uscc = own.uscc) SELECT uscc FROM own)', [NANSHAN_GOVERNMENT])
      .whereNotExists(knex('credit_records as r').whereRaw('r.civil_servant_id = cs.id')).orderBy('cs.id').limit(3)
      .select('cs.id', 'cs.name', 'cs.id_number_ciphertext', 'cs.id_number_masked');
    outsider = await knex('civil_servants as cs').join('organisations as o', 'o.uscc', 'cs.employer_uscc')
      .whereNot('o.district_code', '440305').orderBy('cs.id').first('cs.id');
    // A demerit (记过) three months ago: within its 12-month period of influence. A warning (警告) eight months ago: over.
    for (const [servant, sanction, months] of [[staff[0]!.id, 'DEMERIT', -3], [staff[1]!.id, 'WARNING', -8], [outsider.id, 'MAJOR_DEMERIT', -2]] as const) {
      await insertTestRecord(knex, {
        kind: 'DISCIPLINARY_SANCTION', catalogItemCode: 'SZ-JLCF-JW-001', civilServantId: servant, decisionDate: addMonths(today, months), details: { sanction }, publicity: { sanction },
      });
    }
  });
  afterAll(async () => hub?.close());

  it('a personnel office checks three of its civil servants for cadre selection: one within a sanction period is INELIGIBLE with evidence, and the JWS verifies offline', async () => {
    expect(staff).toHaveLength(3);
    // The second is named by ID number: matched through the keyed hash, answered masked.
    const idNumber = createIdNumberVault(DEVELOPMENT_DATA_KEY).decrypt(Buffer.from(staff[1]!.id_number_ciphertext));
    const subjects = [{ civilServantId: staff[0]!.id }, { idNumber }, { civilServantId: staff[2]!.id }];
    const { body } = await hub.query<{ runEligibilityCheck: Check }>(RUN, { input: { subjects, purpose: 'CADRE_SELECTION' } }, personnel);
    expect(body.errors).toBeUndefined();
    const check = body.data!.runEligibilityCheck;
    const demeritOn = addMonths(today, -3);
    expect(check.subjects).toEqual([
      {
        index: 0, subjectType: 'CIVIL_SERVANT', uscc: null, civilServantId: staff[0]!.id, name: null, civilServantName: staff[0]!.name, idNumberMasked: staff[0]!.id_number_masked,
        verdict: 'INELIGIBLE', decidingRule: { id: 'SANCTION_INFLUENCE_PERIOD' }, evidenceWithheld: false,
        evidence: [{ source: 'RECORD', id: expect.any(String), kind: 'DISCIPLINARY_SANCTION', type: 'DEMERIT', decidedOn: demeritOn, endsOn: addMonths(demeritOn, 12), ruleId: 'SANCTION_INFLUENCE_PERIOD', effect: 'INELIGIBLE' }],
      },
      {
        index: 1, subjectType: 'CIVIL_SERVANT', uscc: null, civilServantId: staff[1]!.id, name: null, civilServantName: staff[1]!.name, idNumberMasked: staff[1]!.id_number_masked,
        verdict: 'ELIGIBLE', decidingRule: { id: 'NO_DISQUALIFYING_RECORD' }, evidenceWithheld: false, evidence: [],
      },
      {
        index: 2, subjectType: 'CIVIL_SERVANT', uscc: null, civilServantId: staff[2]!.id, name: null, civilServantName: staff[2]!.name, idNumberMasked: staff[2]!.id_number_masked,
        verdict: 'ELIGIBLE', decidingRule: { id: 'NO_DISQUALIFYING_RECORD' }, evidenceWithheld: false, evidence: [],
      },
    ]);
    expect(check.overallVerdict).toBe('INELIGIBLE');
    // Offline: the key set fetched once verifies the signed result without asking the hub again.
    const jwks = await (await fetch(`${hub.hub.url}/.well-known/credit-check-keys`)).json();
    const verified = verifyCheckJws(check.signedResult, jwks);
    expect(verified).toMatchObject({ ok: true, kid: check.keyId, payload: { checkId: check.id, purpose: 'CADRE_SELECTION', reference: '南组干〔2026〕12号', overallVerdict: 'INELIGIBLE' } });
    // The ID number is in neither the signed result nor the stored check.
    expect(Buffer.from(check.signedResult.split('.')[1]!, 'base64url').toString('utf8')).not.toContain(idNumber);
    const stored = await hub.hub.knex('eligibility_checks').where({ id: check.id }).first('result', 'jws');
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    const tampered = check.signedResult.replace(/\.([^.]+)\./, (_m, p: string) => `.${Buffer.from(Buffer.from(p, 'base64url').toString('utf8').replace('INELIGIBLE', 'ELIGIBLE'), 'utf8').toString('base64url')}.`);
    expect(verifyCheckJws(tampered, jwks)).toMatchObject({ ok: false });

    // Feedback once per subject, then the anonymised case for publicity.
    const FEEDBACK = 'mutation ($input: RecordEligibilityFeedbackInput!) { recordEligibilityFeedback(input: $input) { subjectIndex usage } }';
    const input = { checkId: check.id, subjectIndex: 0, usage: 'EXCLUDED' };
    const answers = await Promise.all([1, 2].map(() => hub.query(FEEDBACK, { input }, personnel)));
    expect(answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const cases = await hub.query<{ eligibilityCases: unknown[] }>('{ eligibilityCases { purpose subjectType verdict decidingRuleId evidenceKinds usage } }');
    expect(cases.body.data!.eligibilityCases).toContainEqual({ purpose: 'CADRE_SELECTION', subjectType: 'CIVIL_SERVANT', verdict: 'INELIGIBLE', decidingRuleId: 'SANCTION_INFLUENCE_PERIOD', evidenceKinds: ['DISCIPLINARY_SANCTION'], usage: 'EXCLUDED' });
    expect(JSON.stringify(cases.body)).not.toContain(staff[0]!.id);
  });

  it('a personnel office learns the verdict about another body\'s civil servant, not the evidence; the credit office sees it', async () => {
    const input = { subjects: [{ civilServantId: outsider.id }], purpose: 'CADRE_SELECTION' };
    const mine = (await hub.query<{ runEligibilityCheck: Check }>(RUN, { input }, personnel)).body.data!.runEligibilityCheck.subjects[0]!;
    expect(mine).toMatchObject({ verdict: 'INELIGIBLE', decidingRule: { id: 'SANCTION_INFLUENCE_PERIOD' }, evidenceWithheld: true, evidence: [] });
    const theirs = (await hub.query<{ runEligibilityCheck: Check }>(RUN, { input: { ...input, reference: '深信办〔2026〕31号' } }, office)).body.data!.runEligibilityCheck.subjects[0]!;
    expect(theirs).toMatchObject({ verdict: 'INELIGIBLE', evidenceWithheld: false, evidence: [{ kind: 'DISCIPLINARY_SANCTION', type: 'MAJOR_DEMERIT' }] });
  });

  it('an award check excludes a body with an open measure; once the measure is rectified and closed the body is eligible again', async () => {
    const imposed = await hub.query<{ imposeMeasure: { id: string; version: number; dueOn: string } }>(IMPOSE, {
      input: { subjectUscc: MEASURED_BODY, kind: 'RECTIFICATION_ORDER', reason: '拖欠企业奖励资金逾期未兑现' },
    }, office);
    expect(imposed.body.errors).toBeUndefined();
    const measure = imposed.body.data!.imposeMeasure;
    expect(imposed.body.data!.imposeMeasure).toEqual({
      id: measure.id, kind: 'RECTIFICATION_ORDER', kindName: '限期整改', status: 'OPEN', imposedOn: today, deadlineWorkingDays: 20,
      dueOn: addWorkingDays(today, 20), effectEndsOn: null, overdue: false, version: 1,
    });
    const award = { subjects: [{ uscc: AWARDED_BODY }, { uscc: MEASURED_BODY }], purpose: 'AWARD_OR_HONOUR' };
    const { body } = await hub.query<{ runEligibilityCheck: Check }>(RUN, { input: award }, awards);
    expect(body.errors).toBeUndefined();
    expect(body.data!.runEligibilityCheck.subjects.map((s) => [s.uscc, s.verdict, s.decidingRule.id, s.evidence.map((e) => [e.source, e.id, e.kind])])).toEqual([
      [AWARDED_BODY, 'ELIGIBLE', 'NO_DISQUALIFYING_RECORD', []],
      [MEASURED_BODY, 'INELIGIBLE', 'MEASURE_EXCLUDES_FROM_AWARDS', [['MEASURE', measure.id, 'RECTIFICATION_ORDER']]],
    ]);

    // Two officers close at once: one wins, the other is told to read again.
    const reported = await hub.query<{ reportRectification: { version: number } }>(REPORT, { id: measure.id, v: 1 }, office);
    expect(reported.body.data).toEqual({ reportRectification: { status: 'RECTIFICATION_REPORTED', rectification: '已于十个工作日内兑现全部奖励资金', version: 2 } });
    const closes = await Promise.all([1, 2].map(() => hub.query(CLOSE, { id: measure.id, outcome: 'RECTIFIED', v: 2 }, office)));
    expect(closes.map((c) => c.body.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const again = await hub.query<{ runEligibilityCheck: Check }>(RUN, { input: award }, awards);
    expect(again.body.data!.runEligibilityCheck.subjects[1]).toMatchObject({ verdict: 'ELIGIBLE', evidence: [] });
    // As of before the closing, the check reproduces the exclusion.
    const past = await hub.query<{ runEligibilityCheck: Check }>(RUN, { input: { ...award, asOf: new Date(Date.now() - 86_400_000).toISOString() } }, awards);
    expect(past.body.data!.runEligibilityCheck.subjects[1]).toMatchObject({ verdict: 'ELIGIBLE' });
  });

  it('lists measures past their working-day deadline, counted across holidays', async () => {
    const imposedOn = '2026-09-24';
    const { body } = await hub.query<{ imposeMeasure: { id: string; dueOn: string } }>(IMPOSE, {
      input: { subjectUscc: INSTITUTION, kind: 'INTERVIEW', reason: '多次被投诉办事推诿', imposedOn },
    }, office);
    // 10 working days from 24 September run across the National Day holiday (1-8 October 2026).
    expect(body.data!.imposeMeasure.dueOn).toBe(addWorkingDays(imposedOn, 10));
    expect(body.data!.imposeMeasure.dueOn > '2026-10-08').toBe(true);
    const overdue = await hub.query<{ overdueMeasures: { id: string; overdue: boolean; workingDaysOverdue: number }[] }>('{ overdueMeasures(districtCode: "4403DP") { id overdue workingDaysOverdue } }', undefined, office);
    expect(overdue.body.data!.overdueMeasures).toEqual([{ id: body.data!.imposeMeasure.id, overdue: true, workingDaysOverdue: workingDaysBetween(addWorkingDays(imposedOn, 10), today) }]);
  });

  it('a complaint against a public institution is followed by its receipt code, with nothing personal, to a substantiated outcome that opens a measure', async () => {
    const FILE = 'mutation ($input: ComplaintInput!) { fileComplaint(input: $input) { id receiptCode category verifyDueOn answerDueOn } }';
    const STATUS = 'query ($code: String!) { complaintStatus(receiptCode: $code) { receiptCode bodyUscc bodyName category categoryName status receivedOn verifyDueOn answerDueOn concludedOn measures { kind imposedOn dueOn status } } }';
    const input = { bodyUscc: INSTITUTION, category: 'PAYMENT_ARREARS', channel: 'ONLINE', content: '测试事业单位拖欠我司检测服务费四十万元逾期半年', complainantName: '陈晓东', complainantPhone: '13900001111' };
    const filed = await hub.query<{ fileComplaint: { id: string; receiptCode: string } }>(FILE, { input });
    expect(filed.body.errors).toBeUndefined();
    const { id, receiptCode } = filed.body.data!.fileComplaint;
    expect(filed.body.data!.fileComplaint).toEqual({ id, receiptCode: expect.stringMatching(/^TS-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/), category: 'PAYMENT_ARREARS', verifyDueOn: addWorkingDays(today, 5), answerDueOn: addWorkingDays(today, 15) });
    const progress = { receiptCode, bodyUscc: INSTITUTION, bodyName: '深圳市大鹏新区测试事业单位', category: 'PAYMENT_ARREARS', categoryName: '拖欠企业账款', receivedOn: today, verifyDueOn: addWorkingDays(today, 5), answerDueOn: addWorkingDays(today, 15) };
    const received = await hub.query(STATUS, { code: receiptCode.toLowerCase() });
    expect(received.body).toEqual({ data: { complaintStatus: { ...progress, status: 'RECEIVED', concludedOn: null, measures: [] } } });
    for (const secret of ['陈晓东', '13900001111', '四十万元']) expect(JSON.stringify(received.body)).not.toContain(secret);

    const ADVANCE = 'mutation ($id: ID!, $to: ComplaintStatus!, $outcome: String, $v: Int!) { advanceComplaint(id: $id, to: $to, outcome: $outcome, version: $v) { status version } }';
    await hub.query(ADVANCE, { id, to: 'VERIFYING', v: 1 }, office);
    // A measure answers only a substantiated complaint.
    const early = await hub.query(IMPOSE, { input: { subjectUscc: INSTITUTION, kind: 'RECTIFICATION_ORDER', reason: '拖欠中小企业账款', complaintId: id } }, office);
    expect(early.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.complaintId' } });
    const done = await hub.query(ADVANCE, { id, to: 'SUBSTANTIATED', outcome: '经核实情况属实，责令限期支付', v: 2 }, office);
    expect(done.body.data).toEqual({ advanceComplaint: { status: 'SUBSTANTIATED', version: 3 } });
    const wrongBody = await hub.query(IMPOSE, { input: { subjectUscc: MEASURED_BODY, kind: 'RECTIFICATION_ORDER', reason: '拖欠中小企业账款', complaintId: id } }, office);
    expect(wrongBody.body.errors![0]!.message).toBe(`input.complaintId: complaint ${id} is about ${INSTITUTION}, not ${MEASURED_BODY}`);
    const measure = await hub.query(IMPOSE, { input: { subjectUscc: INSTITUTION, kind: 'RECTIFICATION_ORDER', reason: '拖欠中小企业账款，经投诉核实属实', complaintId: id } }, office);
    expect(measure.body.errors).toBeUndefined();

    const concluded = await hub.query(STATUS, { code: receiptCode });
    expect(concluded.body).toEqual({ data: { complaintStatus: {
      ...progress, status: 'SUBSTANTIATED', concludedOn: today, measures: [{ kind: 'RECTIFICATION_ORDER', imposedOn: today, dueOn: addWorkingDays(today, 20), status: 'OPEN' }],
    } } });
    expect(JSON.stringify(concluded.body)).not.toContain('责令限期支付');
    expect((await hub.query(STATUS, { code: 'TS-2222-3333-4444' })).body).toEqual({ data: { complaintStatus: null } });
    expect((await hub.query(STATUS, { code: 'abc' })).body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    // Enterprises are not complained about here.
    const enterprise = await hub.query(FILE, { input: { ...input, bodyUscc: '91440300MA5E9NHA04' } });
    expect(enterprise.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.bodyUscc' } });
  });

  it('a third-party evaluator submits scores with evidence for a body and period; the credit office sees them, a stale resubmission is CONFLICT', async () => {
    const evaluator = await KnexConsumerStore.create(hub.hub.knex).createConsumer({
      id: 'sz-credit-rating', name: '深圳市某信用评估有限公司', kind: 'THIRD_PARTY', roles: ['THIRD_PARTY_EVALUATOR'], grants: grantsForPurpose(['THIRD_PARTY_EVALUATOR'], 'CREDIT_EVALUATION'),
    });
    const asEvaluator = asConsumer(evaluator.apiKey, 'CREDIT_EVALUATION', '深信评〔2026〕8号');
    const SUBMIT = 'mutation ($input: ThirdPartyEvaluationInput!) { submitThirdPartyEvaluation(input: $input) { evaluatorName bodyUscc period ruleVersion overallScore version scores { indicator nameZh weight score evidence } } }';
    const scores = [
      { indicator: 'PROMISE_KEEPING', score: '72.5', evidence: '抽查承诺事项40项，按期兑现29项' },
      { indicator: 'POLICY_IMPLEMENTATION', score: '80', evidence: '政策执行一致性问卷，企业样本120家' },
      { indicator: 'SERVICE_INTEGRITY', score: '91', evidence: '好差评数据与暗访记录' },
      { indicator: 'TRANSPARENCY', score: '88', evidence: '政务公开栏目逐项核对' },
    ];
    const input = { bodyUscc: MEASURED_BODY, period: '2026-Q3', scores };
    const first = await hub.query(SUBMIT, { input }, asEvaluator);
    // (72.5×30 + 80×25 + 91×25 + 88×20) / 100 = 82.1
    expect(first.body).toEqual({ data: { submitThirdPartyEvaluation: {
      evaluatorName: '深圳市某信用评估有限公司', bodyUscc: MEASURED_BODY, period: '2026-Q3', ruleVersion: 'THIRD-PARTY-2026', overallScore: '82.1', version: 1,
      scores: [
        { indicator: 'PROMISE_KEEPING', nameZh: '政务承诺履约', weight: 30, score: '72.5', evidence: '抽查承诺事项40项，按期兑现29项' },
        { indicator: 'POLICY_IMPLEMENTATION', nameZh: '政策执行一致性', weight: 25, score: '80', evidence: '政策执行一致性问卷，企业样本120家' },
        { indicator: 'SERVICE_INTEGRITY', nameZh: '政务服务诚信', weight: 25, score: '91', evidence: '好差评数据与暗访记录' },
        { indicator: 'TRANSPARENCY', nameZh: '政务公开', weight: 20, score: '88', evidence: '政务公开栏目逐项核对' },
      ],
    } } });
    const again = await hub.query(SUBMIT, { input }, asEvaluator);
    expect(again.body.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 1 } });
    const replaced = await Promise.all([1, 2].map(() => hub.query(SUBMIT, { input: { ...input, scores: [{ ...scores[0]!, score: '75' }, ...scores.slice(1)], replaces: 1 } }, asEvaluator)));
    expect(replaced.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const missing = await hub.query(SUBMIT, { input: { ...input, period: '2026-Q2', scores: scores.slice(1) } }, asEvaluator);
    expect(missing.body.errors![0]!.message).toBe('input.scores lacks PROMISE_KEEPING');
    expect((await hub.query(SUBMIT, { input: { ...input, period: '2026-Q4' } }, asEvaluator)).body.errors![0]!.extensions!.field).toBe('input.period');

    const LIST = `{ thirdPartyEvaluations(bodyUscc: "${MEASURED_BODY}") { evaluatorName period overallScore version } }`;
    expect((await hub.query(LIST, undefined, office)).body).toEqual({ data: { thirdPartyEvaluations: [{ evaluatorName: '深圳市某信用评估有限公司', period: '2026-Q3', overallScore: '82.85', version: 2 }] } });
    // Only evaluators submit; the public does not read.
    expect((await hub.query(SUBMIT, { input }, office)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await hub.query(LIST)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses every mutation to roles that may not call it, with one ledger entry per call', async () => {
    const bidding = asConsumer(keys.bidding, 'BIDDING');
    const impose = { input: { subjectUscc: MEASURED_BODY, kind: 'CIRCULATED_CRITICISM', reason: '测试' } };
    const cases: [string, Record<string, unknown>, Record<string, string> | undefined][] = [
      [IMPOSE, impose, undefined],
      [IMPOSE, impose, bidding],
      [IMPOSE, impose, personnel],
      [RUN, { input: { subjects: [{ uscc: AWARDED_BODY }], purpose: 'AWARD_OR_HONOUR' } }, undefined],
      // Declared CADRE_SELECTION, asks for funding: the purpose of use decides.
      [RUN, { input: { subjects: [{ civilServantId: staff[2]!.id }], purpose: 'FUNDING_SUPPORT' } }, personnel],
      [CLOSE, { id: '1', outcome: 'COMPLETED', v: 1 }, personnel],
      [REPORT, { id: '1', v: 1 }, bidding],
    ];
    for (const [document, variables, headers] of cases) {
      const before = await ledgerSize(hub);
      const { body } = await hub.query(document, variables, headers);
      expect(body.errors?.[0]?.extensions?.code, document).toBe('FORBIDDEN');
      expect(await ledgerSize(hub)).toBe(before + 1);
    }
    const before = await ledgerSize(hub);
    const ok = await hub.query<{ imposeMeasure: { id: string } }>(IMPOSE, { input: { civilServantId: staff[2]!.id, kind: 'AWARD_DISQUALIFICATION', reason: '年度考核中弄虚作假' } }, office);
    expect(ok.body.errors).toBeUndefined();
    expect(await ledgerSize(hub)).toBe(before + 1);
    const entry = await hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first();
    expect(entry).toMatchObject({ consumer_id: 'credit-office', fields_read: ['Mutation.imposeMeasure'] });
    // The measure now bars that civil servant from selection for a year.
    const { body } = await hub.query<{ runEligibilityCheck: Check }>(RUN, { input: { subjects: [{ civilServantId: staff[2]!.id }], purpose: 'CADRE_SELECTION' } }, personnel);
    expect(body.data!.runEligibilityCheck.subjects[0]).toMatchObject({ verdict: 'INELIGIBLE', decidingRule: { id: 'MEASURE_BARS_SELECTION' }, evidence: [{ source: 'MEASURE', id: ok.body.data!.imposeMeasure.id, endsOn: addMonths(today, 12) }] });
  });
});
