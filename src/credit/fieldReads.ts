/**
 * The row properties to read for the fields of a type in `selected` (every field name selected under a field, at any
 * depth: a name of another type's field adds a property too many, never one too few): `core`, plus what `table` says
 * each selected field of `typeFields` reads; undefined (the whole row) when a selected field is missing from the table.
 */
export function fieldReadsFor<P extends string>(
  selected: ReadonlySet<string>, typeFields: readonly string[], core: readonly P[], table: Readonly<Record<string, readonly P[]>>,
): readonly P[] | undefined {
  const reads = new Set<P>(core);
  for (const field of typeFields) {
    if (!selected.has(field)) continue;
    const properties = table[field];
    if (!properties) return undefined;
    for (const property of properties) reads.add(property);
  }
  return [...reads];
}
