import { createWeightedPicker, type WeightedPicker } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { finishNegativeRecord } from './toCreditRecord.js';

type Severity = 'MINOR' | 'GENERAL' | 'SERIOUS';

const SANCTION_SEVERITY: Readonly<Record<string, Severity>> = {
  WARNING: 'MINOR', DEMERIT: 'GENERAL', MAJOR_DEMERIT: 'GENERAL', DEMOTION: 'SERIOUS', REMOVAL_FROM_POST: 'SERIOUS', DISMISSAL: 'SERIOUS',
  PARTY_WARNING: 'MINOR', SERIOUS_PARTY_WARNING: 'GENERAL', REMOVAL_FROM_PARTY_POST: 'SERIOUS', PARTY_PROBATION: 'SERIOUS', EXPULSION_FROM_PARTY: 'SERIOUS',
};
const itemSanctionPickers = new WeakMap<object, WeightedPicker<readonly [string, string]>>();
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

function pickSanctionFor(ctx: RecordContext, draft: RecordDraft): readonly [string, string] {
  const own = draft.item.definition.sanctions;
  if (!own) return ctx.pickSanction(ctx.random);
  let picker = itemSanctionPickers.get(draft.item);
  if (!picker) {
    picker = createWeightedPicker(own.map(([code, zh, w]) => [[code, zh] as const, w] as const));
    itemSanctionPickers.set(draft.item, picker);
  }
  return picker(ctx.random);
}

/**
 * A government sanction (政务处分), a civil-service sanction (处分, decided by the appointing body — the civil
 * servant's employer) or Party discipline (党纪处分) on a civil servant: the sanction type sets the fixed period
 * of influence (dismissal: no end; Party probation: 1 or 2 years as decided).
 */
export function buildSanctionRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, item } = draft;
  const authority = item.definition.authorityIsEmployer && subject.civilServant ? subject.civilServant.employer : draft.authority;
  const [sanction, sanctionZh] = pickSanctionFor(ctx, draft);
  const kind = item.definition.recordKind;
  const label = kind === 'GOVERNMENT_SANCTION' ? (sanction === 'DISMISSAL' ? '开除公职' : `政务${sanctionZh}`)
    : kind === 'PARTY_DISCIPLINE' && sanctionZh.endsWith('警告') ? `党内${sanctionZh}`
    : sanctionZh;
  const termMonths = sanction === 'PARTY_PROBATION' ? ctx.random.pick([12, 24] as const) : null;
  const severity = SANCTION_SEVERITY[sanction] ?? 'GENERAL';
  const details: Record<string, unknown> = {
    sanction, violation: theCase.text, post: subject.civilServant?.post ?? null,
    employerUscc: subject.civilServant?.employerUscc ?? null,
  };
  if (termMonths !== null) details.probationMonths = termMonths;
  return finishNegativeRecord(ctx, { ...draft, authority }, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `关于给予${subject.name}${label}处分的决定`,
    content: `经查，${describeOfficial(draft)}${theCase.text}。依据${draft.basis ?? item.definition.legalBasis}，决定给予其${label}处分。`,
    legalBasis: draft.basis ?? null,
    severity,
    details,
  }, { sanction, termMonths });
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
    content: `${describeOfficial(draft)}${theCase.text}。依据${draft.basis ?? item.definition.legalBasis}，${authority.name}决定对其予以${measureZh}。`,
    legalBasis: draft.basis ?? null,
    severity: MEASURE_SEVERITY[measure] ?? 'GENERAL',
    details: { measure, reason: theCase.text },
  }, { measure });
}
