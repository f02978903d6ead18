import { createRandom, createWeightedPicker, type Random, type WeightedPicker } from '../../../src/codes/index.js';
import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { DEFAULT_AS_OF, DEFAULT_SAMPLE_SEED } from '../../../db/seed/sampleDataPlans.js';
import { sandboxOrganisations, type SandboxOrganisation } from '../../shared/sandbox/sandboxOrganisations.js';
import { addWorkingDays, nextWorkingDay, workingDaysBetween } from '../../../src/calendar/index.js';
import { findServiceItemTemplates } from './serviceItemCatalogue.js';
import { formatDay, toDayNumber } from './dayNumber.js';
import { addCase, addReview, emptyStats } from './summariseCases.js';

/** Case status as the platform writes it (办件状态). */
export type ProjStatus = '办理中' | '已办结' | '不予受理' | '已撤回';
/** Follow-up status of a bad review (差评整改状态). */
export type RectifyStatus = '待整改' | '整改中' | '已整改' | '已反馈' | '申诉中' | '申诉通过';
/** All follow-up statuses, in the order of the process. */
export const RECTIFY_STATUSES: readonly RectifyStatus[] = ['待整改', '整改中', '已整改', '已反馈', '申诉中', '申诉通过'];

/** A department that implements service items (实施主体). */
export interface FixtureDepartment {
  uscc: string;
  name: string;
  districtCode: string;
  items: FixtureServiceItem[];
}

/** A service item as one department implements it (实施清单事项). */
export interface FixtureServiceItem {
  serviceCode: string;
  serviceName: string;
  department: FixtureDepartment;
  legalTimeLimit: number;
  promiseTimeLimit: number;
  /** Relative number of applications. */
  weight: number;
}

/** The follow-up of a bad review. Days are day numbers, minutes are minutes after midnight (Beijing time). */
export interface FixtureRectification {
  status: RectifyStatus;
  deadlineDay: number;
  finishDay: number | null;
  finishMinute: number;
  overTime: boolean;
}

/** A review (好差评): level 5 非常满意 … 1 非常不满意. */
export interface FixtureEvaluation {
  level: 1 | 2 | 3 | 4 | 5;
  day: number;
  minute: number;
  channel: string;
  content: string | null;
  rectification: FixtureRectification | null;
}

/** A case (办件). */
export interface FixtureCase {
  projNo: string;
  item: FixtureServiceItem;
  applicant: SandboxOrganisation;
  status: ProjStatus;
  applyDay: number;
  applyMinute: number;
  acceptDay: number | null;
  acceptMinute: number;
  finishDay: number | null;
  finishMinute: number;
  promiseEndDay: number | null;
  usedWorkDays: number | null;
  overTime: boolean;
  evaluation: FixtureEvaluation | null;
}

/** What the platform's statistics say about one department (部门办件与评价统计). */
export interface FixtureDepartmentStats {
  projCount: number;
  finishCount: number;
  inTimeFinishCount: number;
  overTimeCount: number;
  levelCounts: [number, number, number, number, number, number]; // index = evaluateLevel; 0 unused
  badEvaluateCount: number;
  rectifyCounts: Map<RectifyStatus, number>;
  rectifyOverdueCount: number;
}

/** The sandbox's data, indexed the way its endpoints read it. */
export interface GovServiceFixtures {
  asOf: string;
  statStartDate: string;
  departments: Map<string, FixtureDepartment>;
  items: Map<string, FixtureServiceItem>;
  /** Every case; the one numbered `projNo` is at the index given by its last 7 digits minus one. */
  cases: FixtureCase[];
  casesByApplicant: Map<string, FixtureCase[]>;
  statsByDepartment: Map<string, FixtureDepartmentStats>;
  /** Every case handled by each department, in the order drawn. */
  casesByDepartment: Map<string, FixtureCase[]>;
}

// The sample subjects the README and demos use get enough activity to show every part of the graph.
const FOCUS_DEPARTMENTS: Readonly<Record<string, { weightFactor: number; badReviewRate: number }>> = {
  '11440305003219403F': { weightFactor: 6, badReviewRate: 0.3 }, // 深圳市南山区人民政府
};
const FOCUS_APPLICANTS: Readonly<Record<string, { minCases: number }>> = {
  '91440300MA5E9NHA04': { minCases: 5 }, // 深圳市维晶科技有限公司
};

