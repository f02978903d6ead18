/** Which credit records a request may see: only those disclosed to the public, or every record. */
export type RecordVisibility = 'DISCLOSED' | 'ALL';

/**
 * What the caller of the graph sets, per request, to say how far the credit subschema discloses.
 * The hub decides it from the consumer's roles and purpose; the credit subschema only obeys it.
 */
export interface CreditVisibility {
  /**
   * 'DISCLOSED' (the public and conditional consumers): no record that is REPAIRED, WITHDRAWN or EXPIRED
   * and none whose publicity window ended before `today`. 'ALL' (administrators, auditors, an enterprise
   * about itself): every record.
   */
  records: RecordVisibility;
  /** The day disclosure is judged on, YYYY-MM-DD; default the current date in Asia/Shanghai. */
  today?: string;
  /**
   * Personal data (citizen ID numbers, and persons' names and ID numbers in record text) in full instead
   * of masked: true for everyone's, `{ staffOf }` only for civil servants employed by those bodies (USCCs;
   * a personnel office's own staff), false (default) for nobody's.
   */
  unmaskPersonalData?: boolean | { staffOf: readonly string[] };
  /**
   * Which catalogue disclosure classes (catalog_items.disclosure: PUBLIC, CONDITIONAL, NOT_PUBLIC) the
   * request sees records of, as the hub decided them (src/governance/recordDisclosure.ts). Default: every
   * class with records 'ALL', PUBLIC only otherwise.
   */
  disclosure?: CreditDisclosure;
}

/** Catalogue disclosure classes a request sees: everywhere, and more about the subjects it acts as. */
export interface CreditDisclosure {
  classes: readonly string[];
  /** Classes seen only on records about `ownSubjects` (USCCs). */
  ownSubjectClasses?: readonly string[];
  ownSubjects?: readonly string[];
}

/**
 * The context contract of the credit subschema: the GraphQL context object the server (or the stitching
 * gateway, which passes its context to every subschema) gives to a request may carry `creditVisibility`.
 * Absent, the safe default applies: disclosed records only, personal data masked.
 */
export interface CreditRequestContext {
  creditVisibility?: CreditVisibility;
}

/** A visibility with every default filled in. */
export interface ResolvedCreditVisibility {
  records: RecordVisibility;
  today: string;
  /** Everyone's personal data in full. */
  unmaskPersonalData: boolean;
  /** Besides (when unmaskPersonalData is false): the employers whose civil servants' personal data is in full. */
  unmaskStaffOf: ReadonlySet<string>;
  /** null: every class (no condition). */
  disclosure: Required<CreditDisclosure> | null;
}

/** Disclosure attributes of catalogue items, from the most to the least open. */
export const DISCLOSURE_CLASSES = ['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'] as const;

/**
 * Statuses that take a record out of public view whatever its window says (信用修复, 撤销公示, 公示期满).
 * Written as SQL literals in KnexCreditStore and in the partial indexes of migration
 * 20261127000800_record_disclosure_index: change all three together.
 */
export const UNDISCLOSED_STATUSES = ['REPAIRED', 'WITHDRAWN', 'EXPIRED'] as const;

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Asia/Shanghai (UTC+8, where the records' dates are kept) at `now`, as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return SHANGHAI_DATE.format(now);
}

/** Thrown when a context carries a malformed `creditVisibility`: a bug in whoever built the context. */
export class CreditVisibilityError extends Error {
  override name = 'CreditVisibilityError';
}

// Resolved once per request, so that every list of one response is judged on the same day even when the
// request runs across midnight.
const resolved = new WeakMap<object, ResolvedCreditVisibility>();

const isClassList = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((c) => (DISCLOSURE_CLASSES as readonly unknown[]).includes(c));
const isStringList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((c) => typeof c === 'string');

function resolveDisclosure(records: RecordVisibility, given: unknown): Required<CreditDisclosure> | null {
  if (given === undefined) return records === 'ALL' ? null : { classes: ['PUBLIC'], ownSubjectClasses: [], ownSubjects: [] };
  const { classes, ownSubjectClasses = [], ownSubjects = [] } = (given ?? {}) as Partial<CreditDisclosure>;
  if (!isClassList(classes) || !isClassList(ownSubjectClasses) || !isStringList(ownSubjects)) {
    throw new CreditVisibilityError(`context.creditVisibility.disclosure must be { classes, ownSubjectClasses?, ownSubjects? } with classes among ${DISCLOSURE_CLASSES.join(', ')}, got ${JSON.stringify(given)}`);
  }
  if (DISCLOSURE_CLASSES.every((c) => classes.includes(c))) return null;
  return { classes: [...classes], ownSubjectClasses: ownSubjects.length ? [...ownSubjectClasses] : [], ownSubjects: [...ownSubjects] };
}

function resolve(given: unknown): ResolvedCreditVisibility {
  if (given === undefined || given === null) {
    return { records: 'DISCLOSED', today: todayInShanghai(), unmaskPersonalData: false, unmaskStaffOf: new Set(), disclosure: resolveDisclosure('DISCLOSED', undefined) };
  }
  const { records, today, unmaskPersonalData, disclosure } = given as Partial<CreditVisibility>;
  if (records !== 'DISCLOSED' && records !== 'ALL') {
    throw new CreditVisibilityError(`context.creditVisibility.records must be 'DISCLOSED' or 'ALL', got ${JSON.stringify(records)}`);
  }
  if (today !== undefined && !(typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today))) {
    throw new CreditVisibilityError(`context.creditVisibility.today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  }
  const staffOf: unknown = typeof unmaskPersonalData === 'object' && unmaskPersonalData !== null ? unmaskPersonalData.staffOf : [];
  const valid = unmaskPersonalData === undefined || typeof unmaskPersonalData === 'boolean'
    || (typeof unmaskPersonalData === 'object' && unmaskPersonalData !== null);
  if (!valid || !isStringList(staffOf)) {
    throw new CreditVisibilityError(`context.creditVisibility.unmaskPersonalData must be a boolean or { staffOf: [USCC] }, got ${JSON.stringify(unmaskPersonalData)}`);
  }
  return {
    records, today: today ?? todayInShanghai(), unmaskPersonalData: unmaskPersonalData === true, unmaskStaffOf: new Set(staffOf),
    disclosure: resolveDisclosure(records, disclosure),
  };
}

/**
 * The visibility of the request whose GraphQL context this is, defaults filled in: records 'DISCLOSED',
 * today in Asia/Shanghai, personal data masked, PUBLIC catalogue items only (every class with 'ALL'). Read once per context object (later changes to it are
 * not seen). Throws CreditVisibilityError, failing the field closed, when the context sets a malformed
 * value.
 */
export function creditVisibilityOf(context: unknown): ResolvedCreditVisibility {
  if (typeof context !== 'object' || context === null) return resolve(undefined);
  let visibility = resolved.get(context);
  if (!visibility) {
    visibility = resolve((context as CreditRequestContext).creditVisibility);
    resolved.set(context, visibility);
  }
  return visibility;
}

/**
 * True when the request whose context this is reads in full the personal data of a person employed by
 * `employerUscc` (null: not a civil servant): everyone's, or the staff of the employers it was given.
 */
export function unmasksPersonalDataOf(context: unknown, employerUscc: string | null): boolean {
  const visibility = creditVisibilityOf(context);
  return visibility.unmaskPersonalData || (employerUscc !== null && visibility.unmaskStaffOf.has(employerUscc));
}
