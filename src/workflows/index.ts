export { createWorkflows } from './createWorkflows.js';
export type { Workflow, WorkflowDeps, WorkflowRoute } from './WorkflowDeps.js';
export { computeIntegrityEvaluation, KnexEvaluationStore, runEvaluateCli } from './evaluation/index.js';
export type { PlatformIndicatorSource, PlatformFigures } from './evaluation/index.js';
