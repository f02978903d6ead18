import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditActor } from '../../../src/credit/actorOf.js';
import type { IdNumberVault } from '../../../src/credit/idNumberVault.js';
import { addCalendarYear } from '../../../src/workflows/objections/addCalendarYear.js';
import { runCalendarAddCli } from '../../../src/workflows/objections/cli/runCalendarAddCli.js';
import { buildObjectionsSchema } from '../../../src/workflows/objections/index.js';
import { createSeededKnex } from '../../support/createTestStore.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { insertTestRecord } from '../../support/insertTestRecord.js';

// Deadlines reaching into 2027 before its holiday notice exists (issue 9 item 2). "Today" is faked through the
// schema's `today`, as in objectionsSchema.test.ts. The 2027 notice added here is a TEST FIXTURE with a longer
// Spring Festival than the statutory four days, so that adding it moves a deadline.
const WEIJING = '91440300MA5E9NHA04';
const FIXTURE = new URL('../../fixtures/calendar/FIXTURE-2027-holiday-notice.json', import.meta.url);
const actor = (over: Partial<CreditActor>): CreditActor => ({ consumerId: null, consumerName: null, consumerKind: null, roles: [], subjects: [], purpose: null, caseReference: null, ...over });
const SELF = actor({ consumerId: 'weijing-objections', consumerKind: 'ENTERPRISE', roles: ['ENTERPRISE_SELF'], subjects: [WEIJING], purpose: 'OBJECTION' });
const ADMIN = actor({ consumerId: 'credit-office', consumerKind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], purpose: 'SUPERVISION' });
const PUBLIC = actor({});
const CALENDAR = 'workingCalendar(year: 2027) { year provisional source addedAt makeUpWorkingDays daysOff { date name } }';

