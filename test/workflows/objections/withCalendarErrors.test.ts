import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError } from '../../../src/calendar/index.js';
import { withCalendarErrors } from '../../../src/workflows/objections/withCalendarErrors.js';

describe('withCalendarErrors', () => {
  const schema = withCalendarErrors(makeExecutableSchema({
    typeDefs: 'type Query { due: String, other: String }',
    resolvers: {
      Query: {
        due: () => {
          throw new CalendarYearMissingError(2101, '2101-01-04');
        },
        other: () => {
          throw new Error('database down');
        },
      },
    },
  }));

  it('turns a year no rule covers into CALENDAR_UNAVAILABLE naming the year and how to add it', async () => {
    const result = await graphql({ schema, source: '{ due }' });
    expect(result.errors![0]!.extensions).toEqual({ code: 'CALENDAR_UNAVAILABLE', year: 2101 });
    expect(result.errors![0]!.message).toBe(
      'A deadline in working days cannot be computed for 2101-01-04: the working-day calendar has no official notice for 2101 (needed for 2101-01-04) and cannot compute a provisional one (no statutory holiday rule covers 2101): add the State Council\'s holiday notice for 2101 with npm run calendar:add',
    );
  });

  it('leaves other errors alone', async () => {
    const result = await graphql({ schema, source: '{ other }' });
    expect(result.errors![0]!.message).toBe('database down');
    expect(result.errors![0]!.extensions).toEqual({});
  });
});
