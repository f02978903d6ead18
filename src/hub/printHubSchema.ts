import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildCreditSchema, type CreditStore } from '../credit/index.js';
import { composeHubSchema } from './composeHubSchema.js';

// Printing needs the schema's shape only; any attempt to read data is a bug in the printer.
const noStore = new Proxy({} as CreditStore, {
  get(_target, property) {
    return () => Promise.reject(new Error(`schema printing must not query the store (called ${String(property)})`));
  },
});

const print = (schema: GraphQLSchema): string => `${printSchema(lexicographicSortSchema(schema))}\n`;

/** SDL of each subschema and of the composed hub schema, as committed under schema/. */
export async function printHubSchemas(): Promise<Record<string, string>> {
  const credit = await buildCreditSchema(noStore);
  return {
    'credit.graphql': print(credit),
    'hub.graphql': print(composeHubSchema([{ schema: credit }])),
  };
}
