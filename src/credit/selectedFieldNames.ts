import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

const summaries = new WeakMap<FieldNode, ReadonlySet<string>>();

/**
 * The names of every field selected under the current field, at any depth (through inline and named fragments;
 * @skip/@include are not evaluated, so a name may be one too many, never one too few). Worked out once per field of
 * a parsed document: a page of 100 subjects asks it 100 times.
 */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ReadonlySet<string> {
  const key = info.fieldNodes[0];
  const known = key && info.fieldNodes.length === 1 ? summaries.get(key) : undefined;
  if (known) return known;
  const names = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        names.add(selection.name.value);
        collect(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        collect(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        collect(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) collect(node.selectionSet);
  if (key && info.fieldNodes.length === 1) summaries.set(key, names);
  return names;
}
