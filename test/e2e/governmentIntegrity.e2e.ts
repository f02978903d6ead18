import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { todayInShanghai } from '../../src/credit/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const NANSHAN = '11440305003219403F';
const ENTERPRISE = '91440300MA5E9NHA04';
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const RECORD = `mutation ($input: CommitmentInput!) { recordCommitment(input: $input) { id dueOn status overdue daysOverdue version } }`;
const PAYMENT_FIELDS = 'bodyUscc counterpartySme termRunsFrom paymentTermDays dueOn paymentRule overdueInterestDailyRate overdueInterestRateAgreed overdueInterest status';
const RECORD_PAYMENT = `mutation ($input: CommitmentInput!) { recordCommitment(input: $input) { id version ${PAYMENT_FIELDS} } }`;
const FULFIL_PAYMENT = `mutation ($id: ID!, $on: Date!, $v: Int!) { fulfilCommitment(id: $id, fulfilledOn: $on, version: $v) { ${PAYMENT_FIELDS} } }`;
// Organisations this file owns, in Dapeng New Area (local code 4403DP), where the sample data has none.
const DAPENG_BODY = makeUscc('11', '440300', 'TD000001');
const DAPENG_OTHER_BODY = makeUscc('11', '440300', 'TD000002');
const DAPENG_INSTITUTION = makeUscc('12', '440300', 'TD000003');
const FULFIL = 'mutation ($id: ID!, $on: Date!, $v: Int!) { fulfilCommitment(id: $id, fulfilledOn: $on, version: $v) { status version } }';