describe.each(TEST_DATABASES)('provisional deadlines and calendar:add on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;
  let day = '2026-12-30';
  let advert: string;
  let ride: string;
  let objectionId: string;
  let repairId: string;
  const fixture = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;

  const run = async (source: string, who: CreditActor) =>
    JSON.parse(JSON.stringify(await graphql({ schema, source, contextValue: { actor: who } }))) as {
      data?: Record<string, any> | null; errors?: { message: string; extensions: Record<string, unknown> }[];
    };

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = buildObjectionsSchema({ knex, vault: null as unknown as IdNumberVault, checkSigningKeyPem: null, today: () => day });
    // 深圳市维晶科技有限公司's penalties this suite files on: one in publicity well into 2028, one whose minimum
    // publicity period (CREDIT-REPAIR-2026, GENERAL: 3 months) ends on 2026-12-25.
    advert = await insertTestRecord(knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2025-09-19', catalogItemCode: 'SZ-CF-SCJG-001',
      severity: 'GENERAL', fineAmount: '0.09', title: '深圳市维晶科技有限公司发布虚假广告案', legalBasis: '《中华人民共和国广告法》第五十五条',
    });
    ride = await insertTestRecord(knex, {
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2026-09-25', catalogItemCode: 'SZ-CF-JTJ-001',
      severity: 'GENERAL', fineAmount: '1', title: '深圳市维晶科技有限公司未取得道路运输证从事网约车经营案', legalBasis: '《网络预约出租汽车经营服务管理暂行办法》第三十五条',
    });
  });
  afterAll(async () => close?.());

  it('an objection filed on 2026-12-30 gets a provisional decision deadline in January 2027', async () => {
    day = '2026-12-30';
    const filed = await run(`mutation { fileObjection(uscc: "${WEIJING}", input: { recordId: "${advert}", ground: ERROR_OR_OMISSION, statement: "罚款金额有误" }) {
      id acceptedOn checkDue checkDeadline { due provisional } decisionDeadline { due provisional } } }`, SELF);
    expect(filed.errors).toBeUndefined();
    objectionId = filed.data!.fileObjection.id;
    // The check's one working day is Thursday 31 December 2026, on the official 2026 calendar.
    expect(filed.data!.fileObjection).toEqual({ id: objectionId, acceptedOn: '2026-12-30', checkDue: '2026-12-31', checkDeadline: { due: '2026-12-31', provisional: false }, decisionDeadline: null });
    day = '2026-12-31';
    // Two working days after the check: Friday 1 January off (元旦), the weekend, Monday 4 and Tuesday 5 January.
    expect(await run(`mutation { checkObjection(id: "${objectionId}") { decisionDue decisionDeadline { due provisional } } }`, ADMIN))
      .toEqual({ data: { checkObjection: { decisionDue: '2027-01-05', decisionDeadline: { due: '2027-01-05', provisional: true } } } });
  });

  it('a repair application received the day before Spring Festival eve 2027 counts the four statutory days off, provisionally', async () => {
    day = '2027-02-04';
    const applied = await run(`mutation { applyForRepair(uscc: "${WEIJING}", input: { recordId: "${ride}", obligationsPerformed: true, commitmentGiven: true, statement: "已缴清罚款" }) {
      eligible application { id appliedOn decisionDeadline { due provisional } } } }`, { ...SELF, purpose: 'CREDIT_REPAIR' });
    expect(applied.errors).toBeUndefined();
    repairId = applied.data!.applyForRepair.application.id;
    // 5-8 February off (eve and lunar 1-3), then Tuesday 9, Wednesday 10, Thursday 11.
    expect(applied.data!.applyForRepair).toEqual({ eligible: true, application: { id: repairId, appliedOn: '2027-02-04', decisionDeadline: { due: '2027-02-11', provisional: true } } });
  });

  it('shows the public the provisional 2027 calendar (临时推算)', async () => {
    const { data, errors } = await run(`{ ${CALENDAR} }`, PUBLIC);
    expect(errors).toBeUndefined();
    expect(data!.workingCalendar).toEqual({
      year: 2027,
      provisional: true,
      source: expect.stringContaining('src/calendar/rules/statutory-holidays.json HOLIDAYS-2025'),
      addedAt: null,
      makeUpWorkingDays: [],
      daysOff: [
        { date: '2027-01-01', name: '元旦 New Year\'s Day' },
        ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'].map((date) => ({ date, name: '春节 Spring Festival' })),
        { date: '2027-04-05', name: '清明节 Qingming' },
        { date: '2027-05-01', name: '劳动节 Labour Day' },
        { date: '2027-05-02', name: '劳动节 Labour Day' },
        { date: '2027-06-09', name: '端午节 Dragon Boat Festival' },
        { date: '2027-09-15', name: '中秋节 Mid-Autumn Festival' },
        ...['2027-10-01', '2027-10-02', '2027-10-03'].map((date) => ({ date, name: '国庆节 National Day' })),
      ],
    });
  });

  it('refuses a malformed notice naming the field, and writes nothing', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'calendar-add-'));
    try {
      const notice = await fixture();
      const cases: [string, string[], Record<string, unknown>, string][] = [
        ['year', ['--year', '2028'], notice, 'refused: year: must be 2028 (the year being added), got 2027\n'],
        ['a weekday make-up', ['--year', '2027'], { ...notice, makeUpWorkingDays: ['2027-02-22'] }, 'refused: makeUpWorkingDays[0]: 2027-02-22 is not a Saturday or Sunday; a make-up working day (调休上班) is a weekend day\n'],
        ['a reversed range', ['--year', '2027'], { ...notice, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }, 'refused: holidays[0].to: 2027-01-01 is before holidays[0].from 2027-01-03; a range runs from its first to its last day off\n'],
        ['a day of another year', ['--year', '2027'], { ...notice, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] }, 'refused: holidays[0].from: 2026-12-31 is not in 2027; a notice arranges its own year only\n'],
        ['no source', ['--year', '2027'], { ...notice, source: ' ' }, 'refused: source: must be a non-empty string\n'],
        ['an unknown field', ['--year', '2027'], { ...notice, note: 'x' }, 'refused: note: is not a field of a holiday notice (allowed: year, source, holidays, makeUpWorkingDays)\n'],
      ];
      for (const [name, args, content, message] of cases) {
        const file = join(directory, `${name.replace(/ /g, '-')}.json`);
        await writeFile(file, JSON.stringify(content));
        const stderr: string[] = [];
        const code = await runCalendarAddCli([...args, '--file', file], { stdout: () => undefined, stderr: (t) => stderr.push(t), openKnex: () => knex });
        expect([name, code, stderr.join('')]).toEqual([name, 1, message]);
      }
      const usage: string[] = [];
      expect(await runCalendarAddCli(['--year', '2027'], { stdout: () => undefined, stderr: (t) => usage.push(t), openKnex: () => knex })).toBe(2);
      expect(usage.join('')).toBe('error: --file is required\nusage: npm run calendar:add -- --year YYYY --file notice.json [--write-file]\n');
      expect(await knex('holiday_calendars').count({ n: '*' }).then((r) => Number((r[0] as { n: string }).n))).toBe(0);
      expect((await run(`{ workingCalendar(year: 2027) { provisional } }`, PUBLIC)).data).toEqual({ workingCalendar: { provisional: true } });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('adding the 2027 notice recomputes every open deadline it changes, records each change, and the year is official', async () => {
    const { changes } = await addCalendarYear(knex, { year: 2027, notice: await fixture() });
    expect(changes).toEqual([
      // Same date (the fixture's New Year break ends on Sunday 3 January), no longer provisional.
      { procedure: 'OBJECTION', procedureId: objectionId, deadline: 'DECISION', oldDue: '2027-01-05', newDue: '2027-01-05', oldProvisional: true, newProvisional: false },
      // The fixture's Spring Festival runs 5-13 February: 15, 16, 17 February.
      { procedure: 'REPAIR_APPLICATION', procedureId: repairId, deadline: 'DECISION', oldDue: '2027-02-11', newDue: '2027-02-17', oldProvisional: true, newProvisional: false },
    ]);
    expect(await run(`{ objection(id: "${objectionId}") { decisionDue decisionDeadline { due provisional } version } repairApplication(id: "${repairId}") { decisionDue decisionDeadline { due provisional } } }`, ADMIN)).toEqual({
      data: {
        objection: { decisionDue: '2027-01-05', decisionDeadline: { due: '2027-01-05', provisional: false }, version: 2 },
        repairApplication: { decisionDue: '2027-02-17', decisionDeadline: { due: '2027-02-17', provisional: false } },
      },
    });
    const rows = await knex('deadline_changes').orderBy('id')
      .select('procedure', 'procedure_id', 'deadline', knex.raw('old_due::text as old_due'), knex.raw('new_due::text as new_due'), 'old_provisional', 'new_provisional', 'reason', 'changed_at');
    expect(rows.map((r) => ({ ...r, procedure_id: String(r.procedure_id), changed_at: r.changed_at instanceof Date }))).toEqual([
      { procedure: 'OBJECTION', procedure_id: objectionId, deadline: 'DECISION', old_due: '2027-01-05', new_due: '2027-01-05', old_provisional: true, new_provisional: false, reason: expect.stringMatching(/^official holiday notice for 2027 added \(calendar:add\): TEST FIXTURE/), changed_at: true },
      { procedure: 'REPAIR_APPLICATION', procedure_id: repairId, deadline: 'DECISION', old_due: '2027-02-11', new_due: '2027-02-17', old_provisional: true, new_provisional: false, reason: expect.stringMatching(/^official holiday notice for 2027 added/), changed_at: true },
    ]);
    const { data } = await run(`{ ${CALENDAR} }`, PUBLIC);
    expect(data!.workingCalendar).toMatchObject({ year: 2027, provisional: false, source: expect.stringMatching(/^TEST FIXTURE, not an official notice/), makeUpWorkingDays: ['2027-02-20'] });
    expect(data!.workingCalendar.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(data!.workingCalendar.daysOff).toHaveLength(3 + 9 + 3 + 5 + 1 + 1 + 7);
    // New steps use the official year at once (Saturday 20 February is the fixture's make-up working day); a second add is refused.
    day = '2027-02-04';
    expect(await run(`mutation { extendRepair(id: "${repairId}", reason: "经批准") { decisionDeadline { due provisional } } }`, ADMIN))
      .toEqual({ data: { extendRepair: { decisionDeadline: { due: '2027-02-20', provisional: false } } } });
    await expect(addCalendarYear(knex, { year: 2027, notice: await fixture() })).rejects.toThrow(/^year: 2027 was added already/);
  });

  it('--write-file also writes the bundled file, into the directory given', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'calendar-holidays-'));
    try {
      const notice = JSON.parse(JSON.stringify(await fixture()).replaceAll('2027', '2028')) as Record<string, unknown>;
      const file = join(directory, 'notice.json');
      await writeFile(file, JSON.stringify(notice));
      const out: string[] = [];
      const code = await runCalendarAddCli(['--year', '2028', '--file', file, '--write-file'], {
        stdout: (t) => out.push(t), stderr: (t) => out.push(t), openKnex: () => knex, holidaysDirectory: pathToFileURL(`${directory}/`),
      });
      expect(code).toBe(0);
      expect(JSON.parse(out.join(''))).toEqual({ year: 2028, source: notice.source, file: join(directory, '2028.json'), deadlineChanges: [] });
      expect(JSON.parse(await readFile(join(directory, '2028.json'), 'utf8'))).toEqual(notice);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
