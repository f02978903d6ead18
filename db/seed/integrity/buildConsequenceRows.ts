import { readdirSync, readFileSync } from 'node:fs';
import { makeChineseName } from '../makeChineseName.js';
import { createRandom, toDayNumber, toIsoDate, isWeekend } from '../../../src/codes/index.js';
import { publicityWindow } from '../../../src/credit/index.js';
import type { SeedOrganisation, SeedWorld } from '../SeedWorld.js';

/** How many court listings of bodies and how many bodies with a recorded leadership change a size gets. */
export interface ConsequencePlan {
  listings: number;
  tenureBodies: number;
}

/** One court listing of a body: its JUDGMENT_DEFAULTER record, the enforcement case it opened and its alerts. */
export interface SampleListing {
  record: Record<string, unknown>;
  enforcementCase: Record<string, unknown>;
  alerts: Record<string, unknown>[];
}

/**
 * Rows of issue 15 items 3-5. Commitments name their dishonesty record by `dishonesty_document_number` and
 * payments their commitment by `source_key`; the loader swaps in the ids.
 */
export interface ConsequenceRows {
  tenures: Record<string, unknown>[];
  payments: { source_key: string; paid_on: string; amount: string }[];
  dishonestyRecords: Record<string, unknown>[];
  listings: SampleListing[];
}

interface HolidayFile { holidays: { from: string; to: string }[]; makeUpWorkingDays: string[] }

// The official holiday calendar is src/calendar's data; db may not import src/calendar, so it reads the same files.
const HOLIDAY_DIR = new URL('../../../src/calendar/holidays/', import.meta.url);
const calendarDays = (() => {
  const off = new Set<number>();
  const on = new Set<number>();
  const years: number[] = [];
  for (const file of readdirSync(HOLIDAY_DIR).filter((f) => /^\d{4}\.json$/.test(f))) {
    const data = JSON.parse(readFileSync(new URL(file, HOLIDAY_DIR), 'utf8')) as HolidayFile;
    years.push(Number(file.slice(0, 4)));
    for (const h of data.holidays) for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) off.add(d);
    for (const d of data.makeUpWorkingDays) on.add(toDayNumber(d));
  }
  return { off, on, first: `${Math.min(...years)}-01-01` };
})();
const isWorking = (day: number) => calendarDays.on.has(day) || (!isWeekend(day) && !calendarDays.off.has(day));
function addWorkingDays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) if (isWorking(++d)) left -= 1;
  return d;
}

// The defaulter-list rule (DEFAULTER-LIST-2020) of the workflow's rule data: 5 working days to notify the superior.
const DEFAULTER_RULE = (JSON.parse(readFileSync(new URL('../../../src/workflows/governmentIntegrity/rules/defaulter-list-rules.json', import.meta.url), 'utf8')) as
  { versions: { version: string; notifySuperiorWithinWorkingDays: number; catalogItemCode: string }[] }).versions[0]!;
const NOT_A_DEBTOR = /^(ZY|JCY|JW|JC|SW|ZZB|SWB)(@|$)/;
const RECORDED_BY = 'sample data';
const day = (n: number): string => toIsoDate(n);
const REASONS = ['经核查，承诺事项逾期未兑现且未说明正当理由', '经市信用办核查，合同约定义务逾期未履行', '经投诉核查属实，承诺的扶持资金未按期拨付'];
const cents = (amount: string) => Math.round(Number(amount) * 100);
const yuan = (c: number) => (c / 100).toFixed(2);

/**
 * Adds to the sample commitments what issue 15 records: each BROKEN commitment declared broken by the credit
 * office with its government-dishonesty record (3-year window, publicity-rules.json); leadership tenures of bodies
 * whose commitments span a change of leader; parts paid of SME payments (from a finance system, keyed); and court
 * listings of bodies with the enforcement case each opened, its notification deadline and alerts, some deleted.
 * Draws from its own random stream, so the rows before it do not change. Mutates `commitments` in place.
 */
