import { derivePenaltySectors, penaltySeverity } from '../../../src/credit/index.js';
import type { Random } from '../../../src/codes/index.js';
import type { PenaltyCategory, PenaltyRange } from '../catalog/legalBases.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { formatWanYuan } from './formatWanYuan.js';
import { finishNegativeRecord } from './toCreditRecord.js';
import type { RecordParts } from './toCreditRecord.js';

const CATEGORY_ZH: Readonly<Record<PenaltyCategory, string>> = {
  WARNING_CRITICISM: '警告', FINE_CONFISCATION: '罚款', PERMIT_SUSPENSION_REVOCATION: '暂扣许可证件',
  BUSINESS_RESTRICTION_CLOSURE: '责令停产停业', ADMINISTRATIVE_DETENTION: '行政拘留', OTHER: '法律、行政法规规定的其他行政处罚',
};
const SERIOUS_MEASURES = new Set<PenaltyCategory>(['PERMIT_SUSPENSION_REVOCATION', 'BUSINESS_RESTRICTION_CLOSURE', 'ADMINISTRATIVE_DETENTION', 'OTHER']);

/**
 * Penalty categories (Administrative Penalty Law art. 9) the cited article allows: a fine whenever the article makes
 * one mandatory (else in three cases of four), a warning alone only where the article provides one, a warning beside
 * the fine now and then, and a heavier measure the article provides in a few cases.
 */
function pickCategories(random: Random, range: PenaltyRange): PenaltyCategory[] {
  const finable = range.fineMinWan !== null;
  const warning = range.nonFineMeasures.includes('WARNING_CRITICISM');
  const heavier = range.nonFineMeasures.filter((m) => SERIOUS_MEASURES.has(m));
  if (!finable) return [range.nonFineMeasures.length > 0 ? random.pick(range.nonFineMeasures) : 'OTHER'];
  const fined = range.fineMandatory || !warning || random.chance(0.75);
  if (!fined) return ['WARNING_CRITICISM'];
  const categories: PenaltyCategory[] = [];
  if (warning && random.chance(0.12)) categories.push('WARNING_CRITICISM');
  categories.push('FINE_CONFISCATION');
  if (heavier.length > 0 && random.chance(0.08)) categories.push(random.pick(heavier));
  return categories;
}

// Fines within the article's range, most near its minimum (decisions cluster at the low end), rounded the way
// decisions state them and kept inside the range; tax fines are multiples of the evaded tax, so any whole yuan.
function pickFineYuan(random: Random, range: PenaltyRange, exact: boolean): number {
  const min = Math.round((range.fineMinWan ?? 0) * 10_000);
  const max = Math.round((range.fineMaxWan ?? range.fineMinWan ?? 0) * 10_000);
  const low = Math.max(min, 100);
  const raw = low * (max / low) ** (random.next() ** 1.8);
  if (exact) return Math.min(max, Math.max(min, Math.round(raw)));
  const unit = raw < 10_000 ? 100 : raw < 100_000 ? 1_000 : 10_000;
  return Math.min(max, Math.max(min, Math.round(raw / unit) * unit));
}

/** An administrative penalty (行政处罚): categories, fine and confiscation in 万元, sectors, window. */
export function buildPenaltyRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { random, documentNumbers } = ctx;
  const { subject, theCase, authority, item } = draft;
  const range = draft.basis === null ? undefined : ctx.legalBases.inForce(draft.basis, draft.date)?.penalty;
  if (!range) throw new Error(`penalty case "${theCase.text}" needs a basis with a penalty range in db/seed/catalog/legalBases.json`);
  const categories = pickCategories(random, range);
  const fined = categories.includes('FINE_CONFISCATION') && range.fineMinWan !== null;
  const fineYuan = fined ? pickFineYuan(random, range, item.definition.sourceUnit === 'SWJ') : null;
  const confiscatedYuan = fined && random.chance(0.2) ? random.int(200, 500_000) : null;
  const fineAmount = fineYuan === null ? null : formatWanYuan(fineYuan);
  const confiscatedAmount = confiscatedYuan === null ? null : formatWanYuan(confiscatedYuan);
  // Severity and sectors come from the same rule data ingestion uses, so sample and reported records agree.
  const severity = penaltySeverity({ categories, fine: fineAmount, confiscated: confiscatedAmount, decisionDate: draft.date });
  const sectors = derivePenaltySectors(draft.basis ?? null, item.definition.code);
  const measures = categories.map((c) => (c === 'FINE_CONFISCATION' && fineYuan !== null ? `罚款人民币${fineYuan}元` : CATEGORY_ZH[c]));
  if (confiscatedYuan !== null) measures.push(`没收违法所得人民币${confiscatedYuan}元`);
  const details: Record<string, unknown> = {
    penaltyCategories: categories,
    violationType: theCase.text,
    subjectCategory: subject.organisation?.uscc.startsWith('92') ? 'INDIVIDUAL_BUSINESS' : 'LEGAL_PERSON',
  };
  if (sectors.length > 0) details.sectors = sectors;
  if (subject.organisation?.legalRepresentative) details.legalRepresentative = subject.organisation.legalRepresentative;
  const parts: RecordParts = {
    documentNumber: documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `${subject.name}${theCase.text}案`,
    content: `当事人${theCase.text}。依据${draft.basis ?? '有关法律法规'}，${authority.name}决定给予${measures.join('、')}的行政处罚。`,
    legalBasis: draft.basis ?? null,
    severity,
    fineAmount,
    confiscatedAmount,
    details,
  };
  return finishNegativeRecord(ctx, draft, parts, { sectors });
}
