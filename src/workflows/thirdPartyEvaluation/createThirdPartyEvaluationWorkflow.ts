import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import { todayInShanghai } from '../../credit/index.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createThirdPartyEvaluationResolvers } from './createThirdPartyEvaluationResolvers.js';
import { KnexThirdPartyEvaluationStore } from './KnexThirdPartyEvaluationStore.js';

/**
 * Third-party evaluation (第三方评估, issue 15 item 7): submitThirdPartyEvaluation and thirdPartyEvaluations
 * (schema/third-party-evaluation.graphql). Root fields only.
 */
export function createThirdPartyEvaluationWorkflow(deps: WorkflowDeps): Workflow {
  const resolvers = createThirdPartyEvaluationResolvers(KnexThirdPartyEvaluationStore.create(deps.knex), deps.today ?? (() => todayInShanghai()));
  const schema = makeExecutableSchema({ typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('third-party-evaluation.graphql')], resolvers });
  return { subschemas: [{ schema }], routes: [] };
}
