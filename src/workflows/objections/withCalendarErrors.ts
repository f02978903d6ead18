import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from 'graphql';
import { CalendarYearMissingError } from '../../calendar/index.js';

function toGraphQLError(error: unknown): unknown {
  if (!(error instanceof CalendarYearMissingError)) return error;
  return new GraphQLError(`A deadline in working days cannot be computed for ${error.date}: ${error.message}`, {
    originalError: error,
    extensions: { code: 'CALENDAR_UNAVAILABLE', year: error.year },
  });
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
