import { createWeightedPicker } from '../random.js';
import type { WeightedPicker } from '../random.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { finishNegativeRecord } from './toCreditRecord.js';

type Severity = 'MINOR' | 'GENERAL' | 'SERIOUS';

const SANCTION_SEVERITY: Readonly<Record<string, Severity>> = {
  WARNING: 'MINOR', DEMERIT: 'GENERAL', MAJOR_DEMERIT: 'GENERAL', DEMOTION: 'SERIOUS', REMOVAL_FROM_POST: 'SERIOUS', DISMISSAL: 'SERIOUS',
};
const MEASURE_SEVERITY: Readonly<Record<string, Severity>> = {
  INSPECTION: 'MINOR', CIRCULATED_CRITICISM: 'GENERAL', ADMONISHMENT: 'GENERAL', ORGANISATIONAL_ADJUSTMENT: 'SERIOUS', DISCIPLINE: 'SERIOUS',
};
// An organisation (a department's party group) can be made to inspect itself or be circulated.
const MEASURES_FOR_BODIES = new Set(['INSPECTION', 'CIRCULATED_CRITICISM']);
const measurePickers = new WeakMap<object, { people: WeightedPicker<readonly [string, string]>; bodies: WeightedPicker<readonly [string, string]> }>();

function describeOfficial(draft: RecordDraft): string {
  const official = draft.subject.civilServant;
  return official ? `${official.name}（${official.employer.name}${official.post}）` : draft.subject.name;
}

/**
 * A government sanction (政务处分) or civil-service disciplinary sanction (处分) on a civil servant:
 * the sanction type sets the fixed period of influence (dismissal: no end).
 */
export function buildSanctionRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, authority, item } = draft;
  const [sanction, sanctionZh] = ctx.pickSanction(ctx.random);
  const government = item.definition.recordKind === 'GOVERNMENT_SANCTION';
  const label = government ? (sanction === 'DISMISSAL' ? '开除公职' : `政务${sanctionZh}`) : sanctionZh;
  const severity = SANCTION_SEVERITY[sanction] ?? 'GENERAL';
  return finishNegativeRecord(ctx, draft, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `关于给予${subject.name}${label}处分的决定`,
    content: `经查，${describeOfficial(draft)}${theCase.text}。依据${theCase.basis ?? item.definition.legalBasis}，决定给予其${label}处分。`,
    legalBasis: theCase.basis ?? null,
    severity,
    details: {
      sanction, violation: theCase.text, post: subject.civilServant?.post ?? null,
      employerUscc: subject.civilServant?.employerUscc ?? null,
    },
  }, { sanction });
}

/** Accountability (问责) of a department or an official; departments get the milder measures only. */
export function buildAccountabilityRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, authority, item } = draft;
  let pickers = measurePickers.get(item);
  if (!pickers) {
    const measures = (item.definition.accountabilityMeasures ?? [['INSPECTION', '责令作出书面检查', 1]]).map(([code, zh, w]) => [[code, zh] as const, w] as const);
    pickers = { people: createWeightedPicker(measures), bodies: createWeightedPicker(measures.filter(([[code]]) => MEASURES_FOR_BODIES.has(code))) };
    measurePickers.set(item, pickers);
  }
  const [measure, measureZh] = (subject.civilServant ? pickers.people : pickers.bodies)(ctx.random);
  return finishNegativeRecord(ctx, draft, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `关于对${subject.name}予以${measureZh}的决定`,
    content: `${describeOfficial(draft)}${theCase.text}。依据${theCase.basis ?? item.definition.legalBasis}，${authority.name}决定对其予以${measureZh}。`,
    legalBasis: theCase.basis ?? null,
    severity: MEASURE_SEVERITY[measure] ?? 'GENERAL',
    details: { measure, reason: theCase.text },
  });
}
