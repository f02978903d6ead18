import { getArgumentValues, isInterfaceType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { OrganisationRow, PageRequest } from '../CreditStore.js';
import { visibleTo } from '../visibleTo.js';
import type { CreditRecordPageArgs } from '../types/CreditRecord.js';
import { createConnectionSource } from './connectionSource.js';

/** The `creditRecords` fields selected directly on the subjects (through fragments too). */
function creditRecordsNodes(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === 'creditRecords') found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
}

/**
 * The subjects of `usccs` (null where unknown), read in one statement with the first page of records the client
 * selects under them (`CreditStore.subjectsWithPages`) when it selects `creditRecords` once and reads its page (edges
 * or pageInfo, no `after`): the request's loaders are primed with the subjects, the pages and their parties under the
 * very keys the connection resolvers ask for, so a bidding check of a few subjects and their records is one statement
 * instead of two. Null when the selection is anything else, or its arguments are wrong (the connection resolver then
 * reads as usual and reports them).
 */
export async function loadSubjectsWithFirstPages(
  deps: CreditDeps, ctx: object, usccs: readonly string[], info: GraphQLResolveInfo,
): Promise<(OrganisationRow | null)[] | null> {
  const nodes = creditRecordsNodes(info);
  const subjectType = info.schema.getType('CreditSubject');
  const field = isInterfaceType(subjectType) ? subjectType.getFields().creditRecords : undefined;
  if (nodes.length !== 1 || !field) return null;
  const node = nodes[0]!;
  let request: PageRequest;
  let withParties: boolean;
  try {
    const args = getArgumentValues(field, node, info.variableValues) as CreditRecordPageArgs;
    const source = createConnectionSource(null, args, { fieldNodes: [node], fragments: info.fragments });
    if (!source.countWithPage || source.page.after !== undefined) return null;
    // As ConnectionResolver builds it, so that the primed keys are the ones it loads.
    request = { ...source.page, filter: visibleTo(ctx, source.page.filter) };
    withParties = source.withParties === true;
  } catch {
    return null;
  }
  const { subjects, pages } = await deps.store.subjectsWithPages(usccs, request, { withParties });
  const loaders = deps.loaders(ctx);
  subjects.forEach((subject, i) => {
    if (!subject) return;
    loaders.organisation.prime(subject.uscc, subject);
    loaders.primeRecordPage({ owner: { type: 'subject', uscc: subject.uscc }, page: request, ...(withParties ? { withParties } : {}) }, pages[i]!);
  });
  return subjects;
}
