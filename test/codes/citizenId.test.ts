import { describe, it, expect } from 'vitest';
import {
  InvalidCodeError,
  computeCitizenIdCheck,
  makeCitizenId,
  maskCitizenId,
  parseCitizenId,
  sexOf,
  validateCitizenId,
} from '../../src/codes/index.js';
import { createSeededRandom, replaceAt } from './seededRandom.js';

const today = '20250630';

describe('validateCitizenId', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'FEMALE'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'FEMALE'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'FEMALE'],
    ['440305 19900101 0018', '440305199001010018', '1990-01-01', 'MALE'],
    ['110105200002290013', '110105200002290013', '2000-02-29', 'MALE'],
    ['110105202506300018', '110105202506300018', '2025-06-30', 'MALE'],
  ])('accepts %j', (input, value, birthDate, sex) => {
    expect(validateCitizenId(input, { today })).toEqual({ ok: true, value, areaCode: value.slice(0, 6), birthDate, sex });
  });

  it.each([
    ['11010519491231002', 'must be 18 characters, got 17'],
    ['1101051949A231002X', "character 'A' at position 11 is not allowed (positions 1-17 are digits)"],
    ['11010519491231002Y', "character 'Y' at position 18 is not allowed (the check character is a digit or X)"],
    ['110105194902310021', 'birth date 19490231 is not a calendar date'],
    ['110105190002290011', 'birth date 19000229 is not a calendar date'],
    ['110105194913010021', 'birth date 19491301 is not a calendar date'],
    ['110105189912310015', 'birth date 18991231 is before 1900'],
    ['110105202507010016', 'birth date 20250701 is in the future'],
  ])('rejects %s: %s', (input, reason) => {
    expect(validateCitizenId(input, { today })).toEqual({ ok: false, normalised: input, reason });
  });

  it('reports the expected check character', () => {
    expect(validateCitizenId('110105194912310021', { today })).toEqual({
      ok: false,
      normalised: '110105194912310021',
      reason: 'check character should be X, got 1',
      expected: 'X',
    });
  });

  it('uses the current date in China by default', () => {
    expect(validateCitizenId(makeCitizenId('110105', '20990101', '001'))).toMatchObject({
      ok: false,
      reason: 'birth date 20990101 is in the future',
    });
  });
});

describe('computeCitizenIdCheck', () => {
  it('maps Σ mod 11 through 10X98765432 (Σ = 167 → X)', () => {
    expect(computeCitizenIdCheck('11010519491231002')).toBe('X');
  });

  it.each(['1101051949123100', '1101051949123100A'])('throws on %j', (first17) => {
    expect(() => computeCitizenIdCheck(first17)).toThrow(Error);
  });
});

describe('maskCitizenId', () => {
  it.each([
    ['342301196405123224', '3423011964****3224'],
    ['11010519491231002x', '1101051949****002X'],
    [' １１０１０５１９４９１２３１００２Ｘ', '1101051949****002X'],
  ])('masks %j as %s', (id, masked) => {
    expect(maskCitizenId(id)).toBe(masked);
  });

  it('refuses anything but 18 characters without echoing it', () => {
    expect(() => maskCitizenId('110105491231002')).toThrow(
      new InvalidCodeError('CITIZEN_ID', undefined, 'must be 18 characters, got 15'),
    );
    expect(() => maskCitizenId('110105491231002')).toThrow('Citizen ID number is invalid: must be 18 characters, got 15');
  });
});

describe('parseCitizenId', () => {
  it('shows only the masked number in the error message', () => {
    expect(() => parseCitizenId('110105194912310021', { today })).toThrow(
      'Citizen ID number "1101051949****0021" is invalid: check character should be X, got 1',
    );
  });

  it('returns the normalised number', () => {
    expect(parseCitizenId('11010519491231002x', { today })).toBe('11010519491231002X');
  });
});

describe('sexOf', () => {
  it.each([
    ['11010519491231002X', 'FEMALE'],
    ['440305199001010018', 'MALE'],
  ])('%s is %s', (id, sex) => {
    expect(sexOf(id)).toBe(sex);
  });

  it('throws on a short number', () => {
    expect(() => sexOf('1101051949123100')).toThrow(InvalidCodeError);
  });
});

describe('makeCitizenId', () => {
  const random = createSeededRandom(11643);
  const ids = Array.from({ length: 1000 }, () => {
    const birth = new Date(Date.UTC(1900, 0, 1) + Math.floor(random() * 125 * 365.25) * 86_400_000);
    const seq = String(Math.floor(random() * 1000)).padStart(3, '0');
    return makeCitizenId('440305', birth.toISOString().slice(0, 10).replace(/-/g, ''), seq);
  });

  it('builds 1000 numbers that validate', () => {
    expect(ids.filter((id) => !validateCitizenId(id, { today }).ok)).toEqual([]);
  });

  it('catches every single-digit substitution and every wrong check character', () => {
    const missed: string[] = [];
    for (const id of ids) {
      const i = Math.floor(random() * 18);
      const alphabet = i === 17 ? '0123456789X' : '0123456789';
      const other = alphabet.charAt((alphabet.indexOf(id.charAt(i)) + 1 + Math.floor(random() * (alphabet.length - 1))) % alphabet.length);
      const changed = replaceAt(id, i, other);
      if (validateCitizenId(changed, { today }).ok) missed.push(changed);
    }
    expect(missed).toEqual([]);
  });

  it.each([
    ['11010', '19491231', '002'],
    ['110105', '1949123', '002'],
    ['110105', '19491231', '02'],
  ])('rejects parts %j %j %j', (area, birth, seq) => {
    expect(() => makeCitizenId(area, birth, seq)).toThrow(Error);
  });
});
