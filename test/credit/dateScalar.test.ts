import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { DateScalar } from '../../src/credit/index.js';

describe('DateScalar', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01', '2026-04-30'])('accepts the calendar date %s', (day) => {
    expect(DateScalar.parseValue(day)).toBe(day);
  });

  it.each(['2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '2026-1-01', '2026-01-01T00:00:00Z', 20260101])(
    'refuses %j, naming the form YYYY-MM-DD',
    (value) => {
      expect(() => DateScalar.parseValue(value)).toThrow(GraphQLError);
      expect(() => DateScalar.parseValue(value)).toThrow(/calendar date written YYYY-MM-DD/);
    },
  );
});
