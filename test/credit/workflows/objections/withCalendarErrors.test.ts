import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError } from '../../../../src/credit/calendar/index.js';
import { withCalendarErrors } from '../../../../src/credit/workflows/objections/withCalendarErrors.js';

describe('withCalendarErrors', () => {
  const schema = withCalendarErrors(makeExecutableSchema({
    typeDefs: 'type Query { due: String, other: String }',
    resolvers: {
      Query: {
        due: () => {
          throw new CalendarYearMissingError(2027, '2027-01-04');
        },
        other: () => {
          throw new Error('database down');
        },
      },
    },
  }));

  it('turns a missing calendar year into CALENDAR_UNAVAILABLE naming the year and the file to add', async () => {
    const result = await graphql({ schema, source: '{ due }' });
    expect(result.errors![0]!.extensions).toEqual({ code: 'CALENDAR_UNAVAILABLE', year: 2027 });
    expect(result.errors![0]!.message).toBe(
      'A deadline in working days cannot be computed for 2027-01-04: the working-day calendar has no file for 2027 (needed for 2027-01-04): add src/credit/calendar/holidays/2027.json from the State Council\'s holiday notice for 2027',
    );
  });

  it('leaves other errors alone', async () => {
    const result = await graphql({ schema, source: '{ other }' });
    expect(result.errors![0]!.message).toBe('database down');
    expect(result.errors![0]!.extensions).toEqual({});
  });
});
