import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import type { GraphQLSchema } from 'graphql';
import { KnexCalendarSource } from '../../calendar/index.js';
import { todayInShanghai } from '../../credit/index.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createObjectionResolvers } from './createObjectionResolvers.js';
import { KnexObjectionStore } from './KnexObjectionStore.js';
import { KnexRepairStore } from './repair/KnexRepairStore.js';
import { withCalendarErrors } from './withCalendarErrors.js';


/** The executable schema of schema/objections.graphql (with the governance directives) over the deps' database. */
export function buildObjectionsSchema(deps: WorkflowDeps): GraphQLSchema {
  // One calendar source per schema: it reloads when a year is added to the database (calendar:add).
  const calendars = KnexCalendarSource.create(deps.knex);
  const resolvers = createObjectionResolvers({
    objections: KnexObjectionStore.create(deps.knex, calendars),
    repairs: KnexRepairStore.create(deps.knex, calendars),
    calendars,
    today: deps.today ?? (() => todayInShanghai()),
  });
  return withCalendarErrors(makeExecutableSchema({ typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('objections.graphql')], resolvers }));
}

/**
 * The objections (异议) and credit repair (信用修复) workflow (issue 5 items 2-3): root queries and mutations
 * of its own, stitched beside the credit store (records are named by CreditRecord.id; the record's status is
 * what the workflow changes, and disclosure follows it). Deadlines count working days of src/calendar
 * (official years bundled or added with calendar:add, provisional years otherwise, each deadline marked) from
 * `deps.today` (default: today in Asia/Shanghai); `workingCalendar(year:)` shows the calendar, open to all.
 */
export function createObjectionWorkflow(deps: WorkflowDeps): Workflow {
  return { subschemas: [{ schema: buildObjectionsSchema(deps) }], routes: [] };
}
