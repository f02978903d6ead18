import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, responsePathAsArray, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';

function relocate(error: GraphQLError, info: GraphQLResolveInfo): GraphQLError {
  const path = responsePathAsArray(info.path);
  if (error.path && error.path.length === path.length && error.path.every((segment, i) => segment === path[i])) return error;
  return new GraphQLError(error.message, { nodes: info.fieldNodes, path, originalError: error.originalError ?? error, extensions: error.extensions });
}

function settle(value: unknown, info: GraphQLResolveInfo): unknown {
  return value instanceof GraphQLError ? relocate(value, info) : value;
}

/**
 * Puts every error a subschema returns for a field at the path where the client sees that field.
 * With batched type merging, @graphql-tools/delegate hands the gateway an error already carrying a
 * path built from the batch (for `subjects[3].bids` it says `subjects.bids`; graphql-hive/gateway#741),
 * and graphql-js keeps a path an error already has. The wrapper re-locates such errors to the field
 * being resolved; values and correctly placed errors pass through untouched. Only the fields of
 * `mergedTypes` (types some subschema merges by key, e.g. Enterprise, GovernmentBody) are wrapped.
 */
export function relocateDelegatedErrors(schema: GraphQLSchema, mergedTypes: ReadonlySet<string>) {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, _fieldName, typeName) => {
      // Only fields of types merged across subschemas get such errors; leaving the rest unwrapped keeps the
      // thousands of record fields of a large answer free of the extra promise step.
      if (!mergedTypes.has(typeName)) return field;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(parent, args, context, info) {
          let value: unknown;
          try {
            value = resolve(parent, args, context, info);
          } catch (error) {
            throw error instanceof GraphQLError ? relocate(error, info) : error;
          }
          if (value instanceof Promise) {
            return value.then(
              (resolved) => settle(resolved, info),
              (error: unknown) => {
                throw error instanceof GraphQLError ? relocate(error, info) : error;
              },
            );
          }
          return settle(value, info);
        },
      };
    },
  });
}
