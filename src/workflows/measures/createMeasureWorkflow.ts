import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import { KnexCalendarSource } from '../../calendar/index.js';
import { todayInShanghai } from '../../credit/index.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createMeasureResolvers } from './createMeasureResolvers.js';
import { KnexMeasureStore } from './KnexMeasureStore.js';

/**
 * Measures (惩戒措施, issue 15 item 2): imposeMeasure, reportRectification, closeMeasure, measures and
 * overdueMeasures (schema/measures.graphql). Deadlines in working days on the official calendar. Root fields only.
 */
export function createMeasureWorkflow(deps: WorkflowDeps): Workflow {
  const resolvers = createMeasureResolvers({
    store: KnexMeasureStore.create(deps.knex), calendar: KnexCalendarSource.create(deps.knex), today: deps.today ?? (() => todayInShanghai()),
  });
  const schema = makeExecutableSchema({ typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('measures.graphql')], resolvers });
  return { subschemas: [{ schema }], routes: [] };
}
