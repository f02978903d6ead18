import { describe, it, expect } from 'vitest';
import { describeCharacter, normaliseCode } from '../../src/codes/index.js';

describe('normaliseCode', () => {
  it.each([
    ['914403001922038216', '914403001922038216'],
    ['  914403001922038216\n', '914403001922038216'],
    ['9144 0300 1922 0382 16', '914403001922038216'],
    ['91350100m000100y43', '91350100M000100Y43'],
    ['９１４４０３００１９２２０３８２１６', '914403001922038216'],
    ['９１３５０１００ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['\u30009144\u300003001922038216', '914403001922038216'],
    ['M000100Y－4', 'M000100Y-4'],
    ['2108-440305-04-01-333721', '2108-440305-04-01-333721'],
    ['', ''],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseCode(input)).toBe(expected);
  });

  it('upper-cases ASCII letters only, so positions never shift', () => {
    expect(normaliseCode('aß')).toBe('Aß');
  });
});

describe('describeCharacter', () => {
  it.each([
    ['I', "'I'"],
    ['中', "'中' (U+4E2D)"],
    ['\u200b', "'\u200b' (U+200B)"],
  ])('describes %j as %s', (ch, expected) => {
    expect(describeCharacter(ch)).toBe(expected);
  });
});
