import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/credit/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const NANSHAN = '11440305003219403F';
const ENTERPRISE = '91440300MA5E9NHA04';
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const RECORD = `mutation ($input: CommitmentInput!) { recordCommitment(input: $input) { id dueOn status overdue daysOverdue version } }`;
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
  });
  afterAll(async () => hub?.close());

  it('tracks a payment owed to an enterprise: due 30 days after delivery, overdue on the body for everyone to see', async () => {
    const input = { bodyUscc: NANSHAN, counterpartyUscc: ENTERPRISE, kind: 'PAYMENT', title: '南山区智慧校园设备采购尾款', amount: '86.5', promisedOn: '2026-06-01', deliveredOn: '2026-09-01', leadershipChanged: true };
    const { body } = await hub.query<{ recordCommitment: { id: string; dueOn: string; overdue: boolean; daysOverdue: number } }>(RECORD, { input }, office);
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordCommitment).toMatchObject({ dueOn: '2026-10-01', status: 'PENDING', overdue: true, daysOverdue: days('2026-10-01', todayInShanghai()), version: 1 });
    const seen = await hub.query<{ subject: { commitments: { title: string; amount: string; overdue: boolean; leadershipChanged: boolean }[] } }>(
      `{ subject(uscc: "${NANSHAN}") { ... on GovernmentBody { commitments { title amount overdue leadershipChanged } } } }`);
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data!.subject.commitments).toEqual([{ title: '南山区智慧校园设备采购尾款', amount: '86.5', overdue: true, leadershipChanged: true }]);
    const overdue = await hub.query<{ overdueCommitments: { bodyUscc: string }[] }>('{ overdueCommitments(districtCode: "440305") { bodyUscc } }');
    expect(overdue.body.data!.overdueCommitments.map((c) => c.bodyUscc)).toContain(NANSHAN);
    const entry = await hub.hub.knex('audit_ledger').orderBy('seq', 'desc').first();
    expect(entry).toMatchObject({ consumer_id: 'credit-office', purpose: 'SUPERVISION', fields_read: ['Mutation.recordCommitment'] });
  });

  it('refuses a payment term beyond 60 days, naming the field and the rule', async () => {
    const input = { bodyUscc: NANSHAN, kind: 'PAYMENT', title: '超期付款约定', promisedOn: '2026-06-01', deliveredOn: '2026-09-01', paymentTermDays: 90 };
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

  it('keeps changes to the credit office: the public is refused at the gate, a bidding system by its role', async () => {
    const input = { bodyUscc: NANSHAN, kind: 'CONTRACT', title: '厂房租赁合同', promisedOn: '2026-01-01', dueOn: '2026-02-01' };
    expect((await hub.query(RECORD, { input })).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { body } = await hub.query(RECORD, { input }, bidding);
    expect(body.errors![0]!.message).toBe('Recording a commitment needs one of the roles CREDIT_OFFICE_ADMIN; consumer bidding-system (BIDDING_SYSTEM) has none of them');
  });

  it('tracks enforcement cases against a body to closure and reports zero growth by month for its district', async () => {
    const record = 'mutation ($input: EnforcementCaseInput!) { recordEnforcementCase(input: $input) { id status } }';
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
    const { body } = await hub.query<{ enforcementIndicator: unknown[] }>('{ enforcementIndicator(from: "2026-08", to: "2026-10", districtCode: "440305") { month filed closed openAtEnd growth zeroGrowth } }');
    expect(body.data!.enforcementIndicator).toEqual([
      { month: '2026-08', filed: 1, closed: 0, openAtEnd: 1, growth: 1, zeroGrowth: false },
      { month: '2026-09', filed: 1, closed: 1, openAtEnd: 1, growth: 0, zeroGrowth: true },
      { month: '2026-10', filed: 0, closed: 0, openAtEnd: 1, growth: 0, zeroGrowth: true },
    ]);
    const cases = await hub.query<{ subject: { enforcementCases: { caseNumber: string; superiorNotifiedOn: string | null; interviews: { summary: string }[] }[] } }>(
      `{ subject(uscc: "${NANSHAN}") { ... on GovernmentBody { enforcementCases { caseNumber superiorNotifiedOn interviews { summary } } } } }`);
    expect(cases.body.data!.subject.enforcementCases).toContainEqual({ caseNumber: '(2026)粤0305执1001号', superiorNotifiedOn: '2026-08-20', interviews: [{ summary: '约定九月底前履行完毕' }] });
  });

  it('takes a complaint from anyone and walks it through verification, in order', async () => {
    const filed = await hub.query<{ fileComplaint: string }>('mutation { fileComplaint(input: { bodyUscc: "11440305003219403F", channel: HOTLINE_12345, content: "承诺的人才住房补贴一年未兑现", complainantName: "王小明", complainantPhone: "13812345678" }) }');
    expect(filed.body.errors).toBeUndefined();
    const id = filed.body.data!.fileComplaint;
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
});
