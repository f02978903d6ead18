import { describeCharacter, normaliseCode } from './normalise.js';
import { computeOrgCodeCheck } from './organisationCode.js';
import { InvalidCodeError, toInvalidCode } from './InvalidCodeError.js';
import { subjectKindOf } from './subjectKind.js';
import type { InvalidCode } from './InvalidCodeError.js';
import type { SubjectKind } from './subjectKind.js';

/** The 31 symbols of a USCC, value = index (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1..17: 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Object.freeze(
  Array.from({ length: 17 }, (_, i) => 3 ** i % 31),
);

/** Result of `validateUscc`: the normalised code and its subject kind, or why it is invalid. */
export type UsccValidation = { ok: true; value: string; kind: SubjectKind } | InvalidCode;

const NEVER_USED = 'IOZSV';
const WELL_FORMED = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

// Value of each character code in USCC_CHARSET (−1 outside it), so that an already canonical code is checked
// without normalising or splitting it: stitching parses every USCC a subschema returns, so this runs per value.
const CHARSET_VALUE: Int8Array = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_CHARSET.length; i += 1) values[USCC_CHARSET.charCodeAt(i)] = i;
  return values;
})();
const ORG_BODY_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** True when `code` is 18 charset characters whose two check characters are right (no normalisation needed). */
function isCanonicalValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const c = code.charCodeAt(i);
    const value = c < 128 ? CHARSET_VALUE[c]! : -1;
    if (value < 0) return false;
    sum += value * USCC_WEIGHTS[i]!;
  }
  if (code.charAt(17) !== USCC_CHARSET.charAt((31 - (sum % 31)) % 31)) return false;
  // GB 11714 check of positions 9-16 (digits and A-Z: 0-9, 10-35) at position 17.
  let orgSum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = code.charCodeAt(8 + i);
    orgSum += (c <= 57 ? c - 48 : c - 55) * ORG_BODY_WEIGHTS[i]!;
  }
  const orgCheck = 11 - (orgSum % 11);
  return code.charAt(16) === (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
}

/**
 * Computes the 18th (check) character of a USCC from its first 17 characters:
 * `charset[(31 - Σ value × weight mod 31) mod 31]`. Throws `Error` unless given exactly 17
 * characters of `USCC_CHARSET` (normalise first).
 */
export function computeUsccCheck(first17: string): string {
  if (first17.length !== 17) {
    throw new Error(`USCC check needs 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (const [i, ch] of Array.from(first17).entries()) {
    const value = USCC_CHARSET.indexOf(ch);
    if (value < 0) {
      const what = `character ${describeCharacter(ch)} at position ${i + 1}`;
      throw new Error(`${what} is not in the USCC charset`);
    }
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Validates a Unified Social Credit Code (统一社会信用代码, GB 32100-2015) after `normaliseCode`:
 * 18 characters, positions 1-17 from `USCC_CHARSET`, position 17 the GB 11714 check of positions
 * 9-16, position 18 the USCC check. The first failure found is reported. Never throws.
 */
export function validateUscc(input: string): UsccValidation {
  if (isCanonicalValidUscc(input)) return { ok: true, value: input, kind: subjectKindOf(input) };
  const normalised = normaliseCode(input);
  // Most codes validated are well-formed (every USCC a subschema answers is parsed again by the hub):
  // 18 characters of the charset need no per-character scan, only the two checks below.
  if (WELL_FORMED.test(normalised)) return checkCharacters(normalised, normalised.charAt(17));
  const chars = Array.from(normalised);
  if (chars.length !== 18) {
    return toInvalidCode(normalised, `must be 18 characters, got ${chars.length}`);
  }
  // Position 18 is left to the check comparison, which can say what it should be.
  for (const [i, ch] of chars.slice(0, 17).entries()) {
    if (USCC_CHARSET.includes(ch)) continue;
    const why = NEVER_USED.includes(ch)
      ? 'I, O, Z, S, V are never used'
      : 'only digits and upper-case letters except I, O, Z, S, V';
    return toInvalidCode(
      normalised,
      `character ${describeCharacter(ch)} at position ${i + 1} is not allowed (${why})`,
    );
  }
  return checkCharacters(normalised, chars[17] ?? ''); // a code point: position 18 has not been checked yet
}

/** The two check characters of an 18-character code whose positions 1-17 are in the charset; `actual` is position 18. */
function checkCharacters(normalised: string, actual: string): UsccValidation {
  const orgExpected = computeOrgCodeCheck(normalised.slice(8, 16));
  const orgActual = normalised.charAt(16);
  if (orgActual !== orgExpected) {
    return toInvalidCode(
      normalised,
      `organisation-code check character (position 17) should be ${orgExpected}, got ${orgActual}`,
      orgExpected,
    );
  }
  const expected = computeUsccCheck(normalised.slice(0, 17));
  if (actual !== expected) {
    const shown = /^[!-~]$/.test(actual) ? actual : describeCharacter(actual);
    return toInvalidCode(normalised, `check character should be ${expected}, got ${shown}`, expected);
  }
  return { ok: true, value: normalised, kind: subjectKindOf(normalised) };
}

/** Returns the normalised USCC or throws `InvalidCodeError` with code 'USCC'. */
export function parseUscc(input: string): string {
  const result = validateUscc(input);
  if (!result.ok) {
    throw new InvalidCodeError('USCC', result.normalised, result.reason, result.expected);
  }
  return result.value;
}

/**
 * Builds a valid USCC from its parts, computing position 17 (GB 11714 check of `orgBody8`) and
 * position 18. Throws `Error` when a part has the wrong length or a character outside
 * `USCC_CHARSET`. Intended for sample-data generators.
 */
export function makeUscc(prefix2: string, area6: string, orgBody8: string): string {
  const parts = { prefix2: [prefix2, 2], area6: [area6, 6], orgBody8: [orgBody8, 8] } as const;
  for (const [name, [value, length]] of Object.entries(parts)) {
    if (value.length !== length) {
      throw new Error(`makeUscc: ${name} must be ${length} characters, got "${value}"`);
    }
  }
  const first17 = prefix2 + area6 + orgBody8 + computeOrgCodeCheck(orgBody8);
  return first17 + computeUsccCheck(first17);
}

/** Returns the 6-digit administrative area code (positions 3-8) of a normalised USCC. */
export function areaCodeOf(uscc: string): string {
  return uscc.slice(2, 8);
}