const STAT_START_DATE = '2024-01-01';
// First day of the recent first-time applications (see buildGovServiceFixtures).
const RECENT_START = '2025-05-01';

// Newest application first, as the platform lists them.
const sortNewestFirst = (cases: FixtureCase[]): FixtureCase[] =>
  cases.sort((a, b) => b.applyDay - a.applyDay || b.applyMinute - a.applyMinute || (a.projNo < b.projNo ? 1 : -1));
const APPLICANT_KINDS = new Set(['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE']);
const CASES_PER_APPLICANT = createWeightedPicker<number>([[0, 25], [1, 25], [2, 20], [3, 12], [4, 8], [5, 5], [6, 2], [8, 2], [10, 1]]);
const CHANNELS = createWeightedPicker<string>([['1', 20], ['2', 40], ['3', 25], ['4', 8], ['5', 5], ['6', 2]]);
const GOOD_LEVEL = createWeightedPicker<1 | 2 | 3 | 4 | 5>([[5, 62], [4, 28], [3, 10]]);
// Once the 15-working-day deadline has passed most follow-ups are closed, but not all.
const SETTLED_RECTIFY_STATUS = createWeightedPicker<RectifyStatus>([['已反馈', 50], ['已整改', 18], ['整改中', 12], ['待整改', 5], ['申诉中', 5], ['申诉通过', 10]]);
const BAD_COMMENTS = ['材料要求反复变化，多次补正', '超过承诺时限仍未办结', '窗口工作人员解释不清楚', '网上申报系统经常卡顿', '一次性告知内容不完整', '电话无人接听，进度查询困难'];
const TIMELY_BAD_COMMENTS = BAD_COMMENTS.filter((comment) => !comment.includes('超过承诺时限'));
const GOOD_COMMENTS = ['办理高效，点赞', '工作人员耐心细致', '全程网办，很方便'];

function districtKey(districtCode: string): string {
  return districtCode === '440313' ? '440305' : districtCode; // Qianhai is served by Nanshan's departments
}

function buildDepartments(organisations: SandboxOrganisation[]): Map<string, FixtureDepartment> {
  const departments = new Map<string, FixtureDepartment>();
  for (const o of organisations) {
    if (o.kind !== 'GOVERNMENT_BODY') continue;
    const templates = findServiceItemTemplates(o.name);
    if (templates.length === 0) continue;
    const department: FixtureDepartment = { uscc: o.uscc, name: o.name, districtCode: o.districtCode, items: [] };
    department.items = templates.map((tpl) => ({
      serviceCode: `${o.uscc}${tpl.baseCode}`,
      serviceName: tpl.name,
      department,
      legalTimeLimit: tpl.legalTimeLimit,
      promiseTimeLimit: tpl.promiseTimeLimit,
      weight: tpl.weight,
    }));
    departments.set(o.uscc, department);
  }
  return departments;
}

// One weighted item picker per district (district-level departments) and one for the city.
function buildItemPickers(departments: Map<string, FixtureDepartment>): Map<string, WeightedPicker<FixtureServiceItem>> {
  const entries = new Map<string, [FixtureServiceItem, number][]>();
  for (const department of departments.values()) {
    const factor = FOCUS_DEPARTMENTS[department.uscc]?.weightFactor ?? 1;
    const key = districtKey(department.districtCode);
    const list = entries.get(key) ?? [];
    for (const item of department.items) list.push([item, item.weight * factor]);
    entries.set(key, list);
  }
  return new Map([...entries].map(([key, list]) => [key, createWeightedPicker(list)]));
}

// Working days are the official calendar's (src/calendar: holidays and make-up days, 调休); the fixtures keep day numbers.
const workingDaysAfter = (day: number, n: number): number => toDayNumber(addWorkingDays(formatDay(day), n));

