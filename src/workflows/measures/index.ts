export { createMeasureWorkflow } from './createMeasureWorkflow.js';
