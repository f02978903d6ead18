import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCalendarYear } from '../../src/workflows/objections/addCalendarYear.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 9 item 2 over HTTP against the real hub: a deadline reaching into 2027, before its holiday notice exists,
// is provisional; adding the notice (here a TEST FIXTURE, test/fixtures/calendar/) through the function behind
// `npm run calendar:add` — the database, as another process would — is picked up by the running hub. Date is
// faked as in objections.e2e.ts (set before the hub starts, only moving forward).
const WEIJING = '91440300MA5E9NHA04';
const FIXTURE = new URL('../fixtures/calendar/FIXTURE-2027-holiday-notice.json', import.meta.url);

describe.each(TEST_DATABASES)('the working-day calendar over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let objectionId: string;

  const onDay = (date: string) => vi.setSystemTime(new Date(`${date}T10:00:00+08:00`));
  const asAdmin = () => asConsumer(keys.admin, 'SUPERVISION', '深信办异〔2026〕0099号');
  const decisionDeadline = async () =>
    (await hub.query(`{ objection(id: "${objectionId}") { decisionDeadline { due provisional } } }`, undefined, asAdmin())).body;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onDay('2026-12-30');
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await hub?.close();
  });

  it('the public reads the 2027 calendar: provisional (临时推算) while no notice is added', async () => {
    const { body } = await hub.query('{ workingCalendar(year: 2027) { provisional makeUpWorkingDays daysOff { date } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ workingCalendar: { provisional: true, makeUpWorkingDays: [] } });
    expect((body.data as { workingCalendar: { daysOff: { date: string }[] } }).workingCalendar.daysOff.slice(0, 5).map((d) => d.date))
      .toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  });

  it('an objection filed on 2026-12-30 and checked the next day has a provisional decision deadline in January 2027', async () => {
    // A penalty of the enterprise in publicity until 2028 (NDRC-ORDER-58-2023: at most 36 months).
    const record = await insertTestRecord(hub.hub.knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2025-09-19', catalogItemCode: 'SZ-CF-SCJG-001',
      severity: 'GENERAL', fineAmount: '0.09', title: '深圳市维晶科技有限公司发布虚假广告案', legalBasis: '《中华人民共和国广告法》第五十五条',
    });
    const filed = await hub.query<{ fileObjection: { id: string; checkDeadline: unknown } }>(
      `mutation { fileObjection(uscc: "${WEIJING}", input: { recordId: "${record}", ground: ERROR_OR_OMISSION, statement: "罚款金额有误" }) { id checkDeadline { due provisional } } }`,
      undefined, asConsumer(keys.objector, 'OBJECTION', '维晶科技申请〔2026〕9号'),
    );
    expect(filed.body.errors).toBeUndefined();
    objectionId = filed.body.data!.fileObjection.id;
    expect(filed.body.data!.fileObjection.checkDeadline).toEqual({ due: '2026-12-31', provisional: false });
    onDay('2026-12-31');
    const checked = await hub.query(`mutation { checkObjection(id: "${objectionId}") { decisionDeadline { due provisional } } }`, undefined, asAdmin());
    expect(checked.body).toEqual({ data: { checkObjection: { decisionDeadline: { due: '2027-01-05', provisional: true } } } });
  });

  it('once the 2027 notice is added to the database the running hub recomputes and shows it official', async () => {
    const { changes } = await addCalendarYear(hub.hub.knex, { year: 2027, notice: JSON.parse(await readFile(FIXTURE, 'utf8')) });
    expect(changes.map((c) => [c.procedureId, c.newDue, c.newProvisional])).toEqual([[objectionId, '2027-01-05', false]]);
    expect(await decisionDeadline()).toEqual({ data: { objection: { decisionDeadline: { due: '2027-01-05', provisional: false } } } });
    expect((await hub.query('{ workingCalendar(year: 2027) { provisional makeUpWorkingDays } }')).body)
      .toEqual({ data: { workingCalendar: { provisional: false, makeUpWorkingDays: ['2027-02-20'] } } });
  });
});
