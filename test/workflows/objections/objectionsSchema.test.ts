import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditActor } from '../../../src/credit/actorOf.js';
import type { IdNumberVault } from '../../../src/credit/idNumberVault.js';
import { buildObjectionsSchema } from '../../../src/workflows/objections/index.js';
import { KnexConsumerStore } from '../../../src/governance/index.js';
import { createSeededKnex } from '../../support/createTestStore.js';
import { TEST_CONSUMERS } from '../../support/createTestConsumers.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { insertTestRecord } from '../../support/insertTestRecord.js';

const WEIJING = '91440300MA5E9NHA04';
const actor = (over: Partial<CreditActor>): CreditActor => ({ consumerId: null, consumerName: null, consumerKind: null, roles: [], subjects: [], purpose: null, caseReference: null, ...over });
const SELF = actor({ consumerId: 'weijing-objections', consumerKind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], subjects: [WEIJING], purpose: 'OBJECTION' });
const AGENT = actor({ consumerId: 'weijing-agent', consumerKind: 'THIRD_PARTY', roles: ['ENTERPRISE_SELF'], subjects: [WEIJING], purpose: 'OBJECTION' });
const ADMIN = actor({ consumerId: 'credit-office', consumerKind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], purpose: 'SUPERVISION' });
const OBJECTION = 'id state filedAs acceptedOn checkDue checkedOn decisionDue extendedOn outcome previousRecordStatus changes { field before after } version';

