import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import { todayInShanghai } from '../../credit/index.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createWatchFeed } from './createWatchFeed.js';
import { createWatchlistResolvers } from './createWatchlistResolvers.js';
import { KnexWatchlistStore } from './KnexWatchlistStore.js';

/**
 * Watchlists (关注名单, issue 13 item 5): a consumer's lists of USCCs and the credit events about them —
 * new records, status changes, corrections, expiry, overdue commitments — read as pages, followed by
 * subscription or pushed to a signed webhook. The feed (numbering events, delivering webhooks) runs as the
 * workflow's service while the hub runs.
 */
export function createWatchlistWorkflow(deps: WorkflowDeps): Workflow {
  const store = KnexWatchlistStore.create(deps.knex);
  const feed = createWatchFeed(store, deps.watchlists ?? {}, deps.today ?? (() => todayInShanghai()));
  const schema = makeExecutableSchema({
    typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('watchlists.graphql')],
    resolvers: createWatchlistResolvers(store, feed),
  });
  return { subschemas: [{ schema }], routes: [], services: [feed] };
}
