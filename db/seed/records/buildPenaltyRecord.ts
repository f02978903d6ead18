import { derivePenaltySectors, penaltySeverity } from '../../../src/credit/index.js';
import type { Random } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { formatWanYuan } from './formatWanYuan.js';
import { finishNegativeRecord } from './toCreditRecord.js';
import type { RecordParts } from './toCreditRecord.js';

type PenaltyCategory =
  | 'WARNING_CRITICISM' | 'FINE_CONFISCATION' | 'PERMIT_SUSPENSION_REVOCATION'
  | 'BUSINESS_RESTRICTION_CLOSURE' | 'ADMINISTRATIVE_DETENTION' | 'OTHER';

const CATEGORY_ZH: Readonly<Record<PenaltyCategory, string>> = {
  WARNING_CRITICISM: '警告', FINE_CONFISCATION: '罚款', PERMIT_SUSPENSION_REVOCATION: '暂扣许可证件',
  BUSINESS_RESTRICTION_CLOSURE: '责令停产停业', ADMINISTRATIVE_DETENTION: '行政拘留', OTHER: '法律、行政法规规定的其他行政处罚',
};

// Combinations of penalty types (Administrative Penalty Law art. 9) and how often they occur.
const COMBINATIONS: readonly (readonly [readonly PenaltyCategory[], number])[] = [
  [['WARNING_CRITICISM'], 20], [['FINE_CONFISCATION'], 62], [['WARNING_CRITICISM', 'FINE_CONFISCATION'], 8],
  [['FINE_CONFISCATION', 'PERMIT_SUSPENSION_REVOCATION'], 4], [['FINE_CONFISCATION', 'BUSINESS_RESTRICTION_CLOSURE'], 3],
  [['PERMIT_SUSPENSION_REVOCATION'], 1], [['OTHER'], 2],
];
const TOTAL_WEIGHT = COMBINATIONS.reduce((sum, [, w]) => sum + w, 0);

function pickCategories(random: Random): PenaltyCategory[] {
  let target = random.next() * TOTAL_WEIGHT;
  for (const [categories, weight] of COMBINATIONS) {
    target -= weight;
    if (target < 0) return [...categories];
  }
  return ['FINE_CONFISCATION'];
}

// Fines are log-uniform from 500 yuan to 1 million (a few up to 20 million), rounded the way
// decisions state them; tax fines are multiples of the evaded tax, so any whole number of yuan.
function pickFineYuan(random: Random, exact: boolean): number {
  const max = random.chance(0.03) ? 20_000_000 : 1_000_000;
  const raw = Math.exp(Math.log(500) + random.next() * (Math.log(max) - Math.log(500)));
  if (exact) return Math.round(raw);
  const unit = raw < 10_000 ? 100 : raw < 100_000 ? 1_000 : 10_000;
  return Math.max(unit, Math.round(raw / unit) * unit);
}

/** An administrative penalty (行政处罚): categories, fine and confiscation in 万元, sectors, window. */
export function buildPenaltyRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { random, documentNumbers } = ctx;
  const { subject, theCase, authority, item } = draft;
  const categories = pickCategories(random);
  if (item.definition.sourceUnit === 'GAJ' && subject.organisation?.uscc.startsWith('92') && random.chance(0.3)) {
    categories.push('ADMINISTRATIVE_DETENTION');
  }
  const fined = categories.includes('FINE_CONFISCATION');
  const fineYuan = fined ? pickFineYuan(random, item.definition.sourceUnit === 'SWJ') : null;
  const confiscatedYuan = fined && random.chance(0.2) ? random.int(200, 500_000) : null;
  const fineAmount = fineYuan === null ? null : formatWanYuan(fineYuan);
  const confiscatedAmount = confiscatedYuan === null ? null : formatWanYuan(confiscatedYuan);
  // Severity and sectors come from the same rule data ingestion uses, so sample and reported records agree.
  const severity = penaltySeverity({ categories, fine: fineAmount, confiscated: confiscatedAmount, decisionDate: draft.date });
  const sectors = derivePenaltySectors(theCase.basis ?? null, item.definition.code);
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
    content: `当事人${theCase.text}。依据${theCase.basis ?? '有关法律法规'}，${authority.name}决定给予${measures.join('、')}的行政处罚。`,
    legalBasis: theCase.basis ?? null,
    severity,
    fineAmount,
    confiscatedAmount,
    details,
  };
  return finishNegativeRecord(ctx, draft, parts, { sectors });
}
