import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import {
  createAuditPlugin, createExecutionBudgetPlugin, createInputValidationPlugin, createOperationLimitsPlugin, createTrustedDocumentsPlugin,
  fieldGuards, governSchema, type AuditLedger, type GovernedField, type IsTrustedDocument, type OperationLimits,
} from '../governance/index.js';
import type { HubContext } from './createAdmission.js';
import { createFormatError } from './formatError.js';
import { createRequestLogPlugin } from './createRequestLogPlugin.js';
import { createSubschemaAnswerPlugin } from './createSubschemaAnswerPlugin.js';
import type { Logger } from './logger.js';

/** The two GraphQL servers of the hub and the schemas they serve. */
export interface GraphqlServers {
  /** For the public and consumers limited to conditional data: restricted fields are not in its schema at all. */
  publicServer: ApolloServer<HubContext>;
  /** For consumers with a role that may read restricted data (each read still checked field by field). */
  internalServer: ApolloServer<HubContext>;
  publicSchema: GraphQLSchema;
  internalSchema: GraphQLSchema;
  stop(): Promise<void>;
}

/** What the servers are built from. */
export interface GraphqlServerOptions {
  /** The composed hub schema. */
  schema: GraphQLSchema;
  classification: ReadonlyMap<string, GovernedField>;
  ledger: AuditLedger;
  logger: Logger;
  /** Depth, aliases, tokens, cost: checked before execution. */
  limits: OperationLimits;
  /** Whether a trusted-documents-only consumer registered a text (by the SHA-256 of the text executed). */
  isTrustedDocument: IsTrustedDocument;
  /** More plugins for both servers, run first (e.g. the metrics'). */
  plugins?: ApolloServerPlugin<HubContext>[];
}

/**
 * Builds and starts the governed servers: every field checked and audited by `governSchema`, one ledger
 * entry per audited operation, and a public schema from which restricted fields (and the types only they
 * reach) are removed, so the public cannot even see them by introspection.
 */
export async function createGraphqlServers(options: GraphqlServerOptions): Promise<GraphqlServers> {
  const { classification, logger } = options;
  const fullDisclosureFields = new Set([...classification.keys()].filter((c) => c.endsWith('.creditRecords')));
  const internalSchema = governSchema(options.schema, classification, { fullDisclosureFields });
  const guards = fieldGuards(options.schema, classification, { fullDisclosureFields });
  const open = (typeName: string, fieldName: string) => classification.get(`${typeName}.${fieldName}`)?.shareLevel !== 'RESTRICTED';
  const publicSchema = pruneSchema(filterSchema({ schema: internalSchema, rootFieldFilter: open, fieldFilter: open, objectFieldFilter: open, interfaceFieldFilter: open }));
  const shared = (): ApolloServerPlugin<HubContext>[] => [
    // The default landing page loads Apollo Sandbox from a CDN; government networks have none.
    ApolloServerPluginLandingPageDisabled(),
    // The hub sets no cache hints (answers are per caller: `cache-control: no-store`); Apollo's default cache-control
    // plugin would still look at every field of every answer.
    ApolloServerPluginCacheControlDisabled(),
    ...(options.plugins ?? []),
    createRequestLogPlugin(logger),
    // Before the limits: an unregistered text is refused as such, whatever else is wrong with it.
    createTrustedDocumentsPlugin<HubContext>(options.isTrustedDocument),
    // NUL characters and impossible dates in any argument: BAD_USER_INPUT before anything runs. An ingested
    // batch's cells are checked row by row instead, so one bad cell rejects its row only.
    createInputValidationPlugin<HubContext>({ perRowFields: new Set(['IngestRecordsInput.csv', 'IngestRecordsInput.rows']) }),
    createOperationLimitsPlugin<HubContext>(options.limits),
    // After every check above (they run before any plugin answers): a query the credit store answers alone, unchanged.
    createSubschemaAnswerPlugin(guards, options.limits),
    createExecutionBudgetPlugin<HubContext>(options.limits),
    createAuditPlugin<HubContext>(options.ledger, logger),
  ];
  const common = {
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // graphql-js stops parsing at this many tokens, before any validation work.
    parseOptions: { maxTokens: options.limits.maxTokens },
    allowBatchedHttpRequests: false,
    // The hub's entry point handles SIGTERM: it drains HTTP first (startHub), then stops the servers.
    // Apollo's own handlers would stop the servers behind its back and re-raise the signal.
    stopOnTerminationSignals: false,
    // No automatic persisted queries, for anyone: a hash anyone could register would stand for a text no
    // consumer registered, and the cache grows with whatever outsiders send. Trusted documents (registered
    // by the credit office per consumer) are the hub's only persisted operations.
    persistedQueries: false as const,
  };
  const publicServer = new ApolloServer<HubContext>({
    ...common,
    schema: publicSchema,
    // No "Did you mean …?" for outsiders: suggestions reveal field names.
    hideSchemaDetailsFromClientErrors: true,
    formatError: createFormatError(logger, { development: false, hideSuggestions: true }),
    plugins: shared(),
  });
  const internalServer = new ApolloServer<HubContext>({
    ...common,
    schema: internalSchema,
    formatError: createFormatError(logger, { development: false, hideSuggestions: false }),
    plugins: shared(),
  });
  await publicServer.start();
  await internalServer.start();
  return {
    publicServer,
    internalServer,
    publicSchema,
    internalSchema,
    async stop() {
      await publicServer.stop();
      await internalServer.stop();
    },
  };
}
