export { buildCreditSchema } from './buildCreditSchema.js';
export { createCreditSubschema } from './createCreditSubschema.js';
export { KnexCreditStore, type KnexCreditStoreOptions } from './KnexCreditStore.js';
export {
  creditVisibilityOf, CreditVisibilityError, DISCLOSURE_CLASSES, todayInShanghai, UNDISCLOSED_STATUSES,
  type CreditDisclosure, type CreditRequestContext, type CreditVisibility, type RecordVisibility, type ResolvedCreditVisibility,
} from './creditVisibility.js';
export type { CatalogItemRow, CreditRecordRow, CreditStore } from './CreditStore.js';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './pageSize.js';
export { createIdNumberVault, DEVELOPMENT_DATA_KEY, type IdNumberVault } from './idNumberVault.js';
export { addMonths, publicityWindow } from './publicityWindow.js';
export type { PenaltySector, PublicityInput, PublicityWindow, Severity } from './publicityWindow.js';
export { derivePenaltySectors } from './derivePenaltySectors.js';
export { penaltySeverity, type PenaltyFacts } from './penaltySeverity.js';
export { RECORD_KINDS } from './enums.js';
export { badUserInput } from './errors.js';
export { toDecimal, toIsoDate } from './rowMappers.js';
export { DateScalar, DecimalScalar } from './scalars.js';
export { actorOf, assertActorRole, hasActorRole } from './actorOf.js';
export { reportAccess } from './reportAccess.js';
export type { AccessReport, AccessReportingContext } from './reportAccess.js';
export type { CreditActor } from './actorOf.js';
