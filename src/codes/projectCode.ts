import { describeCharacter, normaliseCode } from './normalise.js';
import { computeMod1110Check } from './mod1110.js';
import { InvalidCodeError, toInvalidCode } from './InvalidCodeError.js';
import type { InvalidCode } from './InvalidCodeError.js';

/** OLD: `YYYY-AAAAAA-II-TT-NNNNNN` (to Oct 2020); NEW: `YYMM-AAAAAA-DD-PP-RRRRRC` (GB/T 40058-2021). */
export type ProjectCodeFormat = 'OLD' | 'NEW';

/** Result of `validateProjectCode`; `value` is hyphenated, `warnings` never block acceptance. */
export type ProjectCodeValidation =
  | { ok: true; value: string; format: ProjectCodeFormat; areaCode: string; warnings: string[] }
  | InvalidCode;

const HYPHEN_POSITIONS = [5, 12, 15, 18] as const; // 1-based, in the 24-character form
const OLD_TYPES = ['01', '02', '03'];
const FIRST_NEW_YYMM = '2011'; // the new format started in November 2020

// Any dash people paste (‐ ‑ ‒ – — ― −) reads as a hyphen.
function foldDashes(code: string): string {
  return code.replace(/[\u2010-\u2015\u2212]/g, '-');
}

function hyphenate(digits20: string): string {
  const cuts = [0, 4, 10, 12, 14, 20];
  return cuts.slice(1).map((end, i) => digits20.slice(cuts[i], end)).join('-');
}

function findShapeProblem(code: string): string | undefined {
  const chars = Array.from(code);
  if (chars.length !== 24) {
    return `must be 24 characters with hyphens or 20 digits without, got ${chars.length}`;
  }
  for (const [i, ch] of chars.entries()) {
    const wantsHyphen = (HYPHEN_POSITIONS as readonly number[]).includes(i + 1);
    if (wantsHyphen ? ch === '-' : /^\d$/.test(ch)) continue;
    const rule = wantsHyphen ? 'should be a hyphen' : 'is not allowed (digits only)';
    return `character ${describeCharacter(ch)} at position ${i + 1} ${rule}`;
  }
  return undefined;
}

type Reading = { format: ProjectCodeFormat; warnings: string[] } | { reason: string };

// Applies the format rule documented on validateProjectCode to the 20 digits.
function readDigits(digits: string): Reading {
  const first4 = digits.slice(0, 4);
  const asMonth = `20${first4.slice(0, 2)}-${first4.slice(2)}`;
  const type = digits.slice(12, 14);
  const expected = computeMod1110Check(digits.slice(0, 19));
  const actual = digits.charAt(19);
  const isOldYear = Number(first4) >= 1990 && Number(first4) <= 2020;
  const looksOld = isOldYear && OLD_TYPES.includes(type);
  const month = Number(digits.slice(2, 4));
  const looksNew = month >= 1 && month <= 12;

  if (looksOld && looksNew && first4 >= FIRST_NEW_YYMM) {
    if (actual === expected) {
      const warning = `read as new format (${asMonth}); could also be an old-format code of year ${first4}`;
      return { format: 'NEW', warnings: [warning] };
    }
    const warning =
      `read as old format (year ${first4}); ` +
      `as a new-format code of ${asMonth} its check digit would be ${expected}`;
    return { format: 'OLD', warnings: [warning] };
  }
  if (looksOld) return { format: 'OLD', warnings: [] };
  if (!looksNew) {
    const reason = isOldYear
      ? `type ${type} (positions 16-17) is not 01, 02 or 03 for an old-format code, ` +
        `and ${first4} is not a new-format YYMM`
      : `first four digits ${first4} are neither an old-format year (1990-2020) ` +
        'nor a new-format YYMM (month 01-12)';
    return { reason };
  }
  const warnings: string[] = [];
  if (first4 < FIRST_NEW_YYMM) {
    warnings.push(`new-format date ${asMonth} predates the new format (2020-11)`);
  }
  if (actual !== expected) {
    warnings.push(
      `check digit should be ${expected} under ISO 7064 MOD 11,10, got ${actual} ` +
        '(rule unconfirmed; not rejected)',
    );
  }
  return { format: 'NEW', warnings };
}

/**
 * Validates an investment project code (投资项目代码), either format, after `normaliseCode` (dashes
 * of any kind read as hyphens; 20 digits without hyphens are re-hyphenated). Never throws.
 *
 * Format rule (the two formats share one shape, so the first four digits decide):
 * 1. OLD when they are a year 1990-2020 and the type (positions 16-17) is 01, 02 or 03 — except
 *    2011/2012, which are also November/December 2020 in the new format: those are NEW when the
 *    MOD 11,10 check digit matches, OLD otherwise, each with a warning about the ambiguity.
 * 2. Otherwise NEW when digits 3-4 are a month 01-12.
 * 3. Otherwise invalid.
 * NEW codes get warnings, not rejections, for a check digit that fails ISO 7064 MOD 11,10 over
 * the 19 other digits (rule unconfirmed against the standard) and for a YYMM before 2011.
 */
export function validateProjectCode(input: string): ProjectCodeValidation {
  const normalised = foldDashes(normaliseCode(input));
  const code = /^\d{20}$/.test(normalised) ? hyphenate(normalised) : normalised;
  const shapeProblem = findShapeProblem(code);
  if (shapeProblem !== undefined) return toInvalidCode(normalised, shapeProblem);
  const digits = code.replace(/-/g, '');
  const reading = readDigits(digits);
  if ('reason' in reading) return toInvalidCode(normalised, reading.reason);
  const { format, warnings } = reading;
  return { ok: true, value: code, format, areaCode: digits.slice(4, 10), warnings };
}

/**
 * Returns the normalised, hyphenated project code or throws `InvalidCodeError` with code
 * 'PROJECT_CODE'. Warnings are dropped; use `validateProjectCode` to see them.
 */
export function parseProjectCode(input: string): string {
  const result = validateProjectCode(input);
  if (!result.ok) throw new InvalidCodeError('PROJECT_CODE', result.normalised, result.reason);
  return result.value;
}

/**
 * Builds a new-format project code `YYMM-AAAAAA-DD-PP-RRRRRC` with its MOD 11,10 check digit.
 * Throws `Error` when a part is not all digits of the right length or the month is not 01-12.
 * Note: YYMM 2011/2012 with type 01-03 reads back as NEW only because its check digit matches.
 */
export function makeNewProjectCode(
  yymm: string,
  area6: string,
  dept2: string,
  type2: string,
  random5: string,
): string {
  const parts = [[yymm, 4], [area6, 6], [dept2, 2], [type2, 2], [random5, 5]] as const;
  for (const [value, length] of parts) {
    if (!new RegExp(`^\\d{${length}}$`).test(value)) {
      throw new Error(`makeNewProjectCode: expected ${length} digits, got "${value}"`);
    }
  }
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) {
    throw new Error(`makeNewProjectCode: month ${yymm.slice(2)} is not 01-12`);
  }
  const first19 = yymm + area6 + dept2 + type2 + random5;
  return hyphenate(first19 + computeMod1110Check(first19));
}
