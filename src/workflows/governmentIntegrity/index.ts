export { createGovernmentIntegrityWorkflow } from './createGovernmentIntegrityWorkflow.js';
