import { type Random, toDayNumber, toIsoDate, makeNewProjectCode } from '../../../src/codes/index.js';
import { addWorkingDays, nextWorkingDay, workingDaysBetween } from '../../../src/calendar/index.js';
import type { SandboxOrganisation } from '../../shared/index.js';
import { STAGE_NAMES, type NativeProject, type NativeStage } from './ConstructionFixtures.js';
import type { Department } from './findApprovalDepartment.js';
import { makeProjectName } from './makeProjectName.js';

// Working days are those of the official calendar (holidays and make-up days, 调休); the generator keeps day numbers.
const toWorkingDay = (day: number): number => toDayNumber(nextWorkingDay(toIsoDay(day)));

/** What a project's generation needs besides its builder. */
export interface ProjectContext {
  random: Random;
  asOfDay: number;
  findDepartment(districtCode: string, stageCode: number): Department;
  /** Every project code issued so far, so that none is issued twice. */
  issuedCodes: Set<string>;
  /** Next sequence number per `area/year`, for project numbers. */
  sequences: Map<string, number>;
  districts: readonly string[];
}

/** Forced traits, so that the sample subjects show what the graph can say. */
export interface ProjectOverrides {
  startDay?: number;
  bothCodes?: boolean;
  overdueStage?: number;
  /** This stage is still awaiting its decision on the data set's today. */
  openStage?: number;
}

// Statutory working days per stage: a licence decision within 20 (extendable by 10), a construction
// permit within 7 (DOMAIN.md §6).
const LEGAL_DAYS: Readonly<Record<number, number>> = { 1: 20, 2: 20, 3: 7, 4: 20 };
// Calendar days between one stage's decision and the next application: design, then construction.
const GAP_DAYS: Readonly<Record<number, [number, number]>> = { 2: [10, 120], 3: [10, 90], 4: [300, 900] };
const FIRST_START = toDayNumber('2017-03-01');
const NEW_FORMAT_DAY = toDayNumber('2020-11-01');
const INDUSTRIES = ['47', '48', '49', '50', '65', '72', '78', '83'];

// A project needs a dozen dates and the large data set has 50,000 projects over some 3,500 days:
// formatting each day once keeps the build within seconds.
const isoDates = new Map<number, string>();
function toIsoDay(day: number): string {
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = toIsoDate(day);
    isoDates.set(day, iso);
  }
  return iso;
}

function issueCode(context: ProjectContext, make: () => string): string {
  for (;;) {
    const code = make();
    if (!context.issuedCodes.has(code)) {
      context.issuedCodes.add(code);
      return code;
    }
  }
}

function makeCodes(context: ProjectContext, area: string, startDay: number, isPublic: boolean, bothCodes: boolean | undefined) {
  const { random } = context;
  const type = isPublic ? '01' : random.chance(0.1) ? '02' : '03';
  const newCode = (day: number) => {
    const iso = toIsoDay(day);
    const yymm = `${iso.slice(2, 4)}${iso.slice(5, 7)}`;
    return issueCode(context, () => makeNewProjectCode(yymm, area, random.pick(['04', '05', '07', '11']), type, random.chars('0123456789', 5)));
  };
  if (startDay >= NEW_FORMAT_DAY) return { prjCode: newCode(startDay), oldPrjCode: null };
  const year = toIsoDay(startDay).slice(0, 4);
  const oldCode = issueCode(context, () => `${year}-${area}-${random.pick(INDUSTRIES)}-${type}-${random.chars('0123456789', 6)}`);
  // Projects still under way when the new system went live were given a new-format code (赋码).
  if (bothCodes ?? random.chance(0.6)) return { prjCode: newCode(random.dayBetween(NEW_FORMAT_DAY, toDayNumber('2021-06-30'))), oldPrjCode: oldCode };
  return { prjCode: oldCode, oldPrjCode: null };
}