function drawEvaluation(random: Random, caseFinishDay: number, caseFinishMinute: number, overTime: boolean, badRate: number, asOfDay: number): FixtureEvaluation {
  const day = Math.min(asOfDay, caseFinishDay + random.int(0, 3));
  const bad = random.chance(overTime ? Math.min(0.9, badRate * 3) : badRate);
  const level = bad ? (random.chance(0.55) ? 2 : 1) : GOOD_LEVEL(random);
  const channel = CHANNELS(random);
  const content = bad ? random.pick(overTime ? BAD_COMMENTS : TIMELY_BAD_COMMENTS) : random.chance(0.15) ? random.pick(GOOD_COMMENTS) : null;
  // A review follows the conclusion: on the same day, some minutes after it.
  const minute = day === caseFinishDay ? Math.min(1439, caseFinishMinute + random.int(5, 240)) : random.int(480, 1320);
  if (!bad) return { level, day, minute, channel, content, rectification: null };
  const deadlineDay = workingDaysAfter(day, 15);
  let status: RectifyStatus;
  if (deadlineDay >= asOfDay) status = random.pick<RectifyStatus>(['待整改', '整改中', '整改中', '已整改', '申诉中']);
  else status = SETTLED_RECTIFY_STATUS(random);
  let finishDay: number | null = null;
  if (status === '已整改' || status === '已反馈' || status === '申诉通过') {
    finishDay = Math.min(asOfDay, workingDaysAfter(day, random.chance(0.85) ? random.int(1, 15) : random.int(16, 25)));
  }
  const open = status === '待整改' || status === '整改中';
  const overTimeRect = (open && deadlineDay < asOfDay) || (finishDay !== null && status !== '申诉通过' && finishDay > deadlineDay);
  return { level, day, minute, channel, content, rectification: { status, deadlineDay, finishDay, finishMinute: random.int(540, 1080), overTime: overTimeRect } };
}

const compactDays = new Map<number, string>();
function compactDay(day: number): string {
  let text = compactDays.get(day);
  if (text === undefined) compactDays.set(day, (text = formatDay(day).replaceAll('-', '')));
  return text;
}

const ACCEPT_DELAYS = [0, 0, 0, 1, 1, 2];

function drawCase(random: Random, seq: number, item: FixtureServiceItem, applicant: SandboxOrganisation, firstDay: number, asOfDay: number): FixtureCase {
  const badRate = FOCUS_DEPARTMENTS[item.department.uscc]?.badReviewRate ?? 0.05;
  const applyDay = toDayNumber(nextWorkingDay(formatDay(random.dayBetween(firstDay, asOfDay - 1))));
  const applyMinute = random.int(510, 1080);
  const projNo = `${districtKey(item.department.districtCode)}${compactDay(applyDay)}${String(seq).padStart(7, '0')}`;
  // One object literal with every member, so that all cases share one hidden class (the large set holds 200k+).
  let status: ProjStatus = '已办结';
  let acceptDay: number | null = null;
  let acceptMinute = 0;
  let finishDay: number | null = null;
  let finishMinute = 0;
  let promiseEndDay: number | null = null;
  let usedWorkDays: number | null = null;
  let overTime = false;
  let evaluation: FixtureEvaluation | null = null;
  if (random.chance(0.03)) {
    status = '不予受理';
    finishDay = Math.min(asOfDay, workingDaysAfter(applyDay, random.int(1, 5)));
    finishMinute = random.int(540, 1080);
  } else {
    acceptDay = Math.min(asOfDay, workingDaysAfter(applyDay, random.pick(ACCEPT_DELAYS)));
    acceptMinute = acceptDay === applyDay ? Math.min(1110, applyMinute + random.int(5, 90)) : random.int(540, 1080);
    promiseEndDay = workingDaysAfter(acceptDay, item.promiseTimeLimit);
    const used = random.chance(0.08) ? item.promiseTimeLimit + random.int(1, 8) : random.int(0, item.promiseTimeLimit);
    const plannedFinish = workingDaysAfter(acceptDay, used);
    if (random.chance(0.02)) status = '已撤回';
    // Applications of the last two months are often still open, some of them past their promised date.
    else if (plannedFinish > asOfDay || (asOfDay - applyDay < 60 && random.chance(0.35))) {
      status = '办理中';
      overTime = promiseEndDay < asOfDay;
    } else {
      finishDay = plannedFinish;
      finishMinute = plannedFinish === acceptDay ? Math.min(1170, acceptMinute + random.int(10, 120)) : random.int(540, 1080);
      usedWorkDays = workingDaysBetween(formatDay(acceptDay), formatDay(plannedFinish));
      overTime = usedWorkDays > item.promiseTimeLimit;
      if (random.chance(0.7)) evaluation = drawEvaluation(random, plannedFinish, finishMinute, overTime, badRate, asOfDay);
    }
  }
  return { projNo, item, applicant, status, applyDay, applyMinute, acceptDay, acceptMinute, finishDay, finishMinute, promiseEndDay, usedWorkDays, overTime, evaluation };
}

