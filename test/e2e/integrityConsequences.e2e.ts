import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { grantsForPurpose, KnexConsumerStore } from '../../src/governance/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Organisations this file owns, in the Shenzhen-Shanwei zone (local code 4403SS), where the sample data has none.
const BODY = makeUscc('11', '440300', 'TR150001');
const OTHER_BODY = makeUscc('11', '440300', 'TR150002');
const INSTITUTION = makeUscc('12', '440300', 'TR150003');
const SME = makeUscc('91', '440300', 'TR150004');
const TODAY = '2026-11-30';

const COMMITMENT = 'id status version inherited leaderWhenPromised leaderWhenDue brokenOn brokenReason dishonestyRecordId';
const RECORD = `mutation ($input: CommitmentInput!) { recordCommitment(input: $input) { ${COMMITMENT} } }`;
const DECLARE = `mutation ($id: ID!, $v: Int!) { declareCommitmentBroken(commitment: $id, reason: "招商引资奖励逾期一年未兑现，经核查属实", evidence: ["深信办核〔2026〕15号核查报告"], version: $v) { ${COMMITMENT} } }`;
const LEADER = 'mutation ($input: LeadershipChangeInput!) { recordLeadershipChange(input: $input) { leaderName post startedOn endedOn } }';
const PAY = 'mutation ($id: ID!, $on: Date!, $amount: Decimal!, $v: Int!) { recordCommitmentPayment(commitment: $id, paidOn: $on, amount: $amount, version: $v) { status outstandingAmount version } }';
const ARREARS = 'query ($filter: SmeArrearsFilter) { smeArrears(filter: $filter) { totalCount edges { node { asOf outstandingAmount daysOverdue overdueInterest commitment { title dueOn } } } } }';
const DEFAULTERS = 'mutation ($input: DefaulterListBatchInput!) { ingestDefaulterList(input: $input) { total accepted updated unchanged rejected rows { rowNumber status key errors { field message } } } }';
const ARREARS_FEED = 'mutation ($input: SmeArrearsBatchInput!) { ingestSmeArrears(input: $input) { total accepted updated unchanged rejected rows { rowNumber status key errors { field message } } } }';

const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code ?? 'OK';

