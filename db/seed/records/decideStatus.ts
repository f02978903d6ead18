import { toDayNumber, toIsoDate, type Random } from '../../../src/codes/index.js';
import type { PublicityWindow } from '../../../src/credit/index.js';

/** A record's status as of the data set's date, with the details that explain it. */
export interface StatusDecision {
  status: 'IN_PUBLICITY' | 'UNDER_OBJECTION' | 'REPAIRED' | 'WITHDRAWN' | 'EXPIRED';
  details: Record<string, unknown>;
}

// Outcome of an approved repair, for the kinds whose window has a minimum end (penalties; lists with early
// removal). Judgment defaulters end by the court's deletion, which the builder draws from the source instead.
const REPAIRABLE: Readonly<Record<string, string>> = {
  ADMINISTRATIVE_PENALTY: 'STOP_DISCLOSURE',
  SERIOUS_DISHONESTY: 'REMOVED_FROM_LIST',
};

const WITHDRAWAL_REASONS: Readonly<Record<string, readonly string[]>> = {
  ADMINISTRATIVE_PENALTY: ['行政复议决定撤销原行政处罚决定', '人民法院判决撤销原行政处罚决定', '作出机关依法自行撤销原行政处罚决定'],
  JUDGMENT_DEFAULTER: ['据以执行的法律文书被依法撤销', '纳入失信被执行人名单错误，依法纠正'],
  SERIOUS_DISHONESTY: ['列入名单所依据的行政处罚决定被撤销'],
  GOVERNMENT_SANCTION: ['经复审、复核，撤销原处分决定'],
  DISCIPLINARY_SANCTION: ['经复核、申诉，撤销原处分决定'],
  PARTY_DISCIPLINE: ['经复查、申诉，撤销原党纪处分决定'],
};

// Grounds of objection under the Shenzhen credit regulation art. 48.
const OBJECTION_GROUNDS = ['ERROR_OR_OMISSION', 'DISCLOSED_AFTER_PERIOD', 'WRONGLY_LISTED', 'OTHER'] as const;
const OBJECTABLE = new Set(['ADMINISTRATIVE_PENALTY', 'JUDICIAL_JUDGMENT', 'JUDGMENT_DEFAULTER', 'SERIOUS_DISHONESTY', 'ACCOUNTABILITY']);

/**
 * Decides the status of a negative record from its window as of `asOfDay`: EXPIRED once the window
 * has ended; otherwise mostly IN_PUBLICITY, some UNDER_OBJECTION (filed in the last week), REPAIRED
 * (decided between the minimum end and as-of, for kinds and lists with a minimum end) and WITHDRAWN (with the reason
 * in `withdrawalReason`). Kinds a status does not apply to stay IN_PUBLICITY.
 */
export function decideStatus(random: Random, kind: string, window: PublicityWindow, decisionDay: number, asOfDay: number): StatusDecision {
  if (window.end !== null && toDayNumber(window.end) < asOfDay) return { status: 'EXPIRED', details: {} };
  const draw = random.next();
  const minimumEndDay = window.minimumEnd === null ? null : toDayNumber(window.minimumEnd);
  const repairOutcome = REPAIRABLE[kind];
  if (draw < 0.1 && repairOutcome !== undefined && minimumEndDay !== null && minimumEndDay <= asOfDay) {
    const decidedOn = toIsoDate(random.dayBetween(Math.max(minimumEndDay, decisionDay), asOfDay));
    return { status: 'REPAIRED', details: { repair: { decidedOn, outcome: repairOutcome } } };
  }
  const reasons = WITHDRAWAL_REASONS[kind];
  if (draw >= 0.1 && draw < 0.13 && reasons !== undefined) {
    const withdrawnOn = toIsoDate(random.dayBetween(Math.min(decisionDay + 20, asOfDay), asOfDay));
    return { status: 'WITHDRAWN', details: { withdrawalReason: random.pick(reasons), withdrawnOn } };
  }
  if (draw >= 0.13 && draw < 0.16 && OBJECTABLE.has(kind)) {
    const filedOn = toIsoDate(random.dayBetween(Math.max(decisionDay, asOfDay - 6), asOfDay));
    return { status: 'UNDER_OBJECTION', details: { objection: { filedOn, ground: random.pick(OBJECTION_GROUNDS) } } };
  }
  return { status: 'IN_PUBLICITY', details: {} };
}
