import type { SubschemaConfig } from '@graphql-tools/delegate';
import { stitchSchemas } from '@graphql-tools/stitch';
import type { GraphQLSchema } from 'graphql';

/**
 * Stitches the subschemas into the one graph the hub serves. Types with the same name are merged
 * (adapters extend Enterprise and GovernmentBody by USCC through their merge configs).
 */
export function composeHubSchema(subschemas: SubschemaConfig[]): GraphQLSchema {
  const schema = stitchSchemas({ subschemas, mergeTypes: true });
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue.';
  }
  return schema;
}
