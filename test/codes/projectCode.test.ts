import { describe, it, expect } from 'vitest';
import {
  InvalidCodeError,
  computeMod1110Check,
  makeNewProjectCode,
  parseProjectCode,
  validateProjectCode,
} from '../../src/codes/index.js';
import { createSeededRandom, pickString, replaceAt } from './seededRandom.js';

describe('computeMod1110Check', () => {
  it.each([
    ['2108440305040133372', '1'], // the DOMAIN.md new-format example: its last digit matches
    ['6943515153', '0'], // Croatian OIB examples, which use ISO 7064 MOD 11,10
    ['9457740319', '4'],
  ])('computes the check of %s as %s', (digits, check) => {
    expect(computeMod1110Check(digits)).toBe(check);
  });

  it.each(['', '2108-4403'])('throws on %j', (digits) => {
    expect(() => computeMod1110Check(digits)).toThrow(Error);
  });
});

describe('validateProjectCode', () => {
  it.each([
    ['2108-440305-04-01-333721', '2108-440305-04-01-333721', 'NEW', '440305'],
    ['21084403050401333721', '2108-440305-04-01-333721', 'NEW', '440305'],
    ['２１０８－４４０３０５－０４－０１－３３３７２１', '2108-440305-04-01-333721', 'NEW', '440305'],
    [' 2108—440305—04—01—333721 ', '2108-440305-04-01-333721', 'NEW', '440305'],
    ['2018-440300-65-01-502631', '2018-440300-65-01-502631', 'OLD', '440300'],
    ['20184403006501502631', '2018-440300-65-01-502631', 'OLD', '440300'],
    ['2016-440304-70-03-000123', '2016-440304-70-03-000123', 'OLD', '440304'],
  ])('accepts %j without warnings', (input, value, format, areaCode) => {
    expect(validateProjectCode(input)).toEqual({ ok: true, value, format, areaCode, warnings: [] });
  });

  it.each([
    ['2108-440305-04-01-333722', 'NEW', ['check digit should be 1 under ISO 7064 MOD 11,10, got 2 (rule unconfirmed; not rejected)']],
    ['1905-440300-04-01-333721', 'NEW', [
      'new-format date 2019-05 predates the new format (2020-11)',
      'check digit should be 4 under ISO 7064 MOD 11,10, got 1 (rule unconfirmed; not rejected)',
    ]],
    // 2011 and 2012 are both old-format years and new-format Nov/Dec 2020: the check digit decides.
    ['2011-440300-04-01-123453', 'NEW', ['read as new format (2020-11); could also be an old-format code of year 2011']],
    ['2012-440300-65-01-502632', 'OLD', ['read as old format (year 2012); as a new-format code of 2020-12 its check digit would be 6']],
    ['2012-440300-65-05-502632', 'NEW', ['check digit should be 5 under ISO 7064 MOD 11,10, got 2 (rule unconfirmed; not rejected)']],
  ])('accepts %s as %s with warnings', (input, format, warnings) => {
    expect(validateProjectCode(input)).toEqual({ ok: true, value: input, format, areaCode: input.slice(5, 11), warnings });
  });

  it.each([
    ['2108-440305-04-01-33372', 'must be 24 characters with hyphens or 20 digits without, got 23'],
    ['2108440305040133372', 'must be 24 characters with hyphens or 20 digits without, got 19'],
    ['2108-44030A-04-01-333721', "character 'A' at position 11 is not allowed (digits only)"],
    ['2108-4403050-4-01-333721', "character '0' at position 12 should be a hyphen"],
    ['2108_440305_04_01_333721', "character '_' at position 5 should be a hyphen"],
    ['2018-440300-65-04-502631', 'type 04 (positions 16-17) is not 01, 02 or 03 for an old-format code, and 2018 is not a new-format YYMM'],
    ['2113-440305-04-01-333721', 'first four digits 2113 are neither an old-format year (1990-2020) nor a new-format YYMM (month 01-12)'],
    ['2100-440305-04-01-333721', 'first four digits 2100 are neither an old-format year (1990-2020) nor a new-format YYMM (month 01-12)'],
  ])('rejects %j: %s', (input, reason) => {
    expect(validateProjectCode(input)).toEqual({ ok: false, normalised: input, reason });
  });
});

describe('parseProjectCode', () => {
  it('returns the hyphenated code and drops warnings', () => {
    expect(parseProjectCode('21084403050401333722')).toBe('2108-440305-04-01-333722');
  });

  it('throws InvalidCodeError', () => {
    expect(() => parseProjectCode('2113-440305-04-01-333721')).toThrow(InvalidCodeError);
    expect(() => parseProjectCode('2108-44030A-04-01-333721')).toThrow(
      `Project code "2108-44030A-04-01-333721" is invalid: character 'A' at position 11 is not allowed (digits only)`,
    );
  });
});

describe('makeNewProjectCode', () => {
  const random = createSeededRandom(40058);
  const codes = Array.from({ length: 1000 }, () => {
    const yymm = String(21 + Math.floor(random() * 9)) + String(1 + Math.floor(random() * 12)).padStart(2, '0');
    return makeNewProjectCode(yymm, '440305', pickString(random, '0123456789', 2), pickString(random, '0123456789', 2), pickString(random, '0123456789', 5));
  });

  it('builds the DOMAIN.md example', () => {
    expect(makeNewProjectCode('2108', '440305', '04', '01', '33372')).toBe('2108-440305-04-01-333721');
  });

  it('builds 1000 codes that validate as NEW without warnings', () => {
    const unexpected = codes.filter((code) => {
      const result = validateProjectCode(code);
      return !(result.ok && result.format === 'NEW' && result.warnings.length === 0);
    });
    expect(unexpected).toEqual([]);
  });

  it('warns (never rejects) on every single-digit change after the date', () => {
    const unnoticed: string[] = [];
    for (const code of codes) {
      const positions = Array.from(code.matchAll(/\d/g), (m) => m.index).slice(4);
      const i = positions[Math.floor(random() * positions.length)] ?? 23;
      const changed = replaceAt(code, i, String((Number(code.charAt(i)) + 1 + Math.floor(random() * 9)) % 10));
      const result = validateProjectCode(changed);
      const warned = result.ok && result.format === 'NEW' && result.warnings.some((w) => w.startsWith('check digit should be'));
      if (!warned) unnoticed.push(changed);
    }
    expect(unnoticed).toEqual([]);
  });

  it.each([
    ['210', '440305', '04', '01', '33372'],
    ['2113', '440305', '04', '01', '33372'],
    ['2108', '44030', '04', '01', '33372'],
    ['2108', '440305', '4', '01', '33372'],
    ['2108', '440305', '04', '1A', '33372'],
    ['2108', '440305', '04', '01', '3337'],
  ])('rejects parts %j %j %j %j %j', (yymm, area, dept, type, random5) => {
    expect(() => makeNewProjectCode(yymm, area, dept, type, random5)).toThrow(Error);
  });
});
