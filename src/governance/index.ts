export { generateApiKey, hashDocument, hashSecret, parseApiKey, secretMatches } from './apiKeys.js';
export type { ApiKeyParts } from './apiKeys.js';
export { assertValidGrant, grantsForPurpose, InvalidGrantError } from './assertValidGrant.js';
export type {
  AccessLogEntry, AccessLogPage, AuditEntry, AuditEntryInput, AuditLedger, AuditOutcome,
} from './AuditLedger.js';
export { MINIMUM_AUDIT_RETENTION_YEARS, readAuditRetentionYears } from './auditRetention.js';
export { checkFieldAccess, isGrantScope, scopeCovers } from './checkFieldAccess.js';
export type { ClassifiedField, FieldReader, Grant } from './checkFieldAccess.js';
export { classifySchema, PERSONAL_DATA_KINDS, unclassifiedFields } from './classifySchema.js';
export type { FieldClassification } from './classifySchema.js';
export { consumeRateLimit, pruneRateLimitWindows } from './consumeRateLimit.js';
export type { RateLimitDecision } from './consumeRateLimit.js';
export { burstOf, createRateLimiter } from './createRateLimiter.js';
export type { RateLimiter, RateLimiterOptions } from './createRateLimiter.js';
export {
  checkFailedAuthentications, countFailedAuthentication, createFailedAuthenticationGate, FAILED_AUTHENTICATION_RECHECK_MS,
  type FailedAuthenticationGate,
} from './failedAuthentications.js';
export { AUTHENTICATION_CACHE_MS } from './AuthenticationCache.js';
export { createGovernanceSubschema } from './createGovernanceSubschema.js';
export type { GovernanceSubschemaOptions } from './createGovernanceSubschema.js';
export { CONSUMER_KINDS, ConsumerNotFoundError } from './ConsumerStore.js';
export type {
  ApiKeySummary, Consumer, ConsumerKind, ConsumerStore, ConsumerSummary, NewConsumer, NewGrant,
} from './ConsumerStore.js';
export { KnexAuditLedger, LEDGER_LOCK_KEY } from './KnexAuditLedger.js';
export { KnexConsumerStore } from './KnexConsumerStore.js';
export { canonicalJson, computeEntryHash, GENESIS_HASH } from './ledgerHash.js';
export type { LedgerEntryContent } from './ledgerHash.js';
export { assertPurpose, fieldScopesOf, isPurpose, PURPOSES, UnknownPurposeError } from './purposes.js';
export type { Purpose } from './purposes.js';
export { RuleFileError } from './readRuleFile.js';
export { isRole, isShareLevel, permissionsOf, ROLES, SHARE_LEVELS, shareLevelRank } from './roles.js';
export type { PersonalDataHolders, Permissions, Role, ShareLevel } from './roles.js';
export { decideRecordDisclosure, DISCLOSURE_CLASSES } from './recordDisclosure.js';
export type { DisclosureClass, RecordDisclosure } from './recordDisclosure.js';
export { verifyLedger } from './verifyLedger.js';
export type { LedgerVerification } from './verifyLedger.js';
export { addToTrail, createRequestGovernance, governanceOf } from './runtime/RequestGovernance.js';
export type { AuditTrail, Caller, GovernanceLookups, RequestGovernance } from './runtime/RequestGovernance.js';
export { decidePersonalDataDisclosure, unmasksPersonOf } from './personalDataDisclosure.js';
export type { PersonalDataDisclosure } from './personalDataDisclosure.js';
export { identifyCaller } from './runtime/identifyCaller.js';
export type { CallerRejection } from './runtime/identifyCaller.js';
export { fieldGuards, governSchema, noteRead, seesAllRecords } from './runtime/governSchema.js';
export type { FieldGuard, GovernedField, GovernSchemaOptions } from './runtime/governSchema.js';
export { maskPersonalData } from './runtime/maskPersonalData.js';
export type { PersonalDataKind } from './runtime/maskPersonalData.js';
export { createAuditPlugin } from './runtime/createAuditPlugin.js';
export { auditEntryFor, clearTrail } from './runtime/auditEntryFor.js';
export type { AuditedOperation } from './runtime/auditEntryFor.js';
export { createTrustedDocumentsPlugin } from './runtime/createTrustedDocumentsPlugin.js';
export type { IsTrustedDocument } from './runtime/createTrustedDocumentsPlugin.js';
export { createAuditSubschema } from './createAuditSubschema.js';
export type { AuditSubschemaDeps } from './createAuditSubschema.js';
export * from './limits/index.js';
export * from './input/index.js';
export { DEMO_CONSUMERS } from './demoConsumers.js';
export type { DemoConsumer } from './demoConsumers.js';
export * from './checkpoints/index.js';