describe.each(TEST_DATABASES)('government integrity over HTTP on $name', (database) => {
  let hub: TestHub;
  let office: Record<string, string>;
  let bidding: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(database);
    const keys = await createTestConsumers(hub.hub.knex);
    office = asConsumer(keys.admin, 'SUPERVISION', '深信办〔2026〕17号');
    bidding = asConsumer(keys.bidding, 'BIDDING');
    await hub.hub.knex('organisations').insert([
      { uscc: DAPENG_BODY, name: '深圳市大鹏新区测试管理局', district_code: '4403DP', established_on: '2011-12-30' },
      { uscc: DAPENG_OTHER_BODY, name: '深圳市大鹏新区测试办公室', district_code: '4403DP', established_on: '2011-12-30' },
      { uscc: DAPENG_INSTITUTION, name: '深圳市大鹏新区测试服务中心', district_code: '4403DP', established_on: '2012-06-01' },
    ]);
  });
  afterAll(async () => hub?.close());

  it('tracks a payment owed to an enterprise: due 30 days after delivery, overdue on the body for everyone to see', async () => {
    const input = { bodyUscc: NANSHAN, counterpartyUscc: ENTERPRISE, counterpartySme: true, kind: 'PAYMENT', title: '南山区智慧校园设备采购尾款', amount: '86.5', promisedOn: '2026-06-01', deliveredOn: '2026-09-01', leadershipChanged: true };
    const { body } = await hub.query<{ recordCommitment: { id: string; dueOn: string; overdue: boolean; daysOverdue: number } }>(RECORD, { input }, office);
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordCommitment).toMatchObject({ dueOn: '2026-10-01', status: 'PENDING', overdue: true, daysOverdue: days('2026-10-01', todayInShanghai()), version: 1 });
    const seen = await hub.query<{ subject: { commitments: { title: string; amount: string; overdue: boolean; leadershipChanged: boolean }[] } }>(
      `{ subject(uscc: "${NANSHAN}") { ... on GovernmentBody { commitments { title amount overdue leadershipChanged } } } }`);
    expect(seen.body.errors).toBeUndefined();
    // The sample data holds commitments of its own; this test's is the one with its title.
    expect(seen.body.data!.subject.commitments.filter((c) => c.title === '南山区智慧校园设备采购尾款'))
      .toEqual([{ title: '南山区智慧校园设备采购尾款', amount: '86.5', overdue: true, leadershipChanged: true }]);
    const overdue = await hub.query<{ overdueCommitments: { bodyUscc: string }[] }>('{ overdueCommitments(districtCode: "440305") { bodyUscc } }');
    expect(overdue.body.data!.overdueCommitments.map((c) => c.bodyUscc)).toContain(NANSHAN);
    const entry = await hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first();
    expect(entry).toMatchObject({ consumer_id: 'credit-office', purpose: 'SUPERVISION', fields_read: ['Mutation.recordCommitment'] });
  });

  it('refuses a payment term beyond 60 days, naming the field and the rule', async () => {
    const input = { bodyUscc: NANSHAN, kind: 'PAYMENT', counterpartySme: true, title: '超期付款约定', promisedOn: '2026-06-01', deliveredOn: '2026-09-01', paymentTermDays: 90 };
    const { body } = await hub.query(RECORD, { input }, office);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.paymentTermDays' } });
    expect(body.errors![0]!.message).toMatch(/^input\.paymentTermDays: must be 1 to 60 days/);
  });

  it('lets one of two officers fulfil a promise at once; the other gets CONFLICT, and a fulfilled promise stays fulfilled', async () => {
    const input = { bodyUscc: NANSHAN, kind: 'POLICY_PROMISE', title: '落户奖励资金兑现', promisedOn: '2026-03-01', dueOn: '2026-12-31' };
    const created = (await hub.query<{ recordCommitment: { id: string; version: number } }>(RECORD, { input }, office)).body.data!.recordCommitment;
    const results = await Promise.all([1, 2].map(() => hub.query(FULFIL, { id: created.id, on: '2026-11-20', v: created.version }, office)));
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const again = await hub.query(FULFIL, { id: created.id, on: '2026-11-21', v: 2 }, office);
    expect(again.body.errors![0]!.message).toBe(`commitment ${created.id} cannot go from FULFILLED to FULFILLED; from FULFILLED it may go to nothing (it is final)`);
  });

  it('keeps changes to the credit office: the public is refused at the gate, a bidding system by its grants (they name no such field)', async () => {
    const input = { bodyUscc: NANSHAN, kind: 'CONTRACT', title: '厂房租赁合同', promisedOn: '2026-01-01', dueOn: '2026-02-01' };
    expect((await hub.query(RECORD, { input })).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { body } = await hub.query(RECORD, { input }, bidding);
    expect(body.errors![0]!.message).toBe('Access to Mutation.recordCommitment refused: Mutation.recordCommitment is conditional (有条件共享); consumer bidding-system holds no grant for purpose BIDDING covering it');
  });

  it('tracks enforcement cases against a body to closure and counts them by month for its district', async () => {
    const record = 'mutation ($input: EnforcementCaseInput!) { recordEnforcementCase(input: $input) { id status } }';
    const INDICATOR = '{ enforcementIndicator(from: "2026-08", to: "2026-10", districtCode: "440305") { month filed closed openAtEnd } }';
    type Month = { month: string; filed: number; closed: number; openAtEnd: number };
    // The sample data has enforcement cases of its own in Nanshan: this test counts what its cases add.
    const before = (await hub.query<{ enforcementIndicator: Month[] }>(INDICATOR)).body.data!.enforcementIndicator;
    const first = (await hub.query<{ recordEnforcementCase: { id: string } }>(record, { input: { caseNumber: '(2026)粤0305执1001号', bodyUscc: NANSHAN, amount: '120', filedOn: '2026-08-10' } }, office)).body.data!.recordEnforcementCase;
    await hub.query(record, { input: { caseNumber: '(2026)粤0305执1002号', bodyUscc: NANSHAN, filedOn: '2026-09-05' } }, office);
    const duplicate = await hub.query(record, { input: { caseNumber: '(2026)粤0305执1001号', bodyUscc: NANSHAN, filedOn: '2026-08-10' } }, office);
    expect(duplicate.body.errors![0]!.message).toBe('input.caseNumber: case (2026)粤0305执1001号 is already recorded');
    await hub.query('mutation ($id: ID!) { notifySuperior(caseId: $id, superiorUscc: "114403000049454669", notifiedOn: "2026-08-20") { id } }', { id: first.id }, office);
    await hub.query('mutation ($id: ID!) { recordInterview(caseId: $id, heldOn: "2026-08-25", interviewer: "市信用办", summary: "约定九月底前履行完毕") { id } }', { id: first.id }, office);
    const closed = await hub.query('mutation ($id: ID!) { closeEnforcementCase(caseId: $id, closedOn: "2026-09-20") { status closedOn } }', { id: first.id }, office);
    expect(closed.body.data).toEqual({ closeEnforcementCase: { status: 'CLOSED', closedOn: '2026-09-20' } });
    const reclose = await hub.query('mutation ($id: ID!) { closeEnforcementCase(caseId: $id, closedOn: "2026-09-21") { status } }', { id: first.id }, office);
    expect(reclose.body.errors![0]!.message).toMatch(/cannot go from CLOSED to CLOSED/);
    // Cases are the notification and interview mechanism; zero growth itself is about defaulter listings (see below).
    const { body } = await hub.query<{ enforcementIndicator: Month[] }>(INDICATOR);
    const added = (m: Month, i: number) => ({ ...m, filed: m.filed - before[i]!.filed, closed: m.closed - before[i]!.closed, openAtEnd: m.openAtEnd - before[i]!.openAtEnd });
    expect(body.data!.enforcementIndicator.map(added)).toEqual([
      { month: '2026-08', filed: 1, closed: 0, openAtEnd: 1 },
      { month: '2026-09', filed: 1, closed: 1, openAtEnd: 1 },
      { month: '2026-10', filed: 0, closed: 0, openAtEnd: 1 },
    ]);
    const cases = await hub.query<{ subject: { enforcementCases: { caseNumber: string; superiorNotifiedOn: string | null; interviews: { summary: string }[] }[] } }>(
      `{ subject(uscc: "${NANSHAN}") { ... on GovernmentBody { enforcementCases { caseNumber superiorNotifiedOn interviews { summary } } } } }`);
    expect(cases.body.data!.subject.enforcementCases).toContainEqual({ caseNumber: '(2026)粤0305执1001号', superiorNotifiedOn: '2026-08-20', interviews: [{ summary: '约定九月底前履行完毕' }] });
  });

  it('takes a complaint from anyone and walks it through verification, in order', async () => {
    const filed = await hub.query<{ fileComplaint: { id: string } }>('mutation { fileComplaint(input: { bodyUscc: "11440305003219403F", channel: HOTLINE_12345, content: "承诺的人才住房补贴一年未兑现", complainantName: "王小明", complainantPhone: "13812345678" }) { id } }');
    expect(filed.body.errors).toBeUndefined();
    const id = filed.body.data!.fileComplaint.id;
    const advance = 'mutation ($id: ID!, $to: ComplaintStatus!, $outcome: String, $v: Int!) { advanceComplaint(id: $id, to: $to, outcome: $outcome, version: $v) { status outcome version } }';
    const skip = await hub.query(advance, { id, to: 'SUBSTANTIATED', outcome: '属实', v: 1 }, office);
    expect(skip.body.errors![0]!.message).toBe(`complaint ${id} cannot go from RECEIVED to SUBSTANTIATED; from RECEIVED it may go to VERIFYING`);
    expect((await hub.query(advance, { id, to: 'VERIFYING', v: 1 }, office)).body.data).toEqual({ advanceComplaint: { status: 'VERIFYING', outcome: null, version: 2 } });
    const done = await hub.query(advance, { id, to: 'SUBSTANTIATED', outcome: '情况属实，已督促区住建局十个工作日内兑现', v: 2 }, office);
    expect(done.body.data).toEqual({ advanceComplaint: { status: 'SUBSTANTIATED', outcome: '情况属实，已督促区住建局十个工作日内兑现', version: 3 } });
    const listed = await hub.query<{ integrityComplaints: { id: string; complainantName: string; complainantPhone: string }[] }>('{ integrityComplaints { id complainantName complainantPhone } }', undefined, office);
    expect(listed.body.data!.integrityComplaints).toContainEqual({ id, complainantName: '王小明', complainantPhone: '13812345678' });
    const refused = await hub.query('{ integrityComplaints { id } }', undefined, bidding);
    expect(refused.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
  describe('payments to SMEs (保障中小企业款项支付条例, State Council Order 802, in force 2025-06-01)', () => {
    it('art. 2, 10, 17: a public institution owes an SME 45 days after acceptance (验收), and pays statutory interest of 0.05 % a day when late', async () => {
      const input = { bodyUscc: DAPENG_INSTITUTION, counterpartyUscc: ENTERPRISE, counterpartySme: true, kind: 'PAYMENT', title: '海洋监测设备采购款', amount: '86.5',
        promisedOn: '2026-05-10', deliveredOn: '2026-06-01', termRunsFrom: 'ACCEPTANCE', acceptedOn: '2026-06-16', paymentTermDays: 45 };
      const created = await hub.query<{ recordCommitment: { id: string; version: number } }>(RECORD_PAYMENT, { input }, office);
      expect(created.body.errors).toBeUndefined();
      const { id, version } = created.body.data!.recordCommitment;
      const paid = await hub.query(FULFIL_PAYMENT, { id, on: '2026-08-20', v: version }, office);
      // Due 2026-06-16 + 45 days = 2026-07-31; paid 20 days late: 86.5 万元 × 0.0005 × 20 = 0.865 万元.
      expect(paid.body).toEqual({ data: { fulfilCommitment: {
        bodyUscc: DAPENG_INSTITUTION, counterpartySme: true, termRunsFrom: 'ACCEPTANCE', paymentTermDays: 45, dueOn: '2026-07-31', paymentRule: 'SME-PAYMENT-2025',
        overdueInterestDailyRate: '0.0005', overdueInterestRateAgreed: false, overdueInterest: '0.865', status: 'FULFILLED',
      } } });
      const seen = await hub.query<{ subject: { commitments: { title: string; overdueInterest: string }[] } }>(
        `{ subject(uscc: "${DAPENG_INSTITUTION}") { ... on PublicInstitution { commitments { title overdueInterest } } } }`);
      expect(seen.body).toEqual({ data: { subject: { commitments: [{ title: '海洋监测设备采购款', overdueInterest: '0.865' }] } } });
    });

    it('art. 10, 17: a term from the confirmed settlement (结算) at an agreed daily rate; paid on time owes no interest', async () => {
      const input = { bodyUscc: NANSHAN, counterpartyUscc: ENTERPRISE, counterpartySme: true, kind: 'PAYMENT', title: '道路养护第三季度结算款', amount: '33.3333',
        promisedOn: '2026-01-05', termRunsFrom: 'SETTLEMENT', settledOn: '2026-10-09', agreedDailyInterestRate: '0.0003' };
      const { id, version } = (await hub.query<{ recordCommitment: { id: string; version: number } }>(RECORD_PAYMENT, { input }, office)).body.data!.recordCommitment;
      const late = await hub.query(FULFIL_PAYMENT, { id, on: '2026-11-15', v: version }, office);
      // Due 2026-10-09 + 30 = 2026-11-08; 7 days late: 33.3333 × 0.0003 × 7 = 0.06999993 → 0.07 万元 (to the fen).
      expect(late.body).toEqual({ data: { fulfilCommitment: {
        bodyUscc: NANSHAN, counterpartySme: true, termRunsFrom: 'SETTLEMENT', paymentTermDays: 30, dueOn: '2026-11-08', paymentRule: 'SME-PAYMENT-2025',
        overdueInterestDailyRate: '0.0003', overdueInterestRateAgreed: true, overdueInterest: '0.07', status: 'FULFILLED',
      } } });
    });

    it('Order 728 art. 8 applies to a contract signed before 2025-06-01; a payment to a large enterprise keeps its own due date and bears no statutory interest', async () => {
      const older = { bodyUscc: NANSHAN, counterpartyUscc: ENTERPRISE, counterpartySme: true, kind: 'PAYMENT', title: '2024年办公家具采购款', amount: '10', promisedOn: '2024-03-01', deliveredOn: '2024-04-01' };
      const a = await hub.query<{ recordCommitment: { paymentRule: string; dueOn: string } }>(RECORD_PAYMENT, { input: older }, office);
      expect(a.body.data!.recordCommitment).toMatchObject({ paymentRule: 'SME-PAYMENT-2020', dueOn: '2024-05-01', termRunsFrom: 'DELIVERY', paymentTermDays: 30 });
      const large = { bodyUscc: NANSHAN, counterpartyUscc: ENTERPRISE, counterpartySme: false, kind: 'PAYMENT', title: '大型企业设备款', amount: '10', promisedOn: '2026-03-01', dueOn: '2026-12-31' };
      const b = await hub.query<{ recordCommitment: Record<string, unknown> }>(RECORD_PAYMENT, { input: large }, office);
      expect(b.body.data!.recordCommitment).toMatchObject({ counterpartySme: false, paymentRule: null, termRunsFrom: null, paymentTermDays: null, dueOn: '2026-12-31',
        overdueInterestDailyRate: null, overdueInterestRateAgreed: false, overdueInterest: null });
    });

    it.each([
      [{ counterpartySme: undefined }, 'input.counterpartySme', /^input\.counterpartySme: a payment must say whether the counterparty is a small or medium-sized enterprise \(中小企业\)/],
      [{ termRunsFrom: 'ACCEPTANCE' }, 'input.acceptedOn', /^input\.acceptedOn: required: the term runs from acceptance \(art\. 10/],
      [{ counterpartySme: false }, 'input.dueOn', /^input\.dueOn: required: no statutory term applies/],
      [{ agreedDailyInterestRate: '1.5' }, 'input.agreedDailyInterestRate', /^input\.agreedDailyInterestRate: must be a daily rate above 0 and below 1/],
      [{ kind: 'CONTRACT', bodyUscc: ENTERPRISE, dueOn: '2026-12-31' }, 'input.bodyUscc', /^input\.bodyUscc: 91440300MA5E9NHA04 is neither a government body nor a public institution \(its USCC does not start with 11 or 12\)$/],
    ])('refuses %j, naming %s', async (change, field, message) => {
      const input = { bodyUscc: NANSHAN, counterpartySme: true, kind: 'PAYMENT', title: '校验用付款', amount: '1', promisedOn: '2026-06-01', deliveredOn: '2026-07-01', ...change };
      const { body } = await hub.query(RECORD, { input }, office);
      expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: field } });
      expect(body.errors![0]!.message).toMatch(message);
    });
  });

  describe('zero growth of Party and government organs on the judgment-defaulter list (guiding opinion 三.4)', () => {
    it('counts new JUDGMENT_DEFAULTER listings of organs (11…) per month in Dapeng New Area (4403DP); public institutions (12…) are shown, not counted', async () => {
      const item = await hub.hub.knex('catalog_items').where({ code: 'SZ-SXBZX-ZY-001' }).first('source_unit_uscc');
      const listing = (subject: string, n: number, on: string) => ({
        kind: 'JUDGMENT_DEFAULTER', subject_uscc: subject, authority_uscc: item.source_unit_uscc, source_unit_uscc: item.source_unit_uscc,
        catalog_item_code: 'SZ-SXBZX-ZY-001', document_number: `(2026)粤0307执${9000 + n}号`, title: '被纳入失信被执行人名单', decision_date: on,
        governance_field: 'JUDGMENT_NON_ENFORCEMENT', severity: 'GENERAL', status: 'IN_PUBLICITY',
      });
      await hub.hub.knex('credit_records').insert([
        listing(DAPENG_BODY, 1, '2026-03-05'), listing(DAPENG_BODY, 2, '2026-03-20'),
        listing(DAPENG_INSTITUTION, 3, '2026-04-02'), listing(DAPENG_OTHER_BODY, 4, '2026-05-10'),
      ]);
      const { body } = await hub.query('{ enforcementIndicator(from: "2026-03", to: "2026-05", districtCode: "4403DP") { month districtCode newListings newlyListedBodies newInstitutionListings zeroGrowth ruleVersion filed closed openAtEnd } }');
      const month = (m: string, newListings: number, bodies: number, institutions: number) => ({
        month: m, districtCode: '4403DP', newListings, newlyListedBodies: bodies, newInstitutionListings: institutions, zeroGrowth: newListings === 0,
        ruleVersion: 'ZERO-GROWTH-2020', filed: 0, closed: 0, openAtEnd: 0,
      });
      expect(body).toEqual({ data: { enforcementIndicator: [month('2026-03', 2, 1, 0), month('2026-04', 0, 0, 1), month('2026-05', 1, 1, 0)] } });
    });

    it.each([
      ['{ enforcementIndicator(from: "2026-01", to: "2026-02", districtCode: "440399") { month } }', 'districtCode', /^districtCode: "440399" is not a Shenzhen area code; use a district's GB\/T 2260 code such as 440305 \(Nanshan\) or a functional area's local code such as 4403DP/],
      ['{ enforcementIndicator(from: "2019-01", to: "2019-12") { month } }', 'from', /^from: the zero-growth target starts with the policy of 2020-10-29 .*; use 2020-10 or later$/],
      ['{ overdueCommitments(districtCode: "4403XX") { id } }', 'districtCode', /^districtCode: "4403XX" is not a Shenzhen area code/],
    ])('refuses %s, naming %s', async (query, field, message) => {
      const { body } = await hub.query(query);
      expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: field } });
      expect(body.errors![0]!.message).toMatch(message);
    });
  });

  it('lists the city, its nine districts (GB/T 2260) and three functional areas with local codes, and accepts a local code as a filter (DOMAIN §1.5)', async () => {
    const { body } = await hub.query('{ districts { code nameZh areaType localCode } }');
    const area = (code: string, nameZh: string, areaType: string, localCode = false) => ({ code, nameZh, areaType, localCode });
    expect(body).toEqual({ data: { districts: [
      area('440300', '深圳市', 'CITY'), area('440303', '罗湖区', 'DISTRICT'), area('440304', '福田区', 'DISTRICT'), area('440305', '南山区', 'DISTRICT'),
      area('440306', '宝安区', 'DISTRICT'), area('440307', '龙岗区', 'DISTRICT'), area('440308', '盐田区', 'DISTRICT'), area('440309', '龙华区', 'DISTRICT'),
      area('440310', '坪山区', 'DISTRICT'), area('440311', '光明区', 'DISTRICT'), area('440313', '前海', 'FUNCTIONAL_AREA', true),
      area('4403DP', '大鹏新区', 'FUNCTIONAL_AREA', true), area('4403SS', '深汕特别合作区', 'FUNCTIONAL_AREA', true),
    ] } });
    const filtered = await hub.query('{ creditRecords(first: 5, filter: { districts: ["4403SS"] }) { totalCount } }');
    expect(filtered.body).toEqual({ data: { creditRecords: { totalCount: 0 } } });
  });

  it('names the 19 special-governance fields in the policy\'s own wording (guiding opinion 三.5)', async () => {
    const { body } = await hub.query<{ governanceFields: { number: number; nameZh: string }[] }>('{ governanceFields { number nameZh } }');
    expect(body.data!.governanceFields.map((f) => `${f.number} ${f.nameZh}`)).toEqual([
      '1 电信网络诈骗', '2 互联网虚假信息、造谣传谣', '3 涉金融领域失信问题和互联网金融风险', '4 生态环境保护失信行为', '5 扶贫脱贫失信问题',
      '6 非法行医，医疗欺诈', '7 假药问题', '8 拖欠工资问题', '9 “不合理低价游”', '10 逃税骗税和“假发票”问题', '11 法院判决不执行问题',
      '12 交通运输失信问题', '13 论文造假、考试作弊', '14 骗取保险问题', '15 非法社会组织', '16 慈善捐助失信问题',
      '17 营业性演出市场虚假宣传及炒票问题', '18 “假彩票”问题', '19 假球黑哨、使用兴奋剂问题',
    ]);
  });
});
