import { publicityWindow, type PublicityInput, type PublicityWindow } from '../../../src/credit/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import { decideStatus } from './decideStatus.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';

/** The kind-specific parts of a record. */
export interface RecordParts {
  documentNumber: string;
  title: string;
  content: string | null;
  legalBasis: string | null;
  severity: 'MINOR' | 'GENERAL' | 'SERIOUS' | null;
  fineAmount?: string | null;
  confiscatedAmount?: string | null;
  details: Record<string, unknown>;
}

/** Assembles a record from its draft, parts, publicity window (null for non-negative kinds) and status. */
export function toCreditRecord(
  draft: RecordDraft,
  parts: RecordParts,
  window: PublicityWindow | null,
  status: string,
): SampleCreditRecord {
  const { item, subject } = draft;
  return {
    kind: item.definition.recordKind,
    subjectUscc: subject.organisation?.uscc ?? null,
    civilServantId: subject.civilServant?.id ?? null,
    authorityUscc: draft.authority.uscc,
    documentNumber: parts.documentNumber,
    title: parts.title,
    content: parts.content,
    legalBasis: parts.legalBasis,
    decisionDate: draft.date,
    severity: parts.severity,
    fineAmount: parts.fineAmount ?? null,
    confiscatedAmount: parts.confiscatedAmount ?? null,
    sourceUnitUscc: item.sourceUnit.uscc,
    catalogItemCode: item.definition.code,
    governanceField: draft.field,
    publicityStart: window?.start ?? null,
    publicityMinEnd: window?.minimumEnd ?? null,
    publicityEnd: window?.end ?? null,
    ruleVersion: window?.ruleVersion ?? null,
    status,
    details: parts.details,
  };
}

/**
 * Finishes a negative record: computes its window with `publicityWindow` (the rule version in force
 * on the decision date), decides the status as of the data set's date and merges that decision's
 * details into the record's.
 */
export function finishNegativeRecord(
  ctx: RecordContext,
  draft: RecordDraft,
  parts: RecordParts,
  input: Omit<PublicityInput, 'kind' | 'decisionDate'> = {},
): SampleCreditRecord {
  const kind = draft.item.definition.recordKind;
  const window = publicityWindow({ ...input, kind, decisionDate: draft.date, severity: input.severity ?? parts.severity });
  if (!window) throw new Error(`${kind} is configured as not negative in publicity-rules.json`);
  const decision = decideStatus(ctx.random, kind, window, draft.day, ctx.asOfDay);
  return toCreditRecord(draft, { ...parts, details: { ...parts.details, ...decision.details } }, window, decision.status);
}
