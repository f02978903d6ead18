export { createWorkflows } from './createWorkflows.js';
export type { Workflow, WorkflowDeps, WorkflowRoute } from './WorkflowDeps.js';
