import { toDayNumber, toIsoDate } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { toCreditRecord } from './toCreditRecord.js';

/** A commendation (表彰奖励): positive, no window, stays IN_PUBLICITY. */
export function buildCommendationRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, authority, item } = draft;
  return toCreditRecord(draft, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `${subject.name}获${theCase.text}`,
    content: `${authority.name}决定授予${subject.name}“${theCase.text}”。`,
    legalBasis: draft.basis ?? null,
    severity: null,
    details: { honour: theCase.text, awardedBy: authority.name },
  }, null, 'IN_PUBLICITY');
}

/**
 * A credit commitment (信用承诺): the commitment type and matter; one with a term (`validTo`)
 * is EXPIRED after it, one without stays IN_PUBLICITY.
 */
export function buildCommitmentRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, authority, item } = draft;
  const validTo = theCase.validYears === undefined ? null : toIsoDate(draft.day + Math.round(theCase.validYears * 365.25) - 1);
  const details: Record<string, unknown> = { commitmentType: theCase.commitmentType ?? 'VOLUNTARY', matter: theCase.text, acceptedBy: authority.name };
  if (validTo !== null) details.validTo = validTo;
  return toCreditRecord(draft, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `${subject.name}${theCase.text}`,
    content: `${subject.name}向${authority.name}作出${theCase.text}，承诺所提交材料真实有效并依法履行承诺事项。`,
    legalBasis: draft.basis ?? item.definition.legalBasis,
    severity: null,
    details,
  }, null, validTo !== null && toDayNumber(validTo) < ctx.asOfDay ? 'EXPIRED' : 'IN_PUBLICITY');
}
