export { createEvaluationWorkflow } from './createEvaluationWorkflow.js';
export { computeIntegrityEvaluation, type ComputeEvaluationInput } from './computeIntegrityEvaluation.js';
export { KnexEvaluationStore } from './KnexEvaluationStore.js';
export { runEvaluateCli, type EvaluateCliIo } from './cli/runEvaluateCli.js';
export type { PlatformIndicatorSource, PlatformFigures, ServiceFigures, ApprovalFigures } from './PlatformIndicatorSource.js';
