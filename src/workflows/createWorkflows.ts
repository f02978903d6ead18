import { createCreditCheckWorkflow } from './creditChecks/index.js';
import { createEligibilityWorkflow } from './eligibility/index.js';
import { createEvaluationWorkflow } from './evaluation/index.js';
import { createGovernmentIntegrityWorkflow } from './governmentIntegrity/index.js';
import { createIngestionWorkflow } from './ingestion/index.js';
import { createMeasureWorkflow } from './measures/index.js';
import { createObjectionWorkflow } from './objections/index.js';
import { createThirdPartyEvaluationWorkflow } from './thirdPartyEvaluation/index.js';
import { createWatchlistWorkflow } from './watchlists/index.js';
import type { Workflow, WorkflowDeps } from './WorkflowDeps.js';

/**
 * The credit workflows (issue 5) — objections and credit repair, credit checks with feedback, ingestion
 * from source units, government integrity (commitments, enforcement cases, complaints), the integrity evaluation, the consequences (measures, eligibility checks, third-party evaluations) and watchlists — each a subschema stitched into the hub beside the credit store, merged by USCC
 * where it extends a subject, plus any HTTP routes it serves.
 */
export function createWorkflows(deps: WorkflowDeps): Workflow {
  const parts = [
    createObjectionWorkflow(deps), createCreditCheckWorkflow(deps), createIngestionWorkflow(deps), createGovernmentIntegrityWorkflow(deps), createEvaluationWorkflow(deps),
    createWatchlistWorkflow(deps),
    createMeasureWorkflow(deps), createEligibilityWorkflow(deps), createThirdPartyEvaluationWorkflow(deps),
  ];
  return {
    subschemas: parts.flatMap((p) => p.subschemas), routes: parts.flatMap((p) => p.routes),
    subjectLinks: parts.flatMap((p) => p.subjectLinks ?? []), services: parts.flatMap((p) => p.services ?? []),
  };
}
