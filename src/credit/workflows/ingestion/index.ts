import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';

/** The ingestion workflow (issue 5). Not built yet: contributes nothing to the graph. */
export function createIngestionWorkflow(_deps: WorkflowDeps): Workflow {
  return { subschemas: [], routes: [] };
}
