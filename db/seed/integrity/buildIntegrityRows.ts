import { readFileSync } from 'node:fs';
import { createRandom, createWeightedPicker, toDayNumber, toIsoDate, type Random } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';
import type { SeedOrganisation, SeedWorld } from '../SeedWorld.js';
import { buildConsequenceRows, type ConsequencePlan, type ConsequenceRows } from './buildConsequenceRows.js';

/** How many rows of each government-integrity table a size gets. */
export interface IntegrityPlan {
  commitments: number;
  enforcementCases: number;
  complaints: number;
  /** Court listings of bodies (issue 15 item 5) and bodies with a recorded change of leader (item 3). */
  consequences: ConsequencePlan;
}

/** Rows of the government-integrity tables, in their columns (the loader inserts them as they are). */
export interface IntegrityRows {
  commitments: Record<string, unknown>[];
  enforcementCases: Record<string, unknown>[];
  /** Interviews name their case by case number; the loader swaps in the case id. */
  interviews: (Record<string, unknown> & { case_number: string })[];
  complaints: Record<string, unknown>[];
  /** Broken promises on the record, tenures, parts paid and court listings (buildConsequenceRows). */
  consequences: ConsequenceRows;
}

interface Templates {
  commitments: Record<'POLICY_PROMISE' | 'CONTRACT' | 'PAYMENT', [string, number, number][]>;
  interviewers: string[];
  interviewSummaries: string[];
  complaints: [string, string, string][];
}
interface SmeRule { version: string; effectiveFrom: string; effectiveTo: string | null; maxTermDays: number }

// The SME payment rule versions are the workflow's rule data (src/workflows/governmentIntegrity/rules); db may not
// import the workflow, so it reads the same file.
const SME_RULES = (JSON.parse(readFileSync(new URL('../../../src/workflows/governmentIntegrity/rules/commitment-rules.json', import.meta.url), 'utf8')) as
  { smePayment: { versions: SmeRule[] } }).smePayment.versions;
const FIRST_SME_DAY = toDayNumber(SME_RULES[0]!.effectiveFrom);
const FIRST_COMMITMENT_DAY = toDayNumber('2020-01-01');
// Bodies that owe enterprises promises and payments: not courts, procuratorates, Party or supervision organs.
const NOT_A_DEBTOR = /^(ZY|JCY|JW|JC|SW|ZZB|SWB)(@|$)/;
const RECORDED_BY = 'sample data';

const smeRuleOn = (date: string): SmeRule | undefined =>
  SME_RULES.find((r) => r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo));
const amountBetween = (random: Random, min: number, max: number): string => (Math.round(min * (max / min) ** random.next() * 100) / 100).toFixed(2);
const day = (n: number): string => toIsoDate(n);

function paymentRow(random: Random, body: SeedOrganisation, counterparty: SeedOrganisation, title: string, amount: string, asOfDay: number): Record<string, unknown> {
  const sme = random.chance(0.85);
  const promisedDay = random.int(sme ? FIRST_SME_DAY : FIRST_COMMITMENT_DAY, asOfDay - 40);
  const deliveredDay = Math.min(asOfDay - 5, promisedDay + random.int(10, 120));
  const base = { kind: 'PAYMENT', title, amount, body_uscc: body.uscc, counterparty_uscc: counterparty.uscc, promised_on: day(promisedDay), delivered_on: day(deliveredDay), counterparty_sme: sme };
  let dueDay: number;
  let extra: Record<string, unknown>;
  const rule = sme ? smeRuleOn(day(promisedDay)) : undefined;
  if (rule) {
    // SME payment regulation: 30 days from delivery (or acceptance / settlement where the contract says so), 60 at most.
    const start = random.next();
    const termRunsFrom = start < 0.7 ? 'DELIVERY' : start < 0.9 ? 'ACCEPTANCE' : 'SETTLEMENT';
    const startDay = termRunsFrom === 'DELIVERY' ? deliveredDay : deliveredDay + random.int(3, 30);
    const term = random.pick([30, 30, 30, 45, 60].filter((t) => t <= rule.maxTermDays));
    dueDay = startDay + term;
    extra = {
      payment_rule: rule.version, term_runs_from: termRunsFrom, payment_term_days: term,
      accepted_on: termRunsFrom === 'ACCEPTANCE' ? day(startDay) : null, settled_on: termRunsFrom === 'SETTLEMENT' ? day(startDay) : null,
      agreed_daily_interest_rate: random.chance(0.2) ? '0.0003' : null,
    };
  } else {
    // Not an SME (or before the regulation): the contract's own due date, no statutory term or interest.
    dueDay = deliveredDay + random.int(30, 180);
    extra = { payment_rule: null, term_runs_from: null, payment_term_days: null, accepted_on: null, settled_on: null, agreed_daily_interest_rate: null };
  }
  const paid = dueDay <= asOfDay ? random.chance(0.78) : random.chance(0.15);
  const paidDay = !paid ? null : Math.min(asOfDay, dueDay <= asOfDay && random.chance(0.3) ? dueDay + random.int(1, 90) : random.int(Math.min(deliveredDay, dueDay), Math.min(dueDay, asOfDay)));
  return { ...base, ...extra, due_on: day(dueDay), status: paidDay === null ? 'PENDING' : 'FULFILLED', fulfilled_on: paidDay === null ? null : day(paidDay) };
}

