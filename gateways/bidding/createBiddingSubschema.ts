import { makeExecutableSchema } from '@graphql-tools/schema';
import { loadGatewayTypeDefs, perRequest, type GatewaySubschema, type PlatformSettings } from '../shared/index.js';
import { createBiddingClient } from './client.js';
import { createBiddingLoaders } from './loaders.js';
import { createBiddingResolvers } from './resolvers.js';

const byUscc = (fieldName: string) => ({
  selectionSet: '{ uscc }',
  fieldName,
  key: ({ uscc }: { uscc: string }) => uscc,
  argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
});

/**
 * Builds the bidding adapter's subschema over the platform described by `settings`: `tender(code:)`,
 * and Enterprise (bids, awards, tenders) and GovernmentBody (tenders) merged by USCC through the
 * hidden batch fields `_biddingEnterprisesByUscc` and `_biddingGovernmentBodiesByUscc`.
 */
export function createBiddingSubschema(settings: PlatformSettings): GatewaySubschema {
  const client = createBiddingClient(settings);
  const loaders = perRequest(() => createBiddingLoaders(client));
  const schema = makeExecutableSchema({ typeDefs: loadGatewayTypeDefs('bidding.graphql'), resolvers: createBiddingResolvers(loaders) });
  return {
    subschema: {
      schema,
      merge: { Enterprise: byUscc('_biddingEnterprisesByUscc'), GovernmentBody: byUscc('_biddingGovernmentBodiesByUscc') },
    },
    close: () => client.close(),
  };
}
