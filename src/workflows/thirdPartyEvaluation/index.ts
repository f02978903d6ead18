export { createThirdPartyEvaluationWorkflow } from './createThirdPartyEvaluationWorkflow.js';