function promiseRow(random: Random, kind: 'POLICY_PROMISE' | 'CONTRACT', body: SeedOrganisation, counterparty: SeedOrganisation, title: string, amount: string, asOfDay: number): Record<string, unknown> {
  const promisedDay = random.int(FIRST_COMMITMENT_DAY, asOfDay - 30);
  const dueDay = promisedDay + (kind === 'CONTRACT' ? random.int(180, 720) : random.int(90, 540));
  let status = 'PENDING';
  let fulfilledDay: number | null = null;
  const draw = random.next();
  if (dueDay <= asOfDay) {
    if (draw < 0.72) {
      status = 'FULFILLED';
      fulfilledDay = Math.min(asOfDay, random.chance(0.25) ? dueDay + random.int(1, 120) : dueDay - random.int(0, Math.min(60, dueDay - promisedDay)));
    } else if (draw < 0.8) status = 'BROKEN';
  } else if (draw < 0.2) {
    status = 'FULFILLED';
    fulfilledDay = random.int(promisedDay, asOfDay);
  }
  return {
    kind, title, amount, body_uscc: body.uscc, counterparty_uscc: counterparty.uscc, promised_on: day(promisedDay), due_on: day(dueDay),
    status, fulfilled_on: fulfilledDay === null ? null : day(fulfilledDay),
  };
}

/**
 * Builds the sample government-integrity rows (issue 12 item 6): commitments of every kind over every district,
 * some fulfilled, some overdue or broken, a few spanning a leadership change (more often the longer they run);
 * payments following the SME payment rule in force on the contract date; enforcement cases against bodies
 * with superior notifications and interviews; complaints in every state. Deterministic for a seed and world.
 */
