export { buildObjectionsSchema, createObjectionWorkflow } from './createObjectionWorkflow.js';
export { applyOutcome, type ObjectionOutcome, type RecordChange } from './applyOutcome.js';
export { repairEligibility, type RepairEligibility } from './repair/repairEligibility.js';
export type { Objection, RepairApplication } from './types.js';