/**
 * Builds the platform's data for the sample data set of `size`: service items for the government bodies
 * that take applications, cases filed by the enterprises since 2024 with their reviews and the
 * follow-up of bad reviews, and per-department statistics. Deterministic: the same size gives the same data.
 */
export function buildGovServiceFixtures(size: SampleDataSize): GovServiceFixtures {
  const organisations = sandboxOrganisations(size);
  const asOfDay = toDayNumber(DEFAULT_AS_OF);
  const firstDay = toDayNumber(STAT_START_DATE);
  const departments = buildDepartments(organisations);
  const pickers = buildItemPickers(departments);
  const cityPicker = pickers.get('440300');
  const random = createRandom(DEFAULT_SAMPLE_SEED, 'gov-service/cases');
  const fixtures: GovServiceFixtures = {
    asOf: DEFAULT_AS_OF,
    statStartDate: STAT_START_DATE,
    departments,
    items: new Map(),
    cases: [],
    casesByApplicant: new Map(),
    statsByDepartment: new Map([...departments.keys()].map((uscc) => [uscc, emptyStats()])),
    casesByDepartment: new Map([...departments.keys()].map((uscc) => [uscc, []])),
  };
  for (const department of departments.values()) for (const item of department.items) fixtures.items.set(item.serviceCode, item);
  let seq = 0;
  const record = (c: FixtureCase) => {
    fixtures.cases.push(c);
    const stats = fixtures.statsByDepartment.get(c.item.department.uscc);
    if (stats) {
      addCase(stats, c);
      addReview(stats, c);
    }
    fixtures.casesByDepartment.get(c.item.department.uscc)?.push(c);
  };
  const firstTime: SandboxOrganisation[] = [];
  for (const applicant of organisations) {
    if (!APPLICANT_KINDS.has(applicant.kind)) continue;
    const count = Math.max(CASES_PER_APPLICANT(random), FOCUS_APPLICANTS[applicant.uscc]?.minCases ?? 0);
    if (count === 0) {
      firstTime.push(applicant);
      continue;
    }
    const districtPicker = pickers.get(districtKey(applicant.districtCode));
    const cases: FixtureCase[] = [];
    for (let i = 0; i < count; i++) {
      const picker = districtPicker && (!cityPicker || random.chance(0.6)) ? districtPicker : cityPicker;
      if (!picker) break;
      seq += 1;
      const c = drawCase(random, seq, picker(random), applicant, firstDay, asOfDay);
      cases.push(c);
      record(c);
    }
    fixtures.casesByApplicant.set(applicant.uscc, sortNewestFirst(cases));
  }
  // Recent first-time applicants: enterprises that had filed nothing file with their district's departments
  // since RECENT_START, so that every district shows a monthly trend (a separate stream, so the cases above,
  // the focus department and the city's departments are unchanged).
  const recentRandom = createRandom(DEFAULT_SAMPLE_SEED, 'gov-service/recent-cases');
  const recentPickers = buildItemPickers(new Map([...departments].filter(([uscc, d]) => !FOCUS_DEPARTMENTS[uscc] && d.districtCode !== '440300')));
  const recentFirstDay = toDayNumber(RECENT_START);
  for (const applicant of firstTime) {
    const picker = recentPickers.get(districtKey(applicant.districtCode));
    if (!picker || !recentRandom.chance(0.85)) continue;
    const cases: FixtureCase[] = [];
    for (let i = recentRandom.int(2, 6); i > 0; i--) {
      seq += 1;
      const c = drawCase(recentRandom, seq, picker(recentRandom), applicant, recentFirstDay, asOfDay);
      cases.push(c);
      record(c);
    }
    fixtures.casesByApplicant.set(applicant.uscc, sortNewestFirst(cases));
  }
  return fixtures;
}

/** The case numbered `projNo` (办件编号), or undefined. */
export function findFixtureCase(fixtures: GovServiceFixtures, projNo: string): FixtureCase | undefined {
  const found = /^\d{14}(\d{7})$/.exec(projNo);
  const c = found ? fixtures.cases[Number(found[1]) - 1] : undefined;
  return c?.projNo === projNo ? c : undefined;
}
