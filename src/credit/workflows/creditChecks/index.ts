import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';

/** The creditChecks workflow (issue 5). Not built yet: contributes nothing to the graph. */
export function createCreditCheckWorkflow(_deps: WorkflowDeps): Workflow {
  return { subschemas: [], routes: [] };
}
