import { addMonths } from '../../../src/credit/index.js';
import { toDayNumber, toIsoDate, createWeightedPicker, type WeightedPicker } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { finishNegativeRecord } from './toCreditRecord.js';

const CASE_TYPE_CODES = { CIVIL: '民', CRIMINAL: '刑', ADMINISTRATIVE: '行' } as const;
const conductPickers = new WeakMap<object, WeightedPicker<readonly [string, string]>>();

// The intermediate court (key ZY) hears appeals (终); district courts the first instance (初).
function isIntermediateCourt(draft: RecordDraft): boolean {
  return draft.authority.key === 'ZY';
}

function counterpartyName(ctx: RecordContext): string {
  const pool = ctx.world.pools.BUSINESS;
  return ctx.random.pick(pool).name;
}

/** An effective judgment (司法判决): case number by court level and case type, window by severity. */
export function buildJudgmentRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { random, documentNumbers } = ctx;
  const { subject, theCase, authority } = draft;
  const caseType = theCase.caseType ?? 'CIVIL';
  const appeal = isIntermediateCourt(draft) && random.chance(0.85);
  const caseNumber = documentNumbers.courtCase(authority, `${CASE_TYPE_CODES[caseType]}${appeal ? '终' : '初'}`, draft.year);
  const counterparty = counterpartyName(ctx);
  const amount = random.int(20, 5_000) * 1_000;
  const title = caseType === 'ADMINISTRATIVE' ? `${counterparty}诉${subject.name}${theCase.text}案`
    : caseType === 'CRIMINAL' ? `${subject.name}${theCase.text}案` : `${subject.name}与${counterparty}${theCase.text}案`;
  const ruling = caseType === 'ADMINISTRATIVE' ? `撤销被告${subject.name}作出的行政行为，责令其重新作出处理`
    : caseType === 'CRIMINAL' && subject.civilServant ? `被告人${subject.name}犯${theCase.text}，判处有期徒刑${random.int(1, 12)}年`
    : caseType === 'CRIMINAL' ? `被告单位${subject.name}犯${theCase.text}，判处罚金人民币${amount}元`
    : `${subject.name}于判决生效之日起十日内向${counterparty}支付人民币${amount}元`;
  return finishNegativeRecord(ctx, draft, {
    documentNumber: caseNumber,
    title,
    content: `${authority.name}经审理认为，${subject.name}应承担相应法律责任。判决如下：${ruling}。`,
    legalBasis: draft.basis ?? null,
    severity: theCase.severity ?? 'GENERAL',
    details: { caseNumber, court: authority.name, caseType, trialLevel: appeal ? 'SECOND_INSTANCE' : 'FIRST_INSTANCE', cause: theCase.text },
  });
}

// Listing term by conduct (SPC provisions art. 2): situation 1 (refusal despite ability) has none; a court may
// extend a 2-year listing by 1-3 years for violent obstruction or several dishonest acts.
const TERMLESS_CONDUCT = 'HAS_ABILITY_BUT_REFUSES';
const DELETION_REASONS = ['被执行人已履行生效法律文书确定的全部义务', '当事人达成执行和解协议且已履行完毕', '申请执行人书面申请删除失信信息，人民法院审查同意'] as const;

/**
 * The court's deletion of a listing as the source reports it (SPC provisions art. 10): within 3 working days
 * of performance or settlement, or of the term's end. The sample counts those 3 days as up to 5 calendar days
 * (the working calendar covers 2024 on only); a deletion after the data set's date is not known yet.
 */
function drawDeletion(ctx: RecordContext, listedDay: number, termEnd: string | null): { deletedOn: string; reason: string } | null {
  const { random, asOfDay } = ctx;
  const termEndDay = termEnd === null ? null : toDayNumber(termEnd);
  const performs = random.chance(termEndDay === null ? 0.45 : 0.3);
  const eventDay = performs
    ? random.int(listedDay + 20, Math.max(listedDay + 20, (termEndDay ?? listedDay + 1_500) - 1))
    : termEndDay;
  if (eventDay === null) return null;
  const deletedDay = eventDay + random.int(1, 5);
  if (deletedDay > asOfDay) return null;
  return { deletedOn: toIsoDate(deletedDay), reason: performs ? random.pick(DELETION_REASONS) : '纳入期限届满' };
}

/**
 * A judgment defaulter (失信被执行人): enforcement case number (…执…号), the obligation, performance
 * NONE or PARTIAL and one of the six statutory dishonest situations. The listing runs by conduct (2 years,
 * perhaps extended, or no term for refusal despite ability) and ends on the court's deletion (SPC provisions
 * art. 2, 10); the deletion date is part of the source data.
 */
export function buildDefaulterRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { random, documentNumbers } = ctx;
  const { subject, theCase, authority, item } = draft;
  let pickConduct = conductPickers.get(item);
  if (!pickConduct) {
    pickConduct = createWeightedPicker((item.definition.dishonestConduct ?? []).map(([code, zh, w]) => [[code, zh] as const, w] as const));
    conductPickers.set(item, pickConduct);
  }
  const [conduct, conductZh] = pickConduct(random);
  const caseNumber = documentNumbers.courtCase(authority, '执', draft.year);
  const basisYear = draft.year - random.int(0, 1);
  const basisDocument = `（${basisYear}）${authority.abbr ?? '粤03'}民${authority.key === 'ZY' ? '终' : '初'}${random.int(100, 60_000)}号`;
  const obligation = theCase.text.replace('{amount}', String(random.int(5, 8_000) * 1_000));
  const filedOn = toIsoDate(draft.day - random.int(30, 240));
  const serious = conduct === 'OBSTRUCTS_ENFORCEMENT' || conduct === 'EVADES_ENFORCEMENT';
  const termless = conduct === TERMLESS_CONDUCT;
  const extensionMonths = !termless && serious && random.chance(0.4) ? random.pick([12, 24, 36] as const) : null;
  const termEnd = termless ? null : addMonths(draft.date, 24 + (extensionMonths ?? 0));
  const deletion = drawDeletion(ctx, draft.day, termEnd);
  const details: Record<string, unknown> = {
    caseNumber, court: authority.name, basisDocument, basisIssuer: authority.name, filedOn, obligation,
    performance: random.chance(0.8) ? 'NONE' : 'PARTIAL', dishonestConduct: conduct, publishedOn: draft.date,
    listingTermEnd: termEnd,
  };
  if (extensionMonths !== null) details.extensionMonths = extensionMonths;
  if (deletion) Object.assign(details, { deletedOn: deletion.deletedOn, deletionReason: deletion.reason });
  return finishNegativeRecord(ctx, draft, {
    documentNumber: caseNumber,
    title: `${subject.name}被纳入失信被执行人名单`,
    content: `${subject.name}未履行${basisDocument}确定的义务：${obligation}。${conductZh}，${authority.name}依法将其纳入失信被执行人名单。`,
    legalBasis: draft.basis ?? null,
    severity: serious ? 'SERIOUS' : 'GENERAL',
    details,
  }, { conduct, extensionMonths, removedOn: deletion?.deletedOn ?? null });
}
