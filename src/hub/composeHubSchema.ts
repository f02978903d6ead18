import type { SubschemaConfig } from '@graphql-tools/delegate';
import { stitchSchemas } from '@graphql-tools/stitch';
import type { GraphQLSchema } from 'graphql';
import { ProjectCodeScalar, UsccScalar } from '../codes/index.js';
import { DateScalar, DecimalScalar } from '../credit/index.js';

/**
 * Stitches the subschemas into the one graph the hub serves. Types with the same name are merged
 * (adapters extend Enterprise and GovernmentBody by USCC through their merge configs).
 */
export function composeHubSchema(subschemas: SubschemaConfig[]): GraphQLSchema {
  const schema = stitchSchemas({
    subschemas,
    mergeTypes: true,
    // The gateway validates identifiers itself, so a malformed code is refused before any subschema is
    // called and the error names the argument the client wrote (stitching would otherwise pass scalar
    // values through untouched and let the subschema reject its own internal variable).
    resolvers: { USCC: UsccScalar, ProjectCode: ProjectCodeScalar, Date: DateScalar, Decimal: DecimalScalar },
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
  });
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects, their records, civil servants and the catalogue.';
  }
  return schema;
}
