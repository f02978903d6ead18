import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { CalendarYearMissingError } from '../../calendar/index.js';
import { codedError } from '../../codes/index.js';

function toGraphQLError(error: unknown): unknown {
  if (!(error instanceof CalendarYearMissingError)) return error;
  return codedError('CALENDAR_UNAVAILABLE', `A deadline in working days cannot be computed for ${error.date}: ${error.message}`,
    { year: error.year }, { originalError: error });
}

/**
 * Makes a year without any calendar a client-visible error (CALENDAR_UNAVAILABLE, naming the year and how to
 * add its notice) instead of an internal one. Years without an official notice are computed provisionally
 * (临时推算), so this only happens outside the statutory holiday rules' years (before 2014, after 2100): the
 * caller should know that the step failed for that reason and nothing was changed.
 */
export function withCalendarErrors(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        async resolve(parent, args, context, info) {
          try {
            return await resolve(parent, args, context, info);
          } catch (error) {
            throw toGraphQLError(error);
          }
        },
      };
    },
  });
}
