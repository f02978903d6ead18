export { createEligibilityWorkflow } from './createEligibilityWorkflow.js';
