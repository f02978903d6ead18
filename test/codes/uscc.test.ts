import { describe, it, expect } from 'vitest';
import {
  InvalidCodeError,
  SHENZHEN_DISTRICTS,
  USCC_CHARSET,
  USCC_WEIGHTS,
  areaCodeOf,
  computeUsccCheck,
  makeUscc,
  parseUscc,
  subjectKindOf,
  validateUscc,
} from '../../src/codes/index.js';
import { createSeededRandom, pickString, replaceAt } from './seededRandom.js';

describe('validateUscc', () => {
  it.each([
    ['914403001922038216', '914403001922038216', 'ENTERPRISE'],
    ['91350100M000100Y43', '91350100M000100Y43', 'ENTERPRISE'],
    ['９１４４０３００１９２２０３８２１６', '914403001922038216', 'ENTERPRISE'],
    ['91350100m000100y43', '91350100M000100Y43', 'ENTERPRISE'],
    [' 9144 0300 1922 0382 16 ', '914403001922038216', 'ENTERPRISE'],
    ['9144030010000018XH', '9144030010000018XH', 'ENTERPRISE'],
  ])('accepts %j as %s', (input, value, kind) => {
    expect(validateUscc(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['91440300192203821', 'must be 18 characters, got 17', undefined],
    ['9144030019220382166', 'must be 18 characters, got 19', undefined],
    ['9144I3001922038216', "character 'I' at position 5 is not allowed (I, O, Z, S, V are never used)", undefined],
    ['9144o30019220382I6', "character 'O' at position 5 is not allowed (I, O, Z, S, V are never used)", undefined],
    ['9144-30019220382I6', "character '-' at position 5 is not allowed (only digits and upper-case letters except I, O, Z, S, V)", undefined],
    ['914403001000000033', 'organisation-code check character (position 17) should be 8, got 3', '8'],
    ['914403001922038217', 'check character should be 6, got 7', '6'],
    ['91350100M000100Y4Z', 'check character should be 3, got Z', '3'],
  ])('rejects %j: %s', (input, reason, expected) => {
    const normalised = input.toUpperCase();
    const result = validateUscc(input);
    expect(result).toEqual(
      expected === undefined ? { ok: false, normalised, reason } : { ok: false, normalised, reason, expected },
    );
  });
});

describe('computeUsccCheck', () => {
  it('uses the weights 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it.each([
    ['91440300192203821', '6'],
    ['91350100M000100Y4', '3'],
  ])('computes the check of %s as %s', (first17, check) => {
    expect(computeUsccCheck(first17)).toBe(check);
  });

  it.each(['9144030019220382', '9144030019220382I'])('throws on %j', (first17) => {
    expect(() => computeUsccCheck(first17)).toThrow(Error);
  });
});

describe('parseUscc', () => {
  it('returns the normalised code', () => {
    expect(parseUscc('９１４４０３００１９２２０３８２１６')).toBe('914403001922038216');
  });

  it('throws InvalidCodeError with the reason and the expected check', () => {
    const error = (() => {
      try {
        parseUscc('914403001922038217');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidCodeError);
    expect(error).toMatchObject({
      code: 'USCC',
      expected: '6',
      message: 'USCC "914403001922038217" is invalid: check character should be 6, got 7',
    });
  });
});

describe('subjectKindOf and areaCodeOf', () => {
  it.each([
    ['11440300MB2C12345X', 'GOVERNMENT_BODY'],
    ['12440300455755012A', 'PUBLIC_INSTITUTION'],
    ['51440300MJL1234567', 'SOCIAL_ORGANISATION'],
    ['52440300MJL1234567', 'SOCIAL_ORGANISATION'],
    ['53440300MJL1234567', 'SOCIAL_ORGANISATION'],
    ['59440300MJL1234567', 'SOCIAL_ORGANISATION'],
    ['914403001922038216', 'ENTERPRISE'],
    ['92440300L12345678X', 'INDIVIDUAL_BUSINESS'],
    ['93440300MA5D123456', 'FARMERS_COOPERATIVE'],
    ['31440000MD0123456X', 'OTHER'],
    ['Y1440300MD0123456X', 'OTHER'],
  ])('%s is %s', (uscc, kind) => {
    expect(subjectKindOf(uscc)).toBe(kind);
  });

  it('reads the area code from positions 3-8', () => {
    expect(areaCodeOf('914403001922038216')).toBe('440300');
  });
});

describe('makeUscc', () => {
  const random = createSeededRandom(32100);
  const prefixes = ['11', '12', '51', '52', '53', '91', '92', '93'];
  // A USCC carries the registering authority's GB/T 2260 code, never a project-local one (4403DP …).
  const registrationAreas = SHENZHEN_DISTRICTS.filter((d) => d.local !== true);
  const codes = Array.from({ length: 1000 }, () =>
    makeUscc(
      prefixes[Math.floor(random() * prefixes.length)] ?? '91',
      registrationAreas[Math.floor(random() * registrationAreas.length)]?.code ?? '440300',
      pickString(random, USCC_CHARSET, 8),
    ),
  );

  it('builds 1000 codes that validate', () => {
    expect(codes.filter((code) => !validateUscc(code).ok)).toEqual([]);
  });

  it('catches every single-character substitution (31 is prime, every weight is non-zero)', () => {
    const missed: string[] = [];
    for (const code of codes.slice(0, 200)) {
      for (let i = 0; i < 18; i++) {
        const other = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(code.charAt(i)) + 1 + Math.floor(random() * 30)) % 31);
        const changed = replaceAt(code, i, other);
        if (validateUscc(changed).ok) missed.push(changed);
      }
    }
    expect(missed).toEqual([]);
  });

  it('answers a code typed with spaces and in lower case exactly as the code itself, valid or not', () => {
    // Already-canonical codes take a shorter path; both paths must agree on every verdict and message.
    const variants = codes.slice(0, 300).flatMap((code, n) => [code, replaceAt(code, n % 18, USCC_CHARSET.charAt(n % 31)), replaceAt(code, n % 17, 'I')]);
    const typed = (code: string) => ` ${code.slice(0, 6)} ${code.slice(6).toLowerCase()} `;
    expect(variants.map((code) => validateUscc(typed(code)))).toEqual(variants.map((code) => validateUscc(code)));
  });

  it('catches every swap of two different adjacent characters in positions 1-17', () => {
    const missed = codes.flatMap((code) =>
      Array.from({ length: 16 }, (_, i) => code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2))
        .filter((swapped) => swapped !== code && validateUscc(swapped).ok),
    );
    expect(missed).toEqual([]);
  });

  it.each([
    ['9', '440300', '19220382'],
    ['91', '44030', '19220382'],
    ['91', '440300', '1922038'],
    ['91', '440300', '1922038I'],
  ])('rejects parts %j %j %j', (prefix, area, body) => {
    expect(() => makeUscc(prefix, area, body)).toThrow(Error);
  });
});