export function buildIntegrityRows(world: SeedWorld, plan: IntegrityPlan, seed: number, asOf: string): IntegrityRows {
  const random = createRandom(seed, 'government-integrity');
  const texts = readSeedJson<Templates>('integrity/integrityTemplates.json');
  const asOfDay = toDayNumber(asOf);
  const bodies = world.pools.GOVERNMENT.filter((o) => o.key === undefined || !NOT_A_DEBTOR.test(o.key));
  const institutions = world.pools.INSTITUTION;
  const enterprises = world.pools.BUSINESS.filter((o) => o.uscc.startsWith('91'));
  const courts = new Map([...world.bodiesByKey].filter(([key]) => /^ZY(@|$)/.test(key)).map(([key, o]) => [key === 'ZY' ? 'city' : key.slice(3), o]));
  const districtName = (o: SeedOrganisation) => /深圳市(\p{Script=Han}{2}区)/u.exec(o.name)?.[1] ?? '深圳市';
  const pickKind = createWeightedPicker([['POLICY_PROMISE', 3], ['CONTRACT', 2], ['PAYMENT', 5]] as const);

  const commitments: Record<string, unknown>[] = [];
  for (let i = 0; i < plan.commitments; i++) {
    const kind = pickKind(random);
    const [template, min, max] = random.pick(texts.commitments[kind]);
    const payer = kind === 'PAYMENT' && institutions.length > 0 && random.chance(0.2) ? random.pick(institutions) : random.pick(bodies);
    const counterparty = random.pick(enterprises);
    const title = template.replace('{year}', String(2020 + random.int(0, 5))).replace('{district}', districtName(payer));
    const amount = amountBetween(random, min, max);
    const row = kind === 'PAYMENT'
      ? paymentRow(random, payer, counterparty, title, amount, asOfDay)
      : promiseRow(random, kind, payer.uscc.startsWith('11') ? payer : random.pick(bodies), counterparty, title, amount, asOfDay);
    // A public institution is tracked only as the payer of an SME under the payment rules.
    if (String(row.body_uscc).startsWith('12') && row.payment_rule === null) row.body_uscc = random.pick(bodies).uscc;
    const years = (toDayNumber(String(row.due_on)) - toDayNumber(String(row.promised_on))) / 365;
    commitments.push({ ...row, leadership_changed: random.chance(Math.min(0.5, 0.04 + 0.12 * years)), recorded_by: RECORDED_BY });
  }

  const enforcementCases: Record<string, unknown>[] = [];
  const interviews: IntegrityRows['interviews'] = [];
  const numbers = new Map<string, number>();
  for (let i = 0; i < plan.enforcementCases; i++) {
    const body = random.pick(bodies);
    const court = courts.get(body.districtCode) ?? (courts.get('city') as SeedOrganisation);
    const filedDay = random.int(FIRST_COMMITMENT_DAY, asOfDay - 5);
    const year = toIsoDate(filedDay).slice(0, 4);
    const series = `${court.abbr ?? '粤03'}执|${year}`;
    const n = (numbers.get(series) ?? random.int(100, 3_000)) + random.int(1, 40);
    numbers.set(series, n);
    const caseNumber = `（${year}）${court.abbr ?? '粤03'}执${n}号`;
    const closes = random.chance(asOfDay - filedDay > 365 ? 0.85 : 0.4);
    const closedDay = closes ? Math.min(asOfDay, filedDay + random.int(20, 400)) : null;
    const superior = body.parentUscc !== null && random.chance(0.75) ? body.parentUscc : null;
    const notifiedDay = superior === null ? null : Math.min(asOfDay, filedDay + random.int(3, 20));
    enforcementCases.push({
      case_number: caseNumber, body_uscc: body.uscc, court_uscc: court.uscc, amount: amountBetween(random, 5, 800), filed_on: day(filedDay),
      status: closedDay === null ? 'OPEN' : 'CLOSED', closed_on: closedDay === null ? null : day(closedDay),
      superior_uscc: superior, superior_notified_on: notifiedDay === null ? null : day(notifiedDay), recorded_by: RECORDED_BY,
    });
    const held = random.int(0, 2);
    for (let k = 0; k < held; k++) {
      const from = (notifiedDay ?? filedDay) + 1;
      const to = Math.max(from, Math.min(asOfDay, closedDay ?? asOfDay));
      interviews.push({ case_number: caseNumber, held_on: day(random.int(Math.min(from, asOfDay), to)), interviewer: random.pick(texts.interviewers), summary: random.pick(texts.interviewSummaries) });
    }
  }

  const complaints: Record<string, unknown>[] = [];
  const channels = createWeightedPicker([['HOTLINE_12345', 50], ['ONLINE', 30], ['LETTER', 10], ['VISIT', 10]] as const);
  const states = ['RECEIVED', 'VERIFYING', 'SUBSTANTIATED', 'UNSUBSTANTIATED'] as const;
  for (let i = 0; i < plan.complaints; i++) {
    const [content, upheld, rejected] = random.pick(texts.complaints);
    const body = institutions.length > 0 && random.chance(0.15) ? random.pick(institutions) : random.pick(bodies);
    // The first four cover every state; then the state follows from the complaint's age.
    // About one in eight arrived in the last six weeks, so the open states stay in use.
    const receivedDay = i < states.length ? asOfDay - [3, 20, 90, 120][i]!
      : random.chance(0.12) ? random.int(asOfDay - 45, asOfDay) : random.int(toDayNumber('2021-01-01'), asOfDay);
    const age = asOfDay - receivedDay;
    const status = i < states.length ? states[i]! : age <= 7 ? 'RECEIVED' : age <= 30 && random.chance(0.6) ? 'VERIFYING' : random.chance(0.4) ? 'SUBSTANTIATED' : 'UNSUBSTANTIATED';
    const concluded = status === 'SUBSTANTIATED' || status === 'UNSUBSTANTIATED';
    complaints.push({
      body_uscc: body.uscc, channel: channels(random), content, complainant_name: null, complainant_phone: null, received_on: day(receivedDay), status,
      outcome: concluded ? (status === 'SUBSTANTIATED' ? upheld : rejected) : null,
      concluded_on: concluded ? day(Math.min(asOfDay, receivedDay + random.int(5, 40))) : null,
    });
  }
  return { commitments, enforcementCases, interviews, complaints, consequences: buildConsequenceRows(world, commitments, plan.consequences, seed, asOf) };
}
