import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildCreditSchema, type CreditStore, type IdNumberVault } from '../credit/index.js';
import { createWorkflows } from '../workflows/index.js';
import { defaultPlatformSettings } from '../../gateways/shared/index.js';
import type { Knex } from 'knex';
import { classifySchema, createAuditSubschema, createGovernanceSubschema, type AuditLedger } from '../governance/index.js';
import { composeHubSchema } from './composeHubSchema.js';
import { CONNECTED_GATEWAYS } from './connectedGateways.js';

// Printing needs the schema's shape only; any attempt to read data is a bug in the printer.
const noStore = new Proxy({} as CreditStore, {
  get(_target, property) {
    return () => Promise.reject(new Error(`schema printing must not query the store (called ${String(property)})`));
  },
});

// With the applied directives (@share, @personal), so the committed SDL shows every field's classification.
const print = (schema: GraphQLSchema): string => `${printSchemaWithDirectives(lexicographicSortSchema(schema))}\n`;

/** SDL of each subschema and of the composed hub schema, as committed under schema/. */
export async function printHubSchemas(): Promise<Record<string, string>> {
  const credit = await buildCreditSchema(noStore);
  // Switched-off adapters: the same schema, and any attempt to reach a platform fails without a call.
  const adapters = CONNECTED_GATEWAYS.map((gateway) => ({
    ...gateway.createSubschema({ ...defaultPlatformSettings(gateway.platform, 'http://printing.invalid', null), enabled: false }),
    subjectLinks: gateway.subjectLinks,
  }));
  // The catalogue describes the composed graph, which exists only once the catalogue is stitched into it.
  const governance = createGovernanceSubschema({ classification: () => classifySchema(hub) });
  const audit = createAuditSubschema({ knex: noStore as unknown as Knex, ledger: noStore as unknown as AuditLedger, retentionYears: 5 });
  const workflows = createWorkflows({ knex: noStore as unknown as Knex, vault: noStore as unknown as IdNumberVault, checkSigningKeyPem: null });
  const hub = composeHubSchema({ credit: { schema: credit }, adapters, extra: [...workflows.subschemas, governance, audit], extraLinks: workflows.subjectLinks });
  return {
    'credit.graphql': print(credit),
    'hub.graphql': print(hub),
  };
}
