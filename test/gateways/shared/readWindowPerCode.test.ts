import { describe, expect, it } from 'vitest';
import { pageHolding, readWindowPerCode, type CodeWindow } from '../../../gateways/shared/index.js';

describe('pageHolding', () => {
  it.each([
    ['the first page', { offset: 0, limit: 20 }, 200, { pageNo: 1, pageSize: 20, skip: 0 }],
    ['the next page with the same first', { offset: 20, limit: 20 }, 200, { pageNo: 2, pageSize: 20, skip: 0 }],
    ['a window off the page boundary', { offset: 1, limit: 2 }, 200, { pageNo: 1, pageSize: 3, skip: 1 }],
    ['a window far off the boundary', { offset: 199, limit: 100 }, 200, { pageNo: 2, pageSize: 150, skip: 49 }],
    ['a count only', { offset: 40, limit: 0 }, 200, { pageNo: 1, pageSize: 1, skip: 0 }],
    ['no page size holding it', { offset: 150, limit: 100 }, 120, null],
  ])('finds %s', (_what, window, maxPageSize, expected) => {
    expect(pageHolding(window, maxPageSize)).toEqual(expected);
  });
});

describe('readWindowPerCode', () => {
  // A platform paging per code: code A has items 0..9, code B none; unknown codes are left out of its answer.
  const lists: Record<string, number[]> = { A: Array.from({ length: 10 }, (_, i) => i), B: [] };
  const calls: string[] = [];
  const fetchPage = async (codes: readonly string[], pageNo: number, pageSize: number) => {
    calls.push(`${codes.join(',')} page ${pageNo} of ${pageSize}`);
    return new Map(codes.filter((c) => c in lists).map((c): [string, CodeWindow<number>] => [c, { total: lists[c]!.length, rows: lists[c]!.slice((pageNo - 1) * pageSize, pageNo * pageSize) }]));
  };

  it('reads the window of every code in one call, a code the platform left out having none', async () => {
    calls.length = 0;
    expect(await readWindowPerCode(['A', 'B', 'C'], { offset: 3, limit: 4 }, 200, fetchPage)).toEqual(new Map([
      ['A', { total: 10, rows: [3, 4, 5, 6] }], ['B', { total: 0, rows: [] }], ['C', { total: 0, rows: [] }],
    ]));
    expect(calls).toEqual(['A,B,C page 1 of 7']);
  });

  it('reads two pages when no page size holds the window', async () => {
    calls.length = 0;
    expect(await readWindowPerCode(['A'], { offset: 5, limit: 4 }, 4, fetchPage)).toEqual(new Map([['A', { total: 10, rows: [5, 6, 7, 8] }]]));
    expect(calls).toEqual(['A page 2 of 4', 'A page 3 of 4']);
  });
});