export function buildConsequenceRows(world: SeedWorld, commitments: Record<string, unknown>[], plan: ConsequencePlan, seed: number, asOf: string): ConsequenceRows {
  const random = createRandom(seed, 'integrity-consequences');
  const asOfDay = toDayNumber(asOf);
  const creditOffice = world.bodiesByKey.get('FGW') as SeedOrganisation;
  const cityCourt = world.bodiesByKey.get('ZY') as SeedOrganisation;

  const dishonestyRecords: Record<string, unknown>[] = [];
  for (const c of commitments.filter((row) => row.status === 'BROKEN')) {
    const brokenDay = Math.min(asOfDay, toDayNumber(String(c.due_on)) + random.int(20, 120));
    const brokenOn = day(brokenDay);
    const number = `深信办政失〔${brokenOn.slice(0, 4)}〕${dishonestyRecords.length + 1}号`;
    const reason = random.pick(REASONS);
    const window = publicityWindow({ kind: 'GOVERNMENT_DISHONESTY', decisionDate: brokenOn })!;
    Object.assign(c, { broken_on: brokenOn, broken_reason: reason, broken_evidence: JSON.stringify([`深信办核〔${brokenOn.slice(0, 4)}〕${random.int(1, 90)}号`]), dishonesty_document_number: number });
    dishonestyRecords.push({
      kind: 'GOVERNMENT_DISHONESTY', subject_uscc: c.body_uscc, authority_uscc: creditOffice.uscc, document_number: number,
      title: `未履行${c.kind === 'CONTRACT' ? '合同约定' : '政策承诺'}：${String(c.title)}`, content: reason, legal_basis: '《优化营商环境条例》第三十一条',
      decision_date: brokenOn, severity: null, source_unit_uscc: creditOffice.uscc, catalog_item_code: 'SZ-ZWSX-FGW-001', governance_field: null,
      publicity_start: window.start, publicity_min_end: window.minimumEnd, publicity_end: window.end, rule_version: window.ruleVersion,
      status: window.end !== null && toDayNumber(window.end) < asOfDay ? 'EXPIRED' : 'IN_PUBLICITY',
      details: JSON.stringify({ commitmentKind: c.kind, counterpartyUscc: c.counterparty_uscc, amount: c.amount, promisedOn: c.promised_on, dueOn: c.due_on, reason }),
    });
  }

  // Leadership: a change halfway through the first promise of a body that spans one (the legacy flag says so).
  const tenures: Record<string, unknown>[] = [];
  const changed = new Set<string>();
  // Broken promises first, so the sample shows inherited ones on the record.
  const spanning = commitments.filter((row) => row.leadership_changed === true).sort((a, b) => Number(b.status === 'BROKEN') - Number(a.status === 'BROKEN'));
  for (const c of spanning) {
    const body = String(c.body_uscc);
    if (changed.has(body) || changed.size >= plan.tenureBodies) continue;
    changed.add(body);
    const from = toDayNumber(String(c.promised_on));
    const until = Math.min(asOfDay, toDayNumber(String(c.broken_on ?? c.due_on)));
    const changeDay = from + Math.max(1, Math.floor((until - from) / 2));
    const post = body.startsWith('12') ? '主任' : '局长';
    tenures.push({ body_uscc: body, leader_name: makeChineseName(random), post, started_on: '2019-01-01', ended_on: day(changeDay - 1), recorded_by: RECORDED_BY });
    tenures.push({ body_uscc: body, leader_name: makeChineseName(random), post, started_on: day(changeDay), ended_on: null, recorded_by: RECORDED_BY });
  }

  // Parts paid of SME payments, as the finance system reports them.
  const payments: ConsequenceRows['payments'] = [];
  for (const [index, c] of commitments.entries()) {
    if (c.kind !== 'PAYMENT' || c.payment_rule === null) continue;
    const due = toDayNumber(String(c.due_on));
    const delivered = toDayNumber(String(c.delivered_on));
    const total = cents(String(c.amount));
    const key = `SAMPLE-${index + 1}`;
    if (c.status === 'PENDING' && due < asOfDay && random.chance(0.4)) {
      const part = Math.round(total * (0.3 + 0.3 * random.next()));
      payments.push({ source_key: key, paid_on: day(random.int(Math.max(delivered, due - 10), asOfDay)), amount: yuan(part) });
    } else if (c.status === 'FULFILLED' && c.fulfilled_on !== null && toDayNumber(String(c.fulfilled_on)) - due >= 2 && random.chance(0.4)) {
      const paid = toDayNumber(String(c.fulfilled_on));
      const part = Math.round(total / 2);
      payments.push({ source_key: key, paid_on: day(random.int(due + 1, paid - 1)), amount: yuan(part) }, { source_key: key, paid_on: day(paid), amount: yuan(total - part) });
    } else continue;
    Object.assign(c, { source_system: '深圳市财政局国库集中支付系统（样例）', source_key: key });
  }

  // Court listings of bodies and institutions, by their district's court, numbered from 90001 (above the generator's court numbers).
  const debtors = [...world.pools.GOVERNMENT.filter((o) => o.key === undefined || !NOT_A_DEBTOR.test(o.key)), ...world.pools.INSTITUTION];
  const courts = new Map([...world.bodiesByKey].filter(([key]) => /^ZY@/.test(key)).map(([key, o]) => [key.slice(3), o]));
  const listings: SampleListing[] = [];
  for (let i = 0; i < plan.listings; i++) {
    const body = random.pick(debtors);
    const court = courts.get(body.districtCode) ?? cityCourt;
    const listedDay = random.int(toDayNumber(calendarDays.first), asOfDay - 15);
    const listedOn = day(listedDay);
    const caseNumber = `（${listedOn.slice(0, 4)}）${court.abbr ?? '粤03'}执${90_001 + i}号`;
    const conduct = random.chance(0.7) ? 'HAS_ABILITY_BUT_REFUSES' : 'VIOLATES_PROPERTY_REPORTING';
    const deletedDay = random.chance(0.5) ? Math.min(asOfDay - 1, listedDay + random.int(20, 200)) : null;
    const window = publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: listedOn, conduct, removedOn: deletedDay === null ? null : day(deletedDay) })!;
    const amount = (random.int(20, 2_000) * 1).toFixed(2);
    const obligation = `支付工程款${Number(amount) * 10_000}元`;
    const due = addWorkingDays(listedDay, DEFAULTER_RULE.notifySuperiorWithinWorkingDays);
    const notified = body.parentUscc !== null && random.chance(0.8) ? Math.min(asOfDay, listedDay + random.int(1, 7)) : null;
    const details: Record<string, unknown> = { caseNumber, court: court.name, dishonestConduct: conduct, obligation, publishedOn: listedOn, listingTermEnd: window.termEnd, reportedBy: 'court list' };
    if (deletedDay !== null) Object.assign(details, { deletedOn: day(deletedDay), deletionReason: '已履行完毕' });
    listings.push({
      record: {
        kind: 'JUDGMENT_DEFAULTER', subject_uscc: body.uscc, authority_uscc: court.uscc, document_number: caseNumber, title: '被纳入失信被执行人名单',
        content: obligation, legal_basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', decision_date: listedOn, severity: 'GENERAL',
        fine_amount: null, confiscated_amount: null, source_unit_uscc: cityCourt.uscc, catalog_item_code: DEFAULTER_RULE.catalogItemCode,
        governance_field: 'JUDGMENT_NON_ENFORCEMENT', publicity_start: window.start, publicity_min_end: window.minimumEnd, publicity_end: window.end,
        rule_version: window.ruleVersion, status: deletedDay !== null ? 'EXPIRED' : 'IN_PUBLICITY', details: JSON.stringify(details),
      },
      enforcementCase: {
        case_number: caseNumber, body_uscc: body.uscc, court_uscc: court.uscc, amount, filed_on: listedOn, status: deletedDay === null ? 'OPEN' : 'CLOSED',
        closed_on: deletedDay === null ? null : day(deletedDay), superior_uscc: notified === null ? null : body.parentUscc, superior_notified_on: notified === null ? null : day(notified),
        conduct, notification_due_on: day(due), notification_rule: DEFAULTER_RULE.version, recorded_by: RECORDED_BY,
      },
      alerts: [
        { kind: 'DEFAULTER_LISTED', body_uscc: body.uscc, raised_on: listedOn, due_on: day(due), message: `${court.name} listed ${body.name} as a judgment defaulter in case ${caseNumber}; notify its superior by ${day(due)}` },
        ...(deletedDay === null ? [] : [{ kind: 'DEFAULTER_DELETED', body_uscc: body.uscc, raised_on: day(deletedDay), due_on: null, message: `The court deleted the listing of case ${caseNumber}; the enforcement case is closed` }]),
      ],
    });
  }
  return { tenures, payments, dishonestyRecords, listings };
}
