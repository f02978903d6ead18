import { readFileSync } from 'node:fs';

/** How a field's value is read: free text, a code, a date, an amount in 万元, or a value from a list. */
export type FieldType =
  | 'TEXT' | 'USCC' | 'DATE' | 'WAN_YUAN' | 'SUBJECT_CATEGORY' | 'PENALTY_CATEGORIES' | 'LICENCE_CATEGORY' | 'DECISION_STATUS';

/** One field of the exchange format. */
export interface FieldSpec {
  nameZh: string;
  type: FieldType;
  required?: boolean;
}

/** The record kinds the double-publicity format carries. */
export type IngestedKind = 'ADMINISTRATIVE_PENALTY' | 'ADMINISTRATIVE_LICENCE';

interface FormatFile {
  common: Record<string, FieldSpec>;
  kinds: Record<IngestedKind, { prefix: string; fields: Record<string, FieldSpec> }>;
  valueLists: Record<string, Record<string, string[]>>;
  withdrawalDeadline: { workingDays: number; legalBasis: string };
}

const format = JSON.parse(
  readFileSync(new URL('./rules/double-publicity-fields.json', import.meta.url), 'utf8'),
) as FormatFile;

/** The rules of the format (rules/double-publicity-fields.json), read once. */
export const DOUBLE_PUBLICITY_FORMAT: Readonly<FormatFile> = format;

/** Every field name the format knows (both prefixes and the common ones), for checking CSV headers. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(format.common),
  ...Object.values(format.kinds).flatMap((k) => Object.keys(k.fields)),
]);

const FIELDS_BY_KIND = new Map(
  (Object.keys(format.kinds) as IngestedKind[]).map((kind) => [kind, Object.freeze({ ...format.kinds[kind].fields, ...format.common })]),
);

/** The fields of a kind, common ones included. */
export function fieldsOf(kind: IngestedKind): Readonly<Record<string, FieldSpec>> {
  return FIELDS_BY_KIND.get(kind) ?? {};
}

/** The field-name prefix of a kind: CF_ or XK_. */
export function prefixOf(kind: IngestedKind): string {
  return format.kinds[kind].prefix;
}

/** The kinds whose prefix the given field names use (a well-formed row names exactly one). */
export function kindsNamedBy(fieldNames: Iterable<string>): IngestedKind[] {
  const kinds = new Set<IngestedKind>();
  for (const name of fieldNames) {
    for (const [kind, spec] of Object.entries(format.kinds) as [IngestedKind, FormatFile['kinds'][IngestedKind]][]) {
      if (name.startsWith(spec.prefix)) kinds.add(kind);
    }
  }
  return [...kinds];
}

/**
 * Reads a value of a value list (SUBJECT_CATEGORY, LICENCE_CATEGORY…) sent as its code or one of its
 * Chinese terms; returns the code, or null when the value is not in the list.
 */
export function lookUpValue(list: FieldType, raw: string): string | null {
  const values = format.valueLists[list] ?? {};
  for (const [code, terms] of Object.entries(values)) {
    if (code === raw || terms.includes(raw)) return code;
  }
  return null;
}

/** The accepted spellings of a value list, for error messages: "LEGAL_PERSON (法人及非法人组织), …". */
export function describeValueList(list: FieldType): string {
  return Object.entries(format.valueLists[list] ?? {}).map(([code, terms]) => `${code} (${terms[0] ?? code})`).join(', ');
}
