import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createEvaluationResolvers } from './createEvaluationResolvers.js';
import { KnexEvaluationStore } from './KnexEvaluationStore.js';

const readSdl = (file: string): string => readFileSync(new URL(`../../../schema/${file}`, import.meta.url), 'utf8');

/**
 * Integrity evaluation (政务诚信评价, policy 三.8; issue 12 item 4): `integrityEvaluation(period, level)` reads
 * a published snapshot; `computeIntegrityEvaluation` (the credit office) computes and stores one from the
 * credit records, the government integrity and ingestion tables and the platforms' indicators
 * (`deps.platformIndicators`, injected by the hub). No merged types: units name bodies by USCC.
 */
export function createEvaluationWorkflow(deps: WorkflowDeps): Workflow {
  const schema = makeExecutableSchema({
    typeDefs: [readSdl('governance.graphql'), readSdl('evaluation.graphql')],
    resolvers: createEvaluationResolvers(KnexEvaluationStore.create(deps.knex), deps.platformIndicators ?? null, deps.today),
  });
  return { subschemas: [{ schema }], routes: [] };
}
