import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * True when the selection under the current field asks for a field named `name` at any depth (through
 * inline fragments and named fragments), so that a resolver can skip work nobody reads.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name || search(selection.selectionSet);
      if (selection.kind === 'InlineFragment') return search(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      return search(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
