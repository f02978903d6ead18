export { createInputValidationPlugin } from './createInputValidationPlugin.js';
export { findBadInput, findStringProblem } from './findBadInput.js';
export type { BadInput, FindBadInputOptions } from './findBadInput.js';
