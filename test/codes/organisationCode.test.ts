import { describe, it, expect } from 'vitest';
import {
  InvalidCodeError,
  computeOrgCodeCheck,
  parseOrganisationCode,
  validateOrganisationCode,
} from '../../src/codes/index.js';
import { createSeededRandom, pickString, replaceAt } from './seededRandom.js';

describe('computeOrgCodeCheck', () => {
  it.each([
    ['19220382', '1'],
    ['M000100Y', '4'],
    ['10000000', '8'],
    ['10000018', 'X'], // 11 - Σ mod 11 = 10
    ['10000004', '0'], // 11 - Σ mod 11 = 11
  ])('computes the check of %s as %s', (body, check) => {
    expect(computeOrgCodeCheck(body)).toBe(check);
  });

  it.each(['1922038', 'm000100y', '1922-382'])('throws on %j', (body) => {
    expect(() => computeOrgCodeCheck(body)).toThrow(Error);
  });
});

describe('validateOrganisationCode', () => {
  it.each([
    ['19220382-1', '192203821'],
    ['192203821', '192203821'],
    ['m000100y-4', 'M000100Y4'],
    ['Ｍ０００１００Ｙ－４', 'M000100Y4'],
    [' 10000018-x ', '10000018X'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateOrganisationCode(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['19220382-', '19220382-', "character '-' at position 9 is not allowed (the check character is a digit or X)"],
    ['1922038', '1922038', 'must be 9 characters (XXXXXXXX-C, hyphen optional), got 7'],
    ['1922#382-1', '1922#382-1', "character '#' at position 5 is not allowed (digits and A-Z only)"],
    ['19220382-A', '19220382-A', "character 'A' at position 10 is not allowed (the check character is a digit or X)"],
    ['19220382A', '19220382A', "character 'A' at position 9 is not allowed (the check character is a digit or X)"],
  ])('rejects %j', (input, normalised, reason) => {
    expect(validateOrganisationCode(input)).toEqual({ ok: false, normalised, reason });
  });

  it('reports the expected check character', () => {
    expect(validateOrganisationCode('10000000-3')).toEqual({
      ok: false,
      normalised: '10000000-3',
      reason: 'check character should be 8, got 3',
      expected: '8',
    });
  });

  it('catches every single-digit substitution in an all-digit body', () => {
    const random = createSeededRandom(11714);
    const missed: string[] = [];
    for (let n = 0; n < 1000; n++) {
      const body = pickString(random, '0123456789', 8);
      const code = body + computeOrgCodeCheck(body);
      expect(validateOrganisationCode(code).ok).toBe(true);
      const i = Math.floor(random() * 8);
      const changed = replaceAt(code, i, String((Number(code.charAt(i)) + 1 + Math.floor(random() * 9)) % 10));
      if (validateOrganisationCode(changed).ok) missed.push(changed);
    }
    expect(missed).toEqual([]);
  });
});

describe('parseOrganisationCode', () => {
  it('returns the code without the hyphen', () => {
    expect(parseOrganisationCode('M000100Y-4')).toBe('M000100Y4');
  });

  it('throws InvalidCodeError', () => {
    expect(() => parseOrganisationCode('10000000-3')).toThrow(
      new InvalidCodeError('ORGANISATION_CODE', '10000000-3', 'check character should be 8, got 3', '8'),
    );
    expect(() => parseOrganisationCode('10000000-3')).toThrow(
      'Organisation code "10000000-3" is invalid: check character should be 8, got 3',
    );
  });
});
