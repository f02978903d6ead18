import { toIsoDate } from '../dayNumber.js';
import { createWeightedPicker } from '../random.js';
import type { WeightedPicker } from '../random.js';
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
    legalBasis: theCase.basis ?? null,
    severity: theCase.severity ?? 'GENERAL',
    details: { caseNumber, court: authority.name, caseType, trialLevel: appeal ? 'SECOND_INSTANCE' : 'FIRST_INSTANCE', cause: theCase.text },
  });
}

/**
 * A judgment defaulter (失信被执行人): enforcement case number (…执…号), the obligation, performance
 * NONE or PARTIAL and one of the six statutory dishonest situations; listed for two years.
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
  const basisDocument = `(${basisYear})${authority.abbr ?? '粤03'}民${authority.key === 'ZY' ? '终' : '初'}${random.int(100, 60_000)}号`;
  const obligation = theCase.text.replace('{amount}', String(random.int(5, 8_000) * 1_000));
  const filedOn = toIsoDate(draft.day - random.int(30, 240));
  const serious = conduct === 'OBSTRUCTS_ENFORCEMENT' || conduct === 'EVADES_ENFORCEMENT';
  return finishNegativeRecord(ctx, draft, {
    documentNumber: caseNumber,
    title: `${subject.name}被纳入失信被执行人名单`,
    content: `${subject.name}未履行${basisDocument}确定的义务：${obligation}。${conductZh}，${authority.name}依法将其纳入失信被执行人名单。`,
    legalBasis: theCase.basis ?? null,
    severity: serious ? 'SERIOUS' : 'GENERAL',
    details: {
      caseNumber, court: authority.name, basisDocument, basisIssuer: authority.name, filedOn, obligation,
      performance: random.chance(0.8) ? 'NONE' : 'PARTIAL', dishonestConduct: conduct, publishedOn: draft.date,
    },
  });
}
