import { describeCharacter, normaliseCode } from './normalise.js';
import { InvalidCodeError, toInvalidCode } from './InvalidCodeError.js';
import type { InvalidCode } from './InvalidCodeError.js';

/** Sex encoded in a citizen ID number's sequence (odd male, even female). */
export type Sex = 'MALE' | 'FEMALE';

/** Result of `validateCitizenId`; `birthDate` is `YYYY-MM-DD`. */
export type CitizenIdValidation =
  | { ok: true; value: string; areaCode: string; birthDate: string; sex: Sex }
  | InvalidCode;

/** Options of `validateCitizenId`: `today` as `YYYYMMDD` (default: today in China, UTC+8). */
export type CitizenIdOptions = { today?: string };

// GB 11643: weights of positions 1..17 and Σ mod 11 → check character.
const CITIZEN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_BY_REMAINDER = '10X98765432';
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Computes the GB 11643 check character (a digit or 'X'); throws `Error` unless given 17 digits. */
export function computeCitizenIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error(`citizen ID check needs 17 digits, got "${first17}"`);
  }
  let sum = 0;
  CITIZEN_ID_WEIGHTS.forEach((weight, i) => {
    sum += Number(first17.charAt(i)) * weight;
  });
  return CHECK_BY_REMAINDER.charAt(sum % 11);
}

function todayInChina(): string {
  return new Date(Date.now() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 0231 over into March; a real date survives the round trip. Years < 100 are
  // remapped by Date.UTC, but such years are rejected by the 1900 rule anyway.
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

function findCharacterProblem(chars: readonly string[]): string | undefined {
  for (const [i, ch] of chars.entries()) {
    const allowed = i < 17 ? /^\d$/.test(ch) : /^[\dX]$/.test(ch);
    if (allowed) continue;
    const rule = i < 17 ? 'positions 1-17 are digits' : 'the check character is a digit or X';
    return `character ${describeCharacter(ch)} at position ${i + 1} is not allowed (${rule})`;
  }
  return undefined;
}

/**
 * Validates a citizen ID number (公民身份号码, GB 11643) after `normaliseCode`: 18 characters,
 * 6-digit area, a calendar birth date `YYYYMMDD` from 1900 up to today, 3-digit sequence and the
 * check character. Never throws. Reasons may contain the birth date: they are for the submitter
 * or a data-quality review, never for publication.
 */
export function validateCitizenId(input: string, options: CitizenIdOptions = {}): CitizenIdValidation {
  const normalised = normaliseCode(input);
  const chars = Array.from(normalised);
  if (chars.length !== 18) {
    return toInvalidCode(normalised, `must be 18 characters, got ${chars.length}`);
  }
  const characterProblem = findCharacterProblem(chars);
  if (characterProblem !== undefined) return toInvalidCode(normalised, characterProblem);
  const birth = normalised.slice(6, 14);
  if (!isCalendarDate(birth)) {
    return toInvalidCode(normalised, `birth date ${birth} is not a calendar date`);
  }
  if (birth < '19000101') return toInvalidCode(normalised, `birth date ${birth} is before 1900`);
  if (birth > (options.today ?? todayInChina())) {
    return toInvalidCode(normalised, `birth date ${birth} is in the future`);
  }
  const expected = computeCitizenIdCheck(normalised.slice(0, 17));
  const actual = normalised.charAt(17);
  if (actual !== expected) {
    return toInvalidCode(normalised, `check character should be ${expected}, got ${actual}`, expected);
  }
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  const areaCode = normalised.slice(0, 6);
  return { ok: true, value: normalised, areaCode, birthDate, sex: sexOf(normalised) };
}

/**
 * Returns the normalised citizen ID number or throws `InvalidCodeError` with code 'CITIZEN_ID';
 * the error message shows the masked number, never the full one.
 */
export function parseCitizenId(input: string, options: CitizenIdOptions = {}): string {
  const result = validateCitizenId(input, options);
  if (!result.ok) {
    const canMask = Array.from(result.normalised).length === 18;
    const shown = canMask ? maskCitizenId(result.normalised) : undefined;
    throw new InvalidCodeError('CITIZEN_ID', shown, result.reason, result.expected);
  }
  return result.value;
}

/**
 * Masks the birth month and day as the court list does: first 10 characters, `****`, last 4
 * (`3423011964****3224`). Normalises first and does not check the number, so flagged records can
 * still be shown masked; throws `InvalidCodeError` (without echoing the value) unless 18 characters.
 */
export function maskCitizenId(id: string): string {
  const chars = Array.from(normaliseCode(id));
  if (chars.length !== 18) {
    throw new InvalidCodeError('CITIZEN_ID', undefined, `must be 18 characters, got ${chars.length}`);
  }
  return `${chars.slice(0, 10).join('')}****${chars.slice(14).join('')}`;
}

/**
 * Returns the sex encoded by the sequence (positions 15-17; odd male, even female). Throws
 * `InvalidCodeError` unless the normalised input is 18 characters with a digit at position 17.
 */
export function sexOf(id: string): Sex {
  const normalised = normaliseCode(id);
  const digit = normalised.charAt(16);
  if (Array.from(normalised).length !== 18 || !/^\d$/.test(digit)) {
    const reason = 'sex needs 18 characters with a digit at position 17';
    throw new InvalidCodeError('CITIZEN_ID', undefined, reason);
  }
  return Number(digit) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/**
 * Builds a citizen ID number with its check character. Throws `Error` unless given 6 digits,
 * 8 digits and 3 digits; the date is not checked. Intended for sample-data generators.
 */
export function makeCitizenId(area6: string, birthYYYYMMDD: string, seq3: string): string {
  const first17 = area6 + birthYYYYMMDD + seq3;
  if (!/^\d{6}$/.test(area6) || !/^\d{8}$/.test(birthYYYYMMDD) || !/^\d{3}$/.test(seq3)) {
    const got = `"${area6}", "${birthYYYYMMDD}", "${seq3}"`;
    throw new Error(`makeCitizenId: expected 6 + 8 + 3 digits, got ${got}`);
  }
  return first17 + computeCitizenIdCheck(first17);
}

// 18 characters standing alone: 17 digits and a digit or X, not part of a longer code.
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/**
 * Masks, in free text, every 18-character number that is a valid citizen ID number (calendar birth date
 * from 1900 up to today and the right check character) as the court list does. Licence certificate numbers
 * of 18 digits are left alone unless they happen to pass both checks (then masked: the safe side).
 */
export function maskCitizenIdsInText(text: string): string {
  return text.replace(ID_IN_TEXT, (candidate) => (validateCitizenId(candidate).ok ? maskCitizenId(candidate) : candidate));
}
