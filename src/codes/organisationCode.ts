import { describeCharacter, normaliseCode } from './normalise.js';
import { InvalidCodeError, toInvalidCode } from './InvalidCodeError.js';
import type { InvalidCode } from './InvalidCodeError.js';

/** Result of `validateOrganisationCode`; `value` is the 9 characters without the hyphen. */
export type OrganisationCodeValidation = { ok: true; value: string } | InvalidCode;

// GB 11714: weights for the 8 body characters.
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY_CHARACTER = /^[0-9A-Z]$/;

// Digit = itself, A..Z = 10..35.
function valueOfBodyCharacter(ch: string): number {
  return ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
}

/**
 * Computes the GB 11714 check character of an 8-character organisation code body
 * (`c = 11 - (Σ value × weight mod 11)`, 10 → 'X', 11 → '0'). Throws `Error` unless the body
 * is exactly 8 characters of 0-9 / A-Z (normalise first).
 */
export function computeOrgCodeCheck(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new Error(`organisation code body must be 8 characters of 0-9 and A-Z, got "${body8}"`);
  }
  let sum = 0;
  ORG_CODE_WEIGHTS.forEach((weight, i) => {
    sum += valueOfBodyCharacter(body8.charAt(i)) * weight;
  });
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * Validates an organisation code (组织机构代码, GB 11714) written `XXXXXXXX-C` or as 9 characters
 * without the hyphen, after `normaliseCode`. Never throws; on success `value` has no hyphen.
 */
export function validateOrganisationCode(input: string): OrganisationCodeValidation {
  const normalised = normaliseCode(input);
  const hyphenated = normalised.length === 10 && normalised.charAt(8) === '-';
  const compact = hyphenated ? normalised.slice(0, 8) + normalised.slice(9) : normalised;
  const chars = Array.from(compact);
  if (chars.length !== 9) {
    return toInvalidCode(
      normalised,
      `must be 9 characters (XXXXXXXX-C, hyphen optional), got ${Array.from(normalised).length}`,
    );
  }
  for (const [i, ch] of chars.entries()) {
    const isCheck = i === 8;
    if (!BODY_CHARACTER.test(ch) || (isCheck && !/^[0-9X]$/.test(ch))) {
      const position = isCheck && hyphenated ? 10 : i + 1;
      const allowed = isCheck ? 'the check character is a digit or X' : 'digits and A-Z only';
      return toInvalidCode(
        normalised,
        `character ${describeCharacter(ch)} at position ${position} is not allowed (${allowed})`,
      );
    }
  }
  const expected = computeOrgCodeCheck(compact.slice(0, 8));
  const actual = compact.charAt(8);
  if (actual !== expected) {
    return toInvalidCode(normalised, `check character should be ${expected}, got ${actual}`, expected);
  }
  return { ok: true, value: compact };
}

/**
 * Returns the normalised organisation code (9 characters, no hyphen) or throws
 * `InvalidCodeError` with code 'ORGANISATION_CODE'.
 */
export function parseOrganisationCode(input: string): string {
  const result = validateOrganisationCode(input);
  if (!result.ok) {
    throw new InvalidCodeError('ORGANISATION_CODE', result.normalised, result.reason, result.expected);
  }
  return result.value;
}
