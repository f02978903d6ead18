import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';

/** The objections workflow (issue 5). Not built yet: contributes nothing to the graph. */
export function createObjectionsWorkflow(_deps: WorkflowDeps): Workflow {
  return { subschemas: [], routes: [] };
}
