import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantsForPurpose, KnexConsumerStore } from '../../src/governance/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 2: after an objection decision withdrew a record from disclosure (STOP_DISCLOSURE), the bidding
// system ran runCreditCheck with `asOf` just before and got the record back as signed evidence. Now a record out
// of view is never evidence for anyone but the credit office and auditors, whatever `asOf` says.
const TENDER = 'E4403052026001200777';
const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  overallVerdict subjects { uscc verdict decidingRule { id } evidence { recordId status } } } }`;

describe.each(TEST_DATABASES)('past-dated credit checks over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let subjectKey: string;
  let record: { uscc: string; id: string };
  let beforeObjection: string;

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    const knex = hub.hub.knex;
    // An enterprise whose only judgment-defaulter record is in publicity: a check REJECTs it on that record.
    record = await knex('credit_records as r').join('organisations as o', 'o.uscc', 'r.subject_uscc')
      .where({ 'r.kind': 'JUDGMENT_DEFAULTER', 'r.status': 'IN_PUBLICITY', 'o.kind': 'ENTERPRISE' })
      .where((q) => q.whereNull('r.publicity_end').orWhere('r.publicity_end', '>=', knex.raw('current_date')))
      .where('r.decision_date', '<', knex.raw('current_date'))
      .whereNotExists(knex('credit_records as x').whereRaw("x.subject_uscc = o.uscc AND x.id <> r.id AND x.kind IN ('JUDGMENT_DEFAULTER', 'SERIOUS_DISHONESTY', 'ADMINISTRATIVE_PENALTY', 'JUDICIAL_JUDGMENT')"))
      .orderBy('r.id').first('o.uscc', knex.raw('r.id::text as id'));
    subjectKey = (await KnexConsumerStore.create(knex).createConsumer({
      id: 'defaulter-self', name: '被执行企业（异议）', kind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'],
      grants: grantsForPurpose(['ENTERPRISE_SELF'], 'OBJECTION'), subjects: [record.uscc],
    })).apiKey;
  });
  afterAll(async () => hub?.close());

  const check = (key: string, purpose: string, asOf: string) =>
    hub.query<{ runCreditCheck: { overallVerdict: string; subjects: unknown[] } }>(RUN,
      { input: { subjects: [{ uscc: record.uscc, role: 'SUPPLIER' }], purpose: 'BIDDING', reference: TENDER, asOf } }, asConsumer(key, purpose, TENDER));

  it('before the withdrawal, a check as of now finds the record', async () => {
    // Taken a moment before the objection: the record's history has it IN_PUBLICITY at this instant.
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeObjection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { body } = await check(keys.bidding, 'BIDDING', beforeObjection);
    expect(body).toEqual({ data: { runCreditCheck: { overallVerdict: 'REJECT', subjects: [
      { uscc: record.uscc, verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' }, evidence: [{ recordId: record.id, status: 'IN_PUBLICITY' }] },
    ] } } });
  });

  it('the record is withdrawn by an objection decision (STOP_DISCLOSURE)', async () => {
    const filed = await hub.query<{ fileObjection: { id: string } }>(
      `mutation { fileObjection(uscc: "${record.uscc}", input: { recordId: "${record.id}", ground: ERROR_OR_OMISSION, statement: "已履行完毕" }) { id } }`,
      undefined, asConsumer(subjectKey, 'OBJECTION'));
    expect(filed.body.errors).toBeUndefined();
    const admin = asConsumer(keys.admin, 'SUPERVISION', '深信办异〔2026〕0777号');
    const id = filed.body.data!.fileObjection.id;
    expect((await hub.query(`mutation { checkObjection(id: "${id}") { state } }`, undefined, admin)).body).toEqual({ data: { checkObjection: { state: 'CHECKED' } } });
    expect((await hub.query(`mutation { decideObjection(id: "${id}", outcome: STOP_DISCLOSURE, reason: "停止公示") { state outcome } }`, undefined, admin)).body)
      .toEqual({ data: { decideObjection: { state: 'CLOSED', outcome: 'STOP_DISCLOSURE' } } });
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
