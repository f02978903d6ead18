export { createWorkflows } from './createWorkflows.js';
export type { Workflow, WorkflowDeps, WorkflowRoute, WorkflowService, WorkflowSubjectLink } from './WorkflowDeps.js';
export { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './watchlists/index.js';
export type { ClaimedDelivery, RenderWebhookEvent, WatchlistOptions } from './watchlists/index.js';
export { deriveCheckSigningKey } from './creditChecks/index.js';
export type { TenderSource, SourceTender } from './creditChecks/index.js';
export { computeIntegrityEvaluation, KnexEvaluationStore, runEvaluateCli } from './evaluation/index.js';
export type { PlatformIndicatorSource, PlatformFigures } from './evaluation/index.js';
