/** The kind of subject a USCC registers, from its first two characters (GB 32100-2015). */
export type SubjectKind =
  | 'GOVERNMENT_BODY'
  | 'PUBLIC_INSTITUTION'
  | 'SOCIAL_ORGANISATION'
  | 'ENTERPRISE'
  | 'INDIVIDUAL_BUSINESS'
  | 'FARMERS_COOPERATIVE'
  | 'OTHER';

/**
 * USCC prefix → subject kind. Looked up longest prefix first, so the one-character key '5'
 * covers every civil-affairs registration ('5x') not listed explicitly.
 */
export const SUBJECT_KIND_BY_PREFIX: Readonly<Record<string, SubjectKind>> = Object.freeze({
  '11': 'GOVERNMENT_BODY',
  '12': 'PUBLIC_INSTITUTION',
  '51': 'SOCIAL_ORGANISATION',
  '52': 'SOCIAL_ORGANISATION',
  '53': 'SOCIAL_ORGANISATION',
  '5': 'SOCIAL_ORGANISATION',
  '91': 'ENTERPRISE',
  '92': 'INDIVIDUAL_BUSINESS',
  '93': 'FARMERS_COOPERATIVE',
});

/**
 * Returns the subject kind of a (normalised) USCC from `SUBJECT_KIND_BY_PREFIX`, 'OTHER' when no
 * prefix matches. Does not validate the code.
 */
export function subjectKindOf(uscc: string): SubjectKind {
  return (
    SUBJECT_KIND_BY_PREFIX[uscc.slice(0, 2)] ?? SUBJECT_KIND_BY_PREFIX[uscc.slice(0, 1)] ?? 'OTHER'
  );
}
