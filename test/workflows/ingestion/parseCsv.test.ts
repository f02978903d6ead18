import { describe, expect, it } from 'vitest';
import { CsvFormatError, formatCsv, parseCsv } from '../../../src/workflows/ingestion/parseCsv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF, a BOM and blank lines', () => {
    const text = '\uFEFFCF_WSH,CF_NR\r\n"深市监罚〔2026〕1号","警告, ""严重""\n第二行"\r\n\r\nA2,\n';
    expect(parseCsv(text)).toEqual([{ CF_WSH: '深市监罚〔2026〕1号', CF_NR: '警告, "严重"\n第二行' }, { CF_WSH: 'A2', CF_NR: '' }]);
  });

  it('round-trips what formatCsv writes', () => {
    const rows = [{ a: 'x,y', b: '"q"' }, { a: '', b: 'line\nbreak' }];
    expect(parseCsv(formatCsv(['a', 'b'], rows))).toEqual(rows);
  });

  it.each([
    ['a b\n"open', 'line 2: a quoted field is not closed'],
    ['a,a\n1,2', 'line 1: the header has the column a twice'],
    ['a,b\n1,2,3', 'line 2: 3 fields but the header names 2'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseCsv(text)).toThrow(new CsvFormatError(message));
  });
});
