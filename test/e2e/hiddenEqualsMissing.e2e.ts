import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantsForPurpose, KnexConsumerStore } from '../../src/governance/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 8: a record or check the caller may not see answers exactly like one that does not exist, so
// that ids cannot be probed (an existence oracle). Only the id in the message differs.
const WEIJING = '91440300MA5E9NHA04';
const TENDER = 'E4403052026001200888';

describe.each(TEST_DATABASES)('hidden and missing answer alike over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let otherBidding: string;
  let hidden: string;
  let missing: string;

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    const knex = hub.hub.knex;
    hidden = String((await knex('credit_records').whereNot({ subject_uscc: WEIJING }).whereNotNull('subject_uscc').where({ status: 'IN_PUBLICITY' }).orderBy('id').first('id')).id);
    missing = String(Number((await knex('credit_records').max({ id: 'id' }))[0]!.id) + 1000);
    otherBidding = (await KnexConsumerStore.create(knex).createConsumer({
      id: 'other-bidding', name: '另一招标系统', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], grants: grantsForPurpose(['BIDDING_SYSTEM'], 'BIDDING'),
    })).apiKey;
  });
  afterAll(async () => hub?.close());

  // The answer with the id taken out, so that a hidden and a missing id can be compared whole.
  const anonymised = (body: unknown, id: string) => JSON.parse(JSON.stringify(body).replaceAll(id, '<id>')) as unknown;

  it.each([
    ['fileObjection', 'OBJECTION', (id: string) => `mutation { fileObjection(uscc: "${WEIJING}", input: { recordId: "${id}", ground: OTHER_BREACH, statement: "非本企业记录" }) { id } }`],
    ['applyForRepair', 'CREDIT_REPAIR', (id: string) => `mutation { applyForRepair(uscc: "${WEIJING}", input: { recordId: "${id}", obligationsPerformed: true, commitmentGiven: true, statement: "已整改" }) { eligible } }`],
  ])('%s on another subject\'s record answers NOT_FOUND, as for a record that does not exist', async (_name, purpose, document) => {
    const asWeijing = asConsumer(keys.objector, purpose, '维晶科技申请〔2026〕8号');
    const onHidden = await hub.query(document(hidden), undefined, asWeijing);
    const onMissing = await hub.query(document(missing), undefined, asWeijing);
    expect(onMissing.body.errors![0]).toMatchObject({ message: `credit record ${missing} does not exist`, extensions: { code: 'NOT_FOUND' } });
    expect(anonymised(onHidden, hidden)).toEqual(anonymised(onMissing, missing));
    expect(await hub.hub.knex('credit_records').where({ id: hidden }).first('status')).toEqual({ status: 'IN_PUBLICITY' });
  });

  it('another consumer\'s credit check reads and takes feedback like a check that does not exist', async () => {
    const run = await hub.query<{ runCreditCheck: { id: string } }>(
      'mutation($input: RunCreditCheckInput!) { runCreditCheck(input: $input) { id } }',
      { input: { subjects: [{ uscc: WEIJING, role: 'SUPPLIER' }], purpose: 'BIDDING', reference: TENDER } }, asConsumer(keys.bidding, 'BIDDING', TENDER));
    expect(run.body.errors).toBeUndefined();
    const own = run.body.data!.runCreditCheck.id;
    const absent = '00000000-0000-4000-8000-000000000000';
    const asOther = asConsumer(otherBidding, 'BIDDING', TENDER);
    const read = (id: string) => hub.query(`{ creditCheck(id: "${id}") { id } }`, undefined, asOther);
    expect((await read(own)).body).toEqual({ data: { creditCheck: null } });
    expect((await read(absent)).body).toEqual({ data: { creditCheck: null } });
    const feedback = (id: string) => hub.query(`mutation { recordCheckFeedback(input: { checkId: "${id}", subjectUscc: "${WEIJING}", usage: NO_ACTION }) { usage } }`, undefined, asOther);
    const onOwn = await feedback(own);
    const onAbsent = await feedback(absent);
    expect(onAbsent.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(anonymised(onOwn, own)).toEqual(anonymised(onAbsent, absent));
  });
});
