import { readFileSync } from 'node:fs';

/** The most items each list field answers with, by coordinate (`Enterprise.tenders`), and the size assumed for any other list. */
export interface ListSizes {
  readonly byField: ReadonlyMap<string, number>;
  /** Items assumed in a list field that is neither paginated, keyed nor declared. */
  readonly undeclared: number;
}

/** listSizes.json does not say what the cost model needs; the message names the entry and the fix. */
export class ListSizesFileError extends Error {
  constructor(problem: string) {
    super(`src/governance/limits/listSizes.json: ${problem}`);
    this.name = 'ListSizesFileError';
  }
}

/**
 * Reads `listSizes.json` (declared or measured list maxima, each with its basis). Throws ListSizesFileError
 * when an entry is not `{ field: "Type.field", maximum: whole number ≥ 0, basis: text }` or a field appears twice.
 */
export function readListSizes(text: string = readFileSync(new URL('./listSizes.json', import.meta.url), 'utf8')): ListSizes {
  const parsed = JSON.parse(text) as { undeclaredListSize?: unknown; fields?: unknown };
  if (!Number.isInteger(parsed.undeclaredListSize) || (parsed.undeclaredListSize as number) < 1) {
    throw new ListSizesFileError('"undeclaredListSize" must be a whole number of at least 1');
  }
  if (!Array.isArray(parsed.fields)) throw new ListSizesFileError('expected an array "fields"');
  const byField = new Map<string, number>();
  for (const entry of parsed.fields as { field?: unknown; maximum?: unknown; basis?: unknown }[]) {
    const { field, maximum, basis } = entry ?? {};
    if (typeof field !== 'string' || !/^\w+\.\w+$/.test(field)) throw new ListSizesFileError(`${JSON.stringify(field)} is not a field coordinate Type.field`);
    if (!Number.isInteger(maximum) || (maximum as number) < 0) throw new ListSizesFileError(`${field}: "maximum" must be a whole number ≥ 0`);
    if (typeof basis !== 'string' || basis.trim() === '') throw new ListSizesFileError(`${field}: "basis" must say where the maximum comes from`);
    if (byField.has(field)) throw new ListSizesFileError(`${field} appears twice`);
    byField.set(field, maximum as number);
  }
  return Object.freeze({ byField, undeclared: parsed.undeclaredListSize as number });
}

/** The list sizes of listSizes.json, read once. */
export const LIST_SIZES: ListSizes = readListSizes();
