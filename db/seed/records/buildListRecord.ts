import { addMonths, publicityWindow } from '../../../src/credit/index.js';
import { toDayNumber, toIsoDate } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { finishNegativeRecord } from './toCreditRecord.js';

// Lists whose decision sets the term within a range (Government Procurement Law art. 77: a ban of 1-3 years).
const TERM_FROM_DECISION: Readonly<Record<string, readonly number[]>> = { 'SZ-YZSX-CZJ-001': [12, 24, 36] };

/**
 * A listing on a serious-dishonesty list (严重失信主体名单): always SERIOUS; the details carry what
 * the subject must be told — basis, measures and removal conditions (DOMAIN.md §2.4). The entry leaves
 * the list at its term's end or, where the list allows it, by early removal (removedOn, from the source).
 */
export function buildListRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, authority, item } = draft;
  const listName = item.definition.listName ?? item.definition.nameZh;
  const listCode = item.definition.code;
  const terms = TERM_FROM_DECISION[listCode];
  const termMonths = terms ? ctx.random.pick(terms) : null;
  // Early removal where the list's rules allow it, after its minimum and before the term ends.
  const rule = publicityWindow({ kind: 'SERIOUS_DISHONESTY', decisionDate: draft.date, listCode, termMonths });
  let removedOn: string | null = null;
  if (rule?.minimumEnd && rule.termEnd && ctx.random.chance(0.25)) {
    const from = toDayNumber(rule.minimumEnd);
    const day = ctx.random.int(from, Math.max(from, toDayNumber(rule.termEnd) - 1));
    if (day <= ctx.asOfDay) removedOn = toIsoDate(day);
  }
  return finishNegativeRecord(ctx, draft, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `${subject.name}被列入${listName}`,
    content: `${subject.name}因${theCase.text}，依据${draft.basis ?? item.definition.legalBasis}，由${authority.name}列入${listName}。`,
    legalBasis: draft.basis ?? item.definition.legalBasis,
    severity: 'SERIOUS',
    details: {
      listName,
      ground: theCase.text,
      listedOn: draft.date,
      listingAuthority: authority.name,
      measures: item.definition.measures ?? null,
      removalConditions: item.definition.removal ?? null,
      ...(termMonths !== null ? { banMonths: termMonths, banEnds: addMonths(draft.date, termMonths) } : {}),
      ...(removedOn !== null ? { removedOn } : {}),
    },
  }, { listCode, termMonths, removedOn });
}
