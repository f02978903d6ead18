import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createIngestionResolvers } from './createIngestionResolvers.js';
import { KnexIngestionStore } from './KnexIngestionStore.js';


/**
 * The ingestion workflow (归集, issue 5 item 1): the subschema of schema/ingestion.graphql — the
 * `ingestRecords` batch mutation and the `dataQualityIssues` queue — over the hub's database. It adds
 * root fields only; the records it stores are read through the credit schema's `creditRecords`.
 */
export function createIngestionWorkflow(deps: WorkflowDeps): Workflow {
  const store = KnexIngestionStore.create(deps.knex);
  const schema = makeExecutableSchema({
    typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('ingestion.graphql')],
    resolvers: createIngestionResolvers(store, deps.today),
  });
  return { subschemas: [{ schema }], routes: [] };
}