function makeDocumentNumber(stageCode: number, area: string, finishDay: number, random: Random): string {
  const date = toIsoDay(finishDay).replace(/-/g, '');
  const serial = random.chars('0123456789', 5);
  if (stageCode === 1) return `地字第${area}${date.slice(0, 4)}${serial}号`;
  if (stageCode === 2) return `建字第${area}${date.slice(0, 4)}${serial}号`;
  if (stageCode === 3) return `${area}${date}${serial.slice(0, 4)}`;
  return `${area}${date.slice(0, 4)}JB${serial}`;
}

/**
 * Generates one project of `builder` with the stages it has reached by the data set's today: each
 * stage usually decided within its limit, sometimes late (some of those with an extension), the last
 * one possibly still in progress.
 */
export function makeProject(builder: SandboxOrganisation, context: ProjectContext, overrides: ProjectOverrides = {}): NativeProject {
  const { random } = context;
  const isPublic = builder.kind !== 'ENTERPRISE';
  const districtCode = builder.districtCode === '440300' ? random.pick(context.districts) : builder.districtCode;
  // City-level builders and one major project in seven are approved by the city's departments.
  const area = builder.districtCode === '440300' || random.chance(0.15) ? '440300' : districtCode;
  const startDay = toWorkingDay(overrides.startDay ?? random.dayBetween(FIRST_START, context.asOfDay - 10));
  const year = toIsoDay(startDay).slice(0, 4);
  const sequence = (context.sequences.get(`${area}/${year}`) ?? 0) + 1;
  context.sequences.set(`${area}/${year}`, sequence);
  const prjNum = `${area}${year}${String(sequence).padStart(5, '0')}`;
  const stageList: NativeStage[] = [];
  let acceptDay = startDay;
  for (let stageCode = 1; stageCode <= 4 && acceptDay <= context.asOfDay; stageCode++) {
    const legalDays = LEGAL_DAYS[stageCode] ?? 20;
    const late = overrides.overdueStage === stageCode || random.chance(0.12);
    const extendDays = stageCode !== 3 && random.chance(late ? 0.4 : 0.05) ? 10 : 0;
    const limit = legalDays + extendDays;
    let planned = late ? random.int(limit + 1, limit + 20) : random.int(Math.ceil(limit / 4), limit);
    if (overrides.openStage === stageCode) planned = Math.max(planned, workingDaysBetween(toIsoDay(acceptDay), toIsoDay(context.asOfDay)) + 1);
    const finishDay = toDayNumber(addWorkingDays(toIsoDay(acceptDay), planned));
    const finished = finishDay <= context.asOfDay;
    const department = context.findDepartment(area, stageCode);
    stageList.push({
      stageInstId: `${prjNum}-0${stageCode}`,
      stageCode,
      stageName: STAGE_NAMES[stageCode] ?? '',
      approvalDepartCode: department.uscc,
      approvalDepartName: department.name,
      acceptDate: toIsoDay(acceptDay),
      finishDate: finished ? toIsoDay(finishDay) : null,
      legalDays,
      extendDays,
      actualWorkDays: finished ? planned : workingDaysBetween(toIsoDay(acceptDay), toIsoDay(context.asOfDay)),
      approvalDocNum: finished ? makeDocumentNumber(stageCode, area, finishDay, random) : null,
    });
    if (!finished) break;
    const [minGap, maxGap] = GAP_DAYS[stageCode + 1] ?? [0, 0];
    acceptDay = toWorkingDay(finishDay + random.int(minGap, maxGap));
  }
  const approver = context.findDepartment(area, 1);
  const [low, high] = isPublic ? [1000, 300000] : [300, 150000];
  return {
    prjNum,
    ...makeCodes(context, area, startDay, isPublic, overrides.bothCodes),
    prjName: makeProjectName(builder, districtCode, random),
    buildCorpCode: builder.uscc,
    buildCorpName: builder.name,
    prjApprovalDepart: approver.uscc,
    prjApprovalDepartName: approver.name,
    districtCode,
    totalInvestment: Math.round(Math.exp(Math.log(low) + random.next() * Math.log(high / low)) * 100) / 100,
    stageList,
  };
}
