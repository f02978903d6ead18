import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { finishNegativeRecord } from './toCreditRecord.js';

/**
 * A listing on a serious-dishonesty list (严重失信主体名单): always SERIOUS; the details carry what
 * the subject must be told — basis, measures and removal conditions (DOMAIN.md §2.4).
 */
export function buildListRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { subject, theCase, authority, item } = draft;
  const listName = item.definition.listName ?? item.definition.nameZh;
  return finishNegativeRecord(ctx, draft, {
    documentNumber: ctx.documentNumbers.decision(authority, item.definition.docSuffix, draft.year),
    title: `${subject.name}被列入${listName}`,
    content: `${subject.name}因${theCase.text}，依据${theCase.basis ?? item.definition.legalBasis}，由${authority.name}列入${listName}。`,
    legalBasis: theCase.basis ?? item.definition.legalBasis,
    severity: 'SERIOUS',
    details: {
      listName,
      ground: theCase.text,
      listedOn: draft.date,
      listingAuthority: authority.name,
      measures: item.definition.measures ?? null,
      removalConditions: item.definition.removal ?? null,
    },
  });
}
