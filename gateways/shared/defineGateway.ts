import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import { Kind, parse } from 'graphql';
import type { Gateway, SubjectLink } from './Gateway.js';
import { loadGatewayTypeDefs } from './loadGatewayTypeDefs.js';
import { mergeByUscc, usccStubs } from './mergeByUscc.js';
import { perRequest } from './perRequest.js';
import type { PlatformSettings } from './PlatformSettings.js';
import { GATEWAY_SCALARS } from './scalars.js';

/** What an adapter declares; `defineGateway` does the rest the same way for every platform. */
export interface GatewayDefinition<Client extends { close(): void }, Loaders> {
  platform: Gateway['platform'];
  /** The adapter's SDL file under `schema/`, e.g. `bidding.graphql`. */
  sdl: string;
  /** Per type extended by USCC, the hidden batch root field that answers `{ uscc }` stubs for it. */
  mergeByUscc: Record<string, string>;
  /** The platform client (client.ts), created once per subschema. */
  createClient(settings: PlatformSettings): Client;
  /** The loaders of one request over the client (loaders.ts). */
  createLoaders(client: Client): Loaders;
  /** The field resolvers (resolvers.ts), given the request's loaders; scalars and the stub root fields are added here. */
  createResolvers(loaders: (context: unknown) => Loaders): IResolvers;
  startSandbox: Gateway['startSandbox'];
  subjectLinks: SubjectLink[];
}

/**
 * Builds an adapter's `Gateway` from its parts: the SDL (governance directives, shared sources, the
 * platform's file), the shared scalars the SDL declares, one `{ uscc }` stub resolver and one batched
 * merge config per type in `mergeByUscc`, and loaders created per request (keyed by the context object).
 */
export function defineGateway<Client extends { close(): void }, Loaders>(definition: GatewayDefinition<Client, Loaders>): Gateway {
  const typeDefs = loadGatewayTypeDefs(definition.sdl);
  const stubs = Object.fromEntries(Object.values(definition.mergeByUscc).map((fieldName) => [fieldName, usccStubs]));
  const declared = new Set(typeDefs.flatMap((sdl) => parse(sdl).definitions.flatMap((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION ? [d.name.value] : []))));
  const scalars = Object.fromEntries(Object.entries(GATEWAY_SCALARS).filter(([name]) => declared.has(name)));
  const merge = Object.fromEntries(Object.entries(definition.mergeByUscc).map(([typeName, fieldName]) => [typeName, mergeByUscc(fieldName)]));
  return {
    platform: definition.platform,
    startSandbox: definition.startSandbox,
    subjectLinks: definition.subjectLinks,
    createSubschema(settings) {
      const client = definition.createClient(settings);
      const loaders = perRequest(() => definition.createLoaders(client));
      const schema = makeExecutableSchema({ typeDefs, resolvers: [scalars, { Query: stubs }, definition.createResolvers(loaders)] });
      return { subschema: { schema, merge }, close: () => client.close() };
    },
  };
}
