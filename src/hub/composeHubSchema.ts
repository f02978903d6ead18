import type { SubschemaConfig } from '@graphql-tools/delegate';
import { stitchSchemas } from '@graphql-tools/stitch';
import type { GraphQLSchema } from 'graphql';

/**
 * Stitches the subschemas into the one graph the hub serves. Types with the same name are merged
 * (adapters extend Enterprise and GovernmentBody by USCC through their merge configs).
 */
export function composeHubSchema(subschemas: SubschemaConfig[]): GraphQLSchema {
  return stitchSchemas({ subschemas, mergeTypes: true });
}
