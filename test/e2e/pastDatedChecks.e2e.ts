import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/codes/index.js';
import { grantsForPurpose, KnexConsumerStore } from '../../src/governance/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 2: after an objection decision withdrew a record from disclosure (STOP_DISCLOSURE), the bidding
// system ran runCreditCheck with `asOf` just before and got the record back as signed evidence. Now a record out
// of view is never evidence for anyone but the credit office and auditors, whatever `asOf` says.
const TENDER = 'E4403052026001200777';
// This suite's own enterprise (not in the sample data: its USCC is made up for it).
const ENTERPRISE = makeUscc('91', '440305', 'MA5PDC01');
const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  overallVerdict subjects { uscc verdict decidingRule { id } evidence { recordId status } } } }`;

describe.each(TEST_DATABASES)('past-dated credit checks over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let record: { uscc: string; id: string };
  let beforeObjection: string;
  // What the scenario's steps answered, in the order they ran (in beforeAll, so no test depends on another's turn).
  let checkedBefore: unknown;
  let steps: { filed: unknown; checked: unknown; decided: unknown };

  const check = (key: string, purpose: string, asOf: string) =>
    hub.query<{ runCreditCheck: { overallVerdict: string; subjects: unknown[] } }>(RUN,
      { input: { subjects: [{ uscc: record.uscc, role: 'SUPPLIER' }], purpose: 'BIDDING', reference: TENDER, asOf } }, asConsumer(key, purpose, TENDER));

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    const knex = hub.hub.knex;
    // The suite's own enterprise, whose only record is a judgment-defaulter listing in publicity: a check REJECTs it on that record.
    record = { uscc: ENTERPRISE, id: '' };
    await knex('organisations').insert({ uscc: ENTERPRISE, name: '深圳市测试异议建材有限公司', district_code: '440305', established_on: '2015-03-02' });
    record.id = await insertTestRecord(knex, {
      kind: 'JUDGMENT_DEFAULTER', subjectUscc: ENTERPRISE, decisionDate: '2026-06-15', severity: 'GENERAL',
      title: '深圳市测试异议建材有限公司被纳入失信被执行人名单', legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
      details: { obligation: '支付货款1200000元', performance: 'NONE', dishonestConduct: 'HAS_ABILITY_BUT_REFUSES', publishedOn: '2026-06-15', listingTermEnd: null },
      publicity: { conduct: 'HAS_ABILITY_BUT_REFUSES' },
    });
    const subjectKey = (await KnexConsumerStore.create(knex).createConsumer({
      id: 'defaulter-self', name: '被执行企业（异议）', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'],
      grants: grantsForPurpose(['ENTERPRISE_SELF'], 'OBJECTION'), subjects: [record.uscc],
    })).apiKey;

    // A moment before the objection, with the record IN_PUBLICITY; the waits only keep the moments distinct.
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeObjection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    checkedBefore = (await check(keys.bidding, 'BIDDING', beforeObjection)).body;

    // The record is withdrawn by an objection decision (STOP_DISCLOSURE).
    const filed = await hub.query<{ fileObjection: { id: string } }>(
      `mutation { fileObjection(uscc: "${record.uscc}", input: { recordId: "${record.id}", ground: ERROR_OR_OMISSION, statement: "已履行完毕" }) { id } }`,
      undefined, asConsumer(subjectKey, 'OBJECTION'));
    const admin = asConsumer(keys.admin, 'SUPERVISION', '深信办异〔2026〕0777号');
    const id = filed.body.data?.fileObjection.id ?? 'none';
    steps = {
      filed: filed.body.errors ?? 'filed',
      checked: (await hub.query(`mutation { checkObjection(id: "${id}") { state } }`, undefined, admin)).body,
      decided: (await hub.query(`mutation { decideObjection(id: "${id}", outcome: STOP_DISCLOSURE, reason: "停止公示") { state outcome } }`, undefined, admin)).body,
    };
  });
  afterAll(async () => hub?.close());

  it('before the withdrawal, a check as of now finds the record', () => {
    expect(checkedBefore).toEqual({ data: { runCreditCheck: { overallVerdict: 'REJECT', subjects: [
      { uscc: record.uscc, verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' }, evidence: [{ recordId: record.id, status: 'IN_PUBLICITY' }] },
    ] } } });
  });

  it('the record is withdrawn by an objection decision (STOP_DISCLOSURE)', () => {
    expect(steps).toEqual({
      filed: 'filed',
      checked: { data: { checkObjection: { state: 'CHECKED' } } },
      decided: { data: { decideObjection: { state: 'CLOSED', outcome: 'STOP_DISCLOSURE' } } },
    });
  });

  it('the bidding system, checking as of a moment before the withdrawal, does not get the record back', async () => {
    const { body } = await check(keys.bidding, 'BIDDING', beforeObjection);
    expect(body).toEqual({ data: { runCreditCheck: { overallVerdict: 'PASS', subjects: [
      { uscc: record.uscc, verdict: 'PASS', decidingRule: { id: 'NO_MATCHING_RECORD' }, evidence: [] },
    ] } } });
  });

  it('the credit office still reproduces the check as it stood then', async () => {
    const { body } = await check(keys.admin, 'SUPERVISION', beforeObjection);
    expect(body).toEqual({ data: { runCreditCheck: { overallVerdict: 'REJECT', subjects: [
      { uscc: record.uscc, verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' }, evidence: [{ recordId: record.id, status: 'IN_PUBLICITY' }] },
    ] } } });
  });

  it('the public record list does not show it either', async () => {
    const { body } = await hub.query<{ subject: { creditRecords: { edges: { node: { id: string } }[] } } }>(
      `{ subject(uscc: "${record.uscc}") { creditRecords(first: 100) { edges { node { id } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.subject.creditRecords.edges.map((e) => e.node.id)).not.toContain(record.id);
  });
});
