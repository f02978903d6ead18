export { countTokens } from './countTokens.js';
export { createOperationLimitRules } from './createOperationLimitRules.js';
export { budgetExcessOf, createExecutionBudgetPlugin, overBudgetErrors } from './createExecutionBudgetPlugin.js';
export { createOperationLimitsPlugin } from './createOperationLimitsPlugin.js';
export { measureIntrospection } from './measureIntrospection.js';
export { LIST_SIZES, ListSizesFileError, readListSizes } from './readListSizes.js';
export type { ListSizes } from './readListSizes.js';
export {
  ASSUMED_LIST_SIZE, computeOperationCost, DEFAULT_PAGE_SIZE, KEY_LIST_ARGUMENTS, measureOperation,
} from './measureOperation.js';
export type { OperationMeasures } from './measureOperation.js';
export {
  createOperationLimitError, describeLimitExcess, findLimitExcesses, OPERATION_LIMIT_EXCEEDED,
} from './operationLimitError.js';
export type { LimitExcess } from './operationLimitError.js';
export { DEFAULT_OPERATION_LIMITS } from './OperationLimits.js';
export type { OperationLimitName, OperationLimits } from './OperationLimits.js';
export { OperationLimitConfigError, readOperationLimits } from './readOperationLimits.js';
export { stripFieldSuggestions } from './stripFieldSuggestions.js';