describe.each(TEST_DATABASES)('consequences for dishonest bodies over HTTP on $name (issue 15 items 3-5)', (database) => {
  let hub: TestHub;
  let office: Record<string, string>;
  let bidding: Record<string, string>;
  let bodyItself: Record<string, string>;
  let auditor: Record<string, string>;
  let sourceUnit: Record<string, string>;
  let court: string;
  const ledgerCount = async () => Number(((await hub.hub.knex('audit_ledger').count({ n: '*' }))[0] as { n: string }).n);

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T10:00:00+08:00`));
    hub = await startTestHub(database);
    const keys = await createTestConsumers(hub.hub.knex);
    office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕31号');
    bidding = asConsumer(keys.bidding, 'BIDDING');
    auditor = asConsumer(keys.auditor, 'AUDIT', '深审〔2026〕3号');
    sourceUnit = asConsumer(keys.sourceUnit, 'RECORD_REPORTING', '深市监报〔2026〕1号');
    await hub.hub.knex('organisations').insert([
      { uscc: BODY, name: '深圳市深汕特别合作区测试招商局', district_code: '4403SS', established_on: '2018-12-16' },
      { uscc: OTHER_BODY, name: '深圳市深汕特别合作区测试建设局', district_code: '4403SS', established_on: '2018-12-16' },
      { uscc: INSTITUTION, name: '深圳市深汕特别合作区测试服务中心', district_code: '4403SS', established_on: '2019-06-01' },
      { uscc: SME, name: '深圳市深汕测试科技有限公司', district_code: '4403SS', established_on: '2020-03-01' },
    ]);
    // The body itself, objecting to a record about it (异议), as an enterprise objects to its own.
    const self = await KnexConsumerStore.create(hub.hub.knex).createConsumer({
      id: 'shenshan-bureau', name: '深圳市深汕特别合作区测试招商局', kind: 'DEPARTMENT', roles: ['ENTERPRISE_SELF'], subjects: [BODY],
      grants: grantsForPurpose(['ENTERPRISE_SELF'], 'OBJECTION'),
    });
    bodyItself = asConsumer(self.apiKey, 'OBJECTION', '深汕招商〔2026〕异1号');
    court = (await hub.hub.knex('catalog_items').where({ code: 'SZ-SXBZX-ZY-001' }).first('source_unit_uscc')).source_unit_uscc as string;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await hub?.close();
  });

  it('a promise made under a predecessor and declared broken under his successor goes on the body\'s public record, inherited, and the body objects to it', async () => {
    for (const [leaderName, startedOn] of [['张建国', '2023-01-01'], ['李明', '2026-03-01']]) {
      const { body } = await hub.query(LEADER, { input: { bodyUscc: BODY, leaderName, post: '局长', startedOn } }, office);
      expect(body.errors).toBeUndefined();
    }
    const again = await hub.query(LEADER, { input: { bodyUscc: BODY, leaderName: '王强', post: '局长', startedOn: '2026-03-01' } }, office);
    expect(codeOf(again.body)).toBe('CONFLICT');
    const leadership = await hub.query(`{ subject(uscc: "${BODY}") { ... on GovernmentBody { leadership { leaderName startedOn endedOn } } } }`);
    expect(leadership.body).toEqual({ data: { subject: { leadership: [
      { leaderName: '张建国', startedOn: '2023-01-01', endedOn: '2026-02-28' }, { leaderName: '李明', startedOn: '2026-03-01', endedOn: null },
    ] } } });

    const input = { bodyUscc: BODY, counterpartyUscc: SME, kind: 'POLICY_PROMISE', title: '招商引资落户奖励500万元', amount: '500', promisedOn: '2025-05-01', dueOn: '2026-06-30' };
    const created = (await hub.query<{ recordCommitment: { id: string; version: number } }>(RECORD, { input }, office)).body.data!.recordCommitment;
    expect(created).toMatchObject({ status: 'PENDING', inherited: true, leaderWhenPromised: '张建国', leaderWhenDue: '李明', brokenOn: null, dishonestyRecordId: null });

    expect(codeOf((await hub.query(DECLARE, { id: created.id, v: created.version })).body)).toBe('FORBIDDEN');
    const refused = await hub.query(DECLARE, { id: created.id, v: created.version }, bidding);
    expect(refused.body.errors![0]!.message).toMatch(/^Access to Mutation\.declareCommitmentBroken refused/);

    const before = await ledgerCount();
    const both = await Promise.all([1, 2].map(() => hub.query<{ declareCommitmentBroken: { dishonestyRecordId: string } }>(DECLARE, { id: created.id, v: created.version }, office)));
    expect(both.map((r) => codeOf(r.body)).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await ledgerCount()).toBe(before + 2);
    const declared = both.find((r) => codeOf(r.body) === 'OK')!.body.data!.declareCommitmentBroken;
    expect(declared).toEqual({
      id: created.id, status: 'BROKEN', version: 2, inherited: true, leaderWhenPromised: '张建国', leaderWhenDue: '李明', brokenOn: TODAY,
      brokenReason: '招商引资奖励逾期一年未兑现，经核查属实', dishonestyRecordId: declared.dishonestyRecordId,
    });

    // The public sees the record in the body's archive, with its window (3 years, GOVERNMENT-DISHONESTY-2020).
    const RECORDS = `{ subject(uscc: "${BODY}") { creditRecords(first: 10) { edges { node { id kind title content legalBasis decisionDate status underObjection catalogItem { code } publicity { start minimumEnd end ruleVersion } } } } } }`;
    const archive = await hub.query<{ subject: { creditRecords: { edges: { node: Record<string, unknown> }[] } } }>(RECORDS);
    expect(archive.body).toEqual({ data: { subject: { creditRecords: { edges: [{ node: {
      id: declared.dishonestyRecordId, kind: 'GOVERNMENT_DISHONESTY', title: '未履行政策承诺：招商引资落户奖励500万元',
      content: '招商引资奖励逾期一年未兑现，经核查属实；承诺由前任负责人张建国作出，现任负责人李明未履行（新官不理旧账）',
      legalBasis: '《优化营商环境条例》第三十一条', decisionDate: TODAY, status: 'IN_PUBLICITY', underObjection: false, catalogItem: { code: 'SZ-ZWSX-FGW-001' },
      publicity: { start: TODAY, minimumEnd: null, end: '2029-11-30', ruleVersion: 'GOVERNMENT-DISHONESTY-2020' },
    } }] } } } });

    const objection = await hub.query<{ fileObjection: { state: string } }>(
      `mutation ($input: FileObjectionInput!) { fileObjection(uscc: "${BODY}", input: $input) { state } }`,
      { input: { recordId: declared.dishonestyRecordId, ground: 'ERROR_OR_OMISSION', statement: '奖励已于2026年7月部分兑现，记录遗漏', evidence: ['深汕招商〔2026〕12号'] } }, bodyItself);
    expect(objection.body).toEqual({ data: { fileObjection: { state: 'ACCEPTED' } } });
    const marked = await hub.query<{ subject: { creditRecords: { edges: { node: { status: string; underObjection: boolean } }[] } } }>(
      `{ subject(uscc: "${BODY}") { creditRecords(first: 10) { edges { node { status underObjection } } } } }`);
    expect(marked.body.data!.subject.creditRecords.edges).toEqual([{ node: { status: 'UNDER_OBJECTION', underObjection: true } }]);

    const alerts = await hub.query<{ integrityAlerts: { kind: string; bodyUscc: string; recordId: string }[] }>('{ integrityAlerts(kind: COMMITMENT_BROKEN) { kind bodyUscc recordId } }', undefined, office);
    expect(alerts.body.data!.integrityAlerts).toContainEqual({ kind: 'COMMITMENT_BROKEN', bodyUscc: BODY, recordId: declared.dishonestyRecordId });
  });

  it('a public institution (12…) owes a promise too, and one kept by the leader who made it is not inherited', async () => {
    const input = { bodyUscc: INSTITUTION, counterpartyUscc: SME, kind: 'CONTRACT', title: '实验室托管服务合同', amount: '30', promisedOn: '2026-01-10', dueOn: '2026-12-31' };
    const { body } = await hub.query<{ recordCommitment: Record<string, unknown> }>(RECORD, { input }, office);
    expect(body.data!.recordCommitment).toMatchObject({ status: 'PENDING', inherited: false, leaderWhenPromised: null, leaderWhenDue: null });
  });

  it('an overdue SME payment accrues interest day by day across the National Day holiday, on what is outstanding after a part paid', async () => {
    const input = { bodyUscc: INSTITUTION, counterpartyUscc: SME, counterpartySme: true, kind: 'PAYMENT', title: '深汕海洋监测浮标采购款', amount: '100', promisedOn: '2026-08-01', deliveredOn: '2026-08-29' };
    const created = (await hub.query<{ recordCommitment: { id: string; version: number } }>(
      'mutation ($input: CommitmentInput!) { recordCommitment(input: $input) { id version dueOn } }', { input }, office)).body.data!.recordCommitment;
    expect(created).toMatchObject({ dueOn: '2026-09-28' });
    const [paid, late] = await Promise.all([1, 2].map(() => hub.query(PAY, { id: created.id, on: '2026-09-30', amount: '40', v: created.version }, office)));
    expect([codeOf(paid!.body), codeOf(late!.body)].sort()).toEqual(['CONFLICT', 'OK']);
    const tooMuch = await hub.query(PAY, { id: created.id, on: '2026-10-09', amount: '70', v: created.version + 1 }, office);
    expect(tooMuch.body.errors![0]).toMatchObject({ message: 'amount: must be at most what is outstanding, 60 万元, got 70', extensions: { code: 'BAD_USER_INPUT' } });

    // The term is 30 calendar days (Order 802 art. 9; commitment-rules.json), so interest runs every calendar day,
    // holidays included: 0.05 % a day on 100 万元 until the part paid on 30 September, then on the 60 outstanding.
    const days = ['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'];
    const seen = [];
    for (const asOf of days) {
      const { body } = await hub.query<{ smeArrears: { edges: { node: Record<string, unknown> }[] } }>(ARREARS, { filter: { bodyUscc: INSTITUTION, asOf } });
      expect(body.errors).toBeUndefined();
      seen.push(body.data!.smeArrears.edges.map((e) => e.node));
    }
    const node = (asOf: string, outstandingAmount: string, daysOverdue: number, overdueInterest: string) => [{
      asOf, outstandingAmount, daysOverdue, overdueInterest, commitment: { title: '深汕海洋监测浮标采购款', dueOn: '2026-09-28' },
    }];
    expect(seen).toEqual([
      node('2026-09-29', '100', 1, '0.05'), node('2026-09-30', '60', 2, '0.1'),
      node('2026-10-01', '60', 3, '0.13'), node('2026-10-02', '60', 4, '0.16'), node('2026-10-03', '60', 5, '0.19'), node('2026-10-04', '60', 6, '0.22'),
      node('2026-10-05', '60', 7, '0.25'), node('2026-10-06', '60', 8, '0.28'), node('2026-10-07', '60', 9, '0.31'), node('2026-10-08', '60', 10, '0.34'),
    ]);
    const calendar = await hub.query<{ workingCalendar: { daysOff: { date: string }[] } }>('{ workingCalendar(year: 2026) { daysOff { date } } }');
    const daysOff = new Set(calendar.body.data!.workingCalendar.daysOff.map((d) => d.date));
    expect(days.filter((d) => daysOff.has(d))).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);

    const settled = await hub.query(PAY, { id: created.id, on: '2026-10-09', amount: '60', v: created.version + 1 }, office);
    expect(settled.body).toEqual({ data: { recordCommitmentPayment: { status: 'FULFILLED', outstandingAmount: '0', version: created.version + 2 } } });
    const after = await hub.query(ARREARS, { filter: { bodyUscc: INSTITUTION, asOf: '2026-10-10' } });
    expect(after.body).toEqual({ data: { smeArrears: { totalCount: 0, edges: [] } } });
    const total = await hub.query(`{ subject(uscc: "${INSTITUTION}") { ... on PublicInstitution { commitments(status: FULFILLED) { overdueInterest payments { paidOn amount } } } } }`);
    // 40 × 0.0005 × 2 + 60 × 0.0005 × 11 = 0.04 + 0.33.
    expect(total.body).toEqual({ data: { subject: { commitments: [{ overdueInterest: '0.37', payments: [{ paidOn: '2026-09-30', amount: '40' }, { paidOn: '2026-10-09', amount: '60' }] }] } } });
  });

  it('takes arrears from a finance system idempotently, reporting each row with the field to fix, and lists them by district', async () => {
    const row = {
      sourceKey: 'GK-2026-000731', payerUscc: OTHER_BODY, smeUscc: SME, title: '深汕道路养护结算款', amount: '250.5', contractDate: '2026-03-01',
      deliveredOn: '2026-07-15', termRunsFrom: 'SETTLEMENT', settledOn: '2026-08-10', termDays: 45, payments: [{ paidOn: '2026-10-12', amount: '100' }],
    };
    const bad = { ...row, sourceKey: 'GK-2026-000732', termDays: 90, payerUscc: SME };
    const input = { sourceSystem: '深汕合作区财政国库集中支付系统', rows: [row, bad, { ...row, deliveredOn: '15.07.2026', sourceKey: 'GK-2026-000733' }] };
    const first = await hub.query(ARREARS_FEED, { input }, office);
    expect(first.body).toEqual({ data: { ingestSmeArrears: {
      total: 3, accepted: 1, updated: 0, unchanged: 0, rejected: 2, rows: [
        { rowNumber: 1, status: 'ACCEPTED', key: 'GK-2026-000731', errors: [] },
        { rowNumber: 2, status: 'REJECTED', key: 'GK-2026-000732', errors: [{ field: 'payerUscc', message: `${SME} is not a payer under SME-PAYMENT-2025 (USCC 11… or 12…)` }] },
        { rowNumber: 3, status: 'REJECTED', key: 'GK-2026-000733', errors: [{ field: 'deliveredOn', message: 'must be a date YYYY-MM-DD, got "15.07.2026"' }] },
      ],
    } } });
    const term = await hub.query<{ ingestSmeArrears: { rows: { errors: { field: string; message: string }[] }[] } }>(ARREARS_FEED, { input: { ...input, rows: [{ ...row, sourceKey: 'GK-2026-000734', termDays: 90 }] } }, office);
    expect(term.body.data!.ingestSmeArrears.rows[0]!.errors).toEqual([{ field: 'termDays', message: 'must be 1 to 60 days: payments to SMEs are due within 60 days at most (保障中小企业款项支付条例, art. 9 (交付之日)), got 90' }]);
    const resend = await hub.query<{ ingestSmeArrears: { unchanged: number } }>(ARREARS_FEED, { input: { ...input, rows: [row] } }, office);
    expect(resend.body.data!.ingestSmeArrears).toMatchObject({ total: 1, unchanged: 1, accepted: 0, updated: 0 });
    const changed = await hub.query(ARREARS_FEED, { input: { ...input, rows: [{ ...row, payments: [...row.payments, { paidOn: '2026-11-02', amount: '50.5' }] }] } }, office);
    expect(changed.body).toMatchObject({ data: { ingestSmeArrears: { updated: 1, rows: [{ status: 'UPDATED', key: 'GK-2026-000731', errors: [] }] } } });

    // Due 2026-08-10 + 45 = 2026-09-24; on 2026-11-30: 0.0005 × (100 × 18 days to the first part + 50.5 × 39 to the second + 100 × 67 still owed).
    const listed = await hub.query(ARREARS, { filter: { districtCode: '4403SS', asOf: TODAY } });
    expect(listed.body).toEqual({ data: { smeArrears: { totalCount: 1, edges: [{ node: {
      asOf: TODAY, outstandingAmount: '100', daysOverdue: 67, overdueInterest: '5.23475', commitment: { title: '深汕道路养护结算款', dueOn: '2026-09-24' },
    } }] } } });
    expect(codeOf((await hub.query(ARREARS_FEED, { input }, bidding)).body)).toBe('FORBIDDEN');
  });

  describe('every change is the credit office\'s, one ledger entry per call', () => {
    const MUTATIONS: [string, string, Record<string, unknown>][] = [
      ['declareCommitmentBroken', DECLARE, { id: '1', v: 1 }],
      ['recordLeadershipChange', LEADER, { input: { bodyUscc: BODY, leaderName: '赵六', post: '局长', startedOn: '2026-11-01' } }],
      ['recordCommitmentPayment', PAY, { id: '1', on: '2026-11-01', amount: '1', v: 1 }],
      ['ingestSmeArrears', ARREARS_FEED, { input: { sourceSystem: '测试财务系统', rows: [{ sourceKey: 'X-1' }] } }],
      ['ingestDefaulterList', DEFAULTERS, { input: { court: BODY, rows: [{ action: 'DELETION', caseNumber: '（2026）粤0305执1号', deletedOn: '2026-11-01' }] } }],
    ];
    it.each(MUTATIONS)('refuses %s to the public, a bidding system, an auditor and a source unit', async (_name, document, variables) => {
      const callers = [undefined, bidding, auditor, sourceUnit];
      for (const headers of callers) {
        const before = await ledgerCount();
        const { body } = await hub.query(document, variables, headers);
        expect(codeOf(body)).toBe('FORBIDDEN');
        expect(await ledgerCount()).toBe(before + 1);
      }
    });
  });

  it('two batches of the court with the same new listing at once: one stores it, the other is CONFLICT and stores nothing', async () => {
    const row = { action: 'LISTING', caseNumber: '（2026）粤0305执7101号', subjectUscc: BODY, listedOn: '2026-11-02', conduct: 'VIOLATES_PROPERTY_REPORTING' };
    const both = await Promise.all([1, 2].map(() => hub.query<{ ingestDefaulterList: { accepted: number; unchanged: number } }>(DEFAULTERS, { input: { court, rows: [row] } }, office)));
    const outcomes = both.map((r) => (r.body.errors ? r.body.errors[0]!.extensions!.code : r.body.data!.ingestDefaulterList.accepted === 1 ? 'ACCEPTED' : 'UNCHANGED')).sort();
    // The second waits for the first: it either finds the listing stored (UNCHANGED) or collides with it (CONFLICT).
    expect(outcomes[0]).toBe('ACCEPTED');
    expect(['CONFLICT', 'UNCHANGED']).toContain(outcomes[1]);
    const cases = await hub.hub.knex('enforcement_cases').where({ case_number: row.caseNumber }).count({ n: '*' });
    expect(Number((cases[0] as { n: string }).n)).toBe(1);
  });

  it('a court listing of a government body opens an enforcement case with a deadline to notify its superior, alerts the office and counts against zero growth; the deletion closes it', async () => {
    const listing = { action: 'LISTING', caseNumber: '(2026)粤0305执7001号', subjectUscc: OTHER_BODY, listedOn: '2026-09-30', conduct: 'HAS_ABILITY_BUT_REFUSES', obligation: '支付征收补偿款1200000元', amount: '120' };
    const wrong = { action: 'LISTING', caseNumber: '2026-粤0305-执7002', subjectUscc: OTHER_BODY, listedOn: '2026-10-09', conduct: 'LATE' };
    const { body } = await hub.query(DEFAULTERS, { input: { court, rows: [listing, wrong] } }, office);
    expect(body).toEqual({ data: { ingestDefaulterList: { total: 2, accepted: 1, updated: 0, unchanged: 0, rejected: 1, rows: [
      { rowNumber: 1, status: 'ACCEPTED', key: '（2026）粤0305执7001号', errors: [] },
      { rowNumber: 2, status: 'REJECTED', key: '2026-粤0305-执7002', errors: [
        { field: 'caseNumber', message: '"2026-粤0305-执7002" is not an enforcement case number in the courts\' form, e.g. （2026）粤0305执1234号' },
        { field: 'conduct', message: 'must be one of HAS_ABILITY_BUT_REFUSES, OBSTRUCTS_ENFORCEMENT, EVADES_ENFORCEMENT, VIOLATES_PROPERTY_REPORTING, VIOLATES_CONSUMPTION_RESTRICTION, BREACHES_SETTLEMENT, got "LATE"' },
      ] },
    ] } } });
    const resend = await hub.query<{ ingestDefaulterList: { unchanged: number } }>(DEFAULTERS, { input: { court, rows: [listing] } }, office);
    expect(resend.body.data!.ingestDefaulterList).toMatchObject({ unchanged: 1, accepted: 0 });

    const CASES = `{ subject(uscc: "${OTHER_BODY}") { ... on GovernmentBody { enforcementCases { caseNumber status filedOn closedOn conduct notificationDueOn notificationRule amount } } } }`;
    // Five working days from 30 September: the National Day week does not count, Saturday 10 October (调休) does.
    expect((await hub.query(CASES)).body).toEqual({ data: { subject: { enforcementCases: [{
      caseNumber: '（2026）粤0305执7001号', status: 'OPEN', filedOn: '2026-09-30', closedOn: null, conduct: 'HAS_ABILITY_BUT_REFUSES',
      notificationDueOn: '2026-10-13', notificationRule: 'DEFAULTER-LIST-2020', amount: '120',
    }] } } });
    const alerts = await hub.query<{ integrityAlerts: { kind: string; bodyUscc: string; dueOn: string }[] }>('{ integrityAlerts(kind: DEFAULTER_LISTED) { kind bodyUscc dueOn } }', undefined, office);
    expect(alerts.body.data!.integrityAlerts).toContainEqual({ kind: 'DEFAULTER_LISTED', bodyUscc: OTHER_BODY, dueOn: '2026-10-13' });
    expect(codeOf((await hub.query('{ integrityAlerts { id } }', undefined, bidding)).body)).toBe('FORBIDDEN');

    const deletion = { action: 'DELETION', caseNumber: '（2026）粤0305执7001号', deletedOn: '2026-10-20' };
    const deleted = await hub.query<{ ingestDefaulterList: { updated: number } }>(DEFAULTERS, { input: { court, rows: [deletion] } }, office);
    expect(deleted.body.data!.ingestDefaulterList).toMatchObject({ updated: 1, rejected: 0 });
    expect((await hub.query(CASES)).body).toMatchObject({ data: { subject: { enforcementCases: [{ status: 'CLOSED', closedOn: '2026-10-20' }] } } });
    const record = await hub.query(`{ subject(uscc: "${OTHER_BODY}") { creditRecords(first: 5, filter: { kinds: [JUDGMENT_DEFAULTER] }) { edges { node { documentNumber status publicity { start end } } } } } }`, undefined, office);
    expect(record.body).toEqual({ data: { subject: { creditRecords: { edges: [{ node: {
      documentNumber: '（2026）粤0305执7001号', status: 'EXPIRED', publicity: { start: '2026-09-30', end: '2026-10-20' },
    } }] } } } });

    const indicator = await hub.query('{ enforcementIndicator(from: "2026-09", to: "2026-10", districtCode: "4403SS") { month newListings newlyListedBodies zeroGrowth filed closed openAtEnd } }');
    expect(indicator.body).toEqual({ data: { enforcementIndicator: [
      { month: '2026-09', newListings: 1, newlyListedBodies: 1, zeroGrowth: false, filed: 1, closed: 0, openAtEnd: 1 },
      { month: '2026-10', newListings: 0, newlyListedBodies: 0, zeroGrowth: true, filed: 0, closed: 1, openAtEnd: 0 },
    ] } });
    expect(codeOf((await hub.query(DEFAULTERS, { input: { court, rows: [listing] } })).body)).toBe('FORBIDDEN');
  });
});