describe.each(TEST_DATABASES)('objections and repair subschema on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;
  let day = '2025-09-30';
  // Records of 深圳市维晶科技有限公司, inserted by this suite.
  let advert: string; // administrative penalty of 2025-09-19, in publicity
  let ride: string; // administrative penalty of 2026-09-25, minimum period to 2026-12-25
  let licence: string; // administrative licence (no publicity period)

  const run = async (source: string, who: CreditActor, variables?: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(await graphql({ schema, source, variableValues: variables ?? null, contextValue: { actor: who } }))) as {
      data?: Record<string, any> | null; errors?: { message: string; extensions: Record<string, unknown> }[];
    };
  const recordStatus = async (id: string): Promise<string> => (await knex('credit_records').where({ id }).first('status')).status;
  const file = (recordId: string, who = SELF, ground = 'ERROR_OR_OMISSION') =>
    run(`mutation($r: ID!, $g: ObjectionGround!) { fileObjection(uscc: "${WEIJING}", input: { recordId: $r, ground: $g, statement: "罚款金额有误", evidence: ["缴款凭证"] }) { ${OBJECTION} } }`, who, { r: recordId, g: ground });

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    const consumers = KnexConsumerStore.create(knex);
    await consumers.createConsumer(TEST_CONSUMERS.objector);
    await consumers.createConsumer(TEST_CONSUMERS.objectionAgent);
    schema = buildObjectionsSchema({ knex, vault: null as unknown as IdNumberVault, checkSigningKeyPem: null, today: () => day });
    // 深圳市维晶科技有限公司's records this suite works on, created here (the sample's own records vary with its generator).
    advert = await insertTestRecord(knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2025-09-19', catalogItemCode: 'SZ-CF-SCJG-001',
      severity: 'GENERAL', fineAmount: '0.09', title: '深圳市维晶科技有限公司发布虚假广告案', legalBasis: '《中华人民共和国广告法》第五十五条',
    });
    ride = await insertTestRecord(knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2026-09-25', catalogItemCode: 'SZ-CF-JTJ-001',
      severity: 'GENERAL', fineAmount: '1', title: '深圳市维晶科技有限公司未取得道路运输证从事网约车经营案', legalBasis: '《网络预约出租汽车经营服务管理暂行办法》第三十五条',
    });
    licence = await insertTestRecord(knex, {
      kind: 'ADMINISTRATIVE_LICENCE', subjectUscc: WEIJING, decisionDate: '2025-07-24', catalogItemCode: 'SZ-XK-SCJG-001', title: '深圳市维晶科技有限公司食品经营许可',
    });
  });
  afterAll(async () => close?.());

  it('files an objection, marks the record at once and sets the check deadline across National Day', async () => {
    const { data, errors } = await file(advert);
    expect(errors).toBeUndefined();
    expect(data!.fileObjection).toMatchObject({ state: 'ACCEPTED', filedAs: 'SELF', acceptedOn: '2025-09-30', checkDue: '2025-10-09', decisionDue: null, previousRecordStatus: 'IN_PUBLICITY', version: 1 });
    expect(await recordStatus(advert)).toBe('UNDER_OBJECTION');
  });

  it('allows one open objection per record', async () => {
    const { errors } = await file(advert, AGENT);
    expect(errors![0]!.extensions.code).toBe('CONFLICT');
    expect(errors![0]!.message).toMatch(new RegExp(`credit record ${advert} already has an open objection \\(\\d+\\)`));
  });

  it('refuses a transition not allowed from the current state, naming both states', async () => {
    const id = (await run(`{ objectionsOfRecord(recordId: "${advert}") { id } }`, ADMIN)).data!.objectionsOfRecord[0].id as string;
    const { errors } = await run(`mutation { decideObjection(id: "${id}", outcome: REJECT, reason: "x") { id } }`, ADMIN);
    expect(errors![0]).toMatchObject({
      message: `cannot decide objection ${id}: it is ACCEPTED, and this step needs CHECKED (it leads to CLOSED)`,
      extensions: { code: 'CONFLICT', currentState: 'ACCEPTED', requiredStates: ['CHECKED'] },
    });
  });

  it('checks (decision due on the make-up Saturday), extends once, corrects the record in the same transaction', async () => {
    const id = (await run(`{ objectionsOfRecord(recordId: "${advert}") { id } }`, ADMIN)).data!.objectionsOfRecord[0].id as string;
    day = '2025-10-09';
    expect((await run(`mutation { checkObjection(id: "${id}", note: "已转信息提供单位") { ${OBJECTION} } }`, ADMIN)).data!.checkObjection)
      .toMatchObject({ state: 'CHECKED', checkedOn: '2025-10-09', decisionDue: '2025-10-11', version: 2 });
    expect((await run(`mutation { extendObjection(id: "${id}", reason: "经分管领导批准") { ${OBJECTION} } }`, ADMIN)).data!.extendObjection)
      .toMatchObject({ decisionDue: '2025-10-15', extendedOn: '2025-10-09', version: 3 });
    const again = await run(`mutation { extendObjection(id: "${id}", reason: "再次延期") { id } }`, ADMIN);
    expect(again.errors![0]!.message).toBe(`objection ${id}'s decision deadline was already extended on 2025-10-09 (to 2025-10-15); it may be extended once`);
    day = '2025-10-14';
    const { data, errors } = await run(`mutation { decideObjection(id: "${id}", outcome: CORRECT, reason: "罚款金额更正", corrections: { fineAmount: "0.08" }) { ${OBJECTION} } }`, ADMIN);
    expect(errors).toBeUndefined();
    expect(data!.decideObjection).toMatchObject({
      state: 'CLOSED', outcome: 'CORRECT', version: 4,
      changes: [{ field: 'fineAmount', before: '0.09', after: '0.08' }, { field: 'status', before: 'UNDER_OBJECTION', after: 'IN_PUBLICITY' }],
    });
    const record = await knex('credit_records').where({ id: advert }).first('status', 'fine_amount');
    expect([record.status, Number(record.fine_amount)]).toEqual(['IN_PUBLICITY', 0.08]);
  });

  it('a failed outcome leaves nothing half-applied', async () => {
    day = '2026-11-27';
    const filed = await file(ride, AGENT);
    expect(filed.data!.fileObjection).toMatchObject({ filedAs: 'AGENT', checkDue: '2026-11-30' });
    const id = filed.data!.fileObjection.id as string;
    await run(`mutation { checkObjection(id: "${id}") { id } }`, ADMIN);
    const { errors } = await run(`mutation { decideObjection(id: "${id}", outcome: REMOVE_FROM_LIST, reason: "x") { id } }`, ADMIN);
    expect(errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(await recordStatus(ride)).toBe('UNDER_OBJECTION');
    expect((await run(`{ objection(id: "${id}") { state version } }`, ADMIN)).data!.objection).toEqual({ state: 'CHECKED', version: 2 });
    expect((await run(`mutation { decideObjection(id: "${id}", outcome: REJECT, reason: "记录无误") { state } }`, ADMIN)).data!.decideObjection.state).toBe('CLOSED');
    expect(await recordStatus(ride)).toBe('IN_PUBLICITY');
  });

  it('lists overdue objections with working days overdue', async () => {
    day = '2025-10-14';
    const filed = await file(licence);
    const id = filed.data!.fileObjection.id as string;
    expect(filed.data!.fileObjection.checkDue).toBe('2025-10-15');
    day = '2025-10-20';
    const { data } = await run('{ overdueObjections { objection { id } stage due workingDaysOverdue } }', ADMIN);
    expect(data!.overdueObjections).toEqual([{ objection: { id }, stage: 'CHECK', due: '2025-10-15', workingDaysOverdue: 3 }]);
  });

  it('refuses callers who may not act', async () => {
    const other = actor({ consumerId: 'x', roles: ['ENTERPRISE_SELF'], subjects: ['914403001922038216'], purpose: 'OBJECTION' });
    expect((await file(ride, other)).errors![0]!.message).toBe(`Filing an objection: consumer x does not act for ${WEIJING} (it acts for 914403001922038216)`);
    expect((await file(ride, { ...SELF, purpose: 'SELF_INQUIRY' })).errors![0]!.message).toBe('Filing an objection needs the purpose OBJECTION (X-Purpose); the request declares SELF_INQUIRY');
    expect((await run('{ overdueObjections { due } }', SELF)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await run('mutation { checkObjection(id: "1") { id } }', SELF)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await run('mutation { checkObjection(id: "abc") { id } }', ADMIN)).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await run('mutation { checkObjection(id: "999999") { id } }', ADMIN)).errors![0]).toMatchObject({ message: 'objection 999999 does not exist', extensions: { code: 'NOT_FOUND' } });
  });

  describe('credit repair', () => {
    const REPAIRER = { ...SELF, purpose: 'CREDIT_REPAIR' };
    const apply = (recordId: string, obligations = true, commitment = true) =>
      run(`mutation($r: ID!, $o: Boolean!, $c: Boolean!) { applyForRepair(uscc: "${WEIJING}", input: { recordId: $r, obligationsPerformed: $o, commitmentGiven: $c, statement: "已缴清罚款并整改" }) {
        eligible eligibleFrom reasons { reason } application { id state appliedOn decisionDue } } }`, REPAIRER, { r: recordId, o: obligations, c: commitment });

    it('says from which date an ineligible subject may apply, and files nothing', async () => {
      day = '2026-11-27';
      const { data } = await apply(ride, false, true);
      expect(data!.applyForRepair).toEqual({ eligible: false, eligibleFrom: '2026-12-25', reasons: [{ reason: 'MINIMUM_PERIOD_NOT_REACHED' }, { reason: 'OBLIGATIONS_NOT_PERFORMED' }], application: null });
      expect((await run(`{ repairApplicationsOfRecord(recordId: "${ride}") { id } }`, ADMIN)).data!.repairApplicationsOfRecord).toEqual([]);
    });

    it('refuses a record with nothing to repair', async () => {
      expect((await apply(licence)).errors![0]!.extensions.code).toMatch(/BAD_USER_INPUT|CONFLICT/);
    });

    it('files an eligible application, refuses it with reasons, then approves a new one: the record is REPAIRED', async () => {
      day = '2026-12-25';
      const first = (await apply(ride)).data!.applyForRepair;
      expect(first).toMatchObject({ eligible: true, reasons: [], application: { state: 'SUBMITTED', appliedOn: '2026-12-25', decisionDue: '2026-12-30' } });
      expect((await apply(ride)).errors![0]!.extensions.code).toBe('CONFLICT');
      const refused = await run(`mutation { decideRepair(id: "${first.application.id}", approve: false, reason: "整改材料不全") { state decisionReason } }`, ADMIN);
      expect(refused.data!.decideRepair).toEqual({ state: 'REFUSED', decisionReason: '整改材料不全' });
      const late = await run(`mutation { decideRepair(id: "${first.application.id}", approve: true, reason: "x") { state } }`, ADMIN);
      expect(late.errors![0]!.message).toBe(`cannot approve repair application ${first.application.id}: it is REFUSED, and this step needs SUBMITTED (it leads to APPROVED)`);
      const second = (await apply(ride)).data!.applyForRepair.application.id as string;
      // 2026-12-30 + 3 working days reaches into 2027, which has no official notice yet: the deadline is provisional
      // (Thursday 31 December; Friday 1 January off; Monday 4 and Tuesday 5 January).
      const extended = await run(`mutation { extendRepair(id: "${second}", reason: "经批准") { decisionDue decisionDeadline { due provisional } extendedOn version } }`, ADMIN);
      expect(extended).toEqual({ data: { extendRepair: { decisionDue: '2027-01-05', decisionDeadline: { due: '2027-01-05', provisional: true }, extendedOn: '2026-12-25', version: 2 } } });
      expect((await run(`mutation { decideRepair(id: "${second}", approve: true, reason: "符合修复条件") { state decidedOn } }`, ADMIN)).data!.decideRepair).toEqual({ state: 'APPROVED', decidedOn: '2026-12-25' });
      expect(await recordStatus(ride)).toBe('REPAIRED');
    });
  });
});
