export { normaliseCode, describeCharacter } from './normalise.js';
export { InvalidCodeError, toInvalidCode } from './InvalidCodeError.js';
export type { CodeKind, InvalidCode } from './InvalidCodeError.js';
export { SUBJECT_KIND_BY_PREFIX, subjectKindOf } from './subjectKind.js';
export type { SubjectKind } from './subjectKind.js';
export {
  USCC_CHARSET,
  USCC_WEIGHTS,
  computeUsccCheck,
  validateUscc,
  parseUscc,
  makeUscc,
  areaCodeOf,
} from './uscc.js';
export type { UsccValidation } from './uscc.js';
export {
  computeOrgCodeCheck,
  validateOrganisationCode,
  parseOrganisationCode,
} from './organisationCode.js';
export type { OrganisationCodeValidation } from './organisationCode.js';
export {
  computeCitizenIdCheck,
  validateCitizenId,
  parseCitizenId,
  maskCitizenId,
  maskCitizenIdsInText,
  sexOf,
  makeCitizenId,
} from './citizenId.js';
export type { CitizenIdValidation, CitizenIdOptions, Sex } from './citizenId.js';
export { maskNamesInText, maskPersonName } from './personName.js';
export { computeMod1110Check } from './mod1110.js';
export { validateProjectCode, parseProjectCode, makeNewProjectCode } from './projectCode.js';
export type { ProjectCodeFormat, ProjectCodeValidation } from './projectCode.js';
export { SHENZHEN_DISTRICTS, isShenzhenAreaCode, districtByCode } from './areaCodes.js';
export type { AreaLevel, AreaType, District } from './areaCodes.js';
export { UsccScalar, ProjectCodeScalar } from './scalars.js';
export { createRandom, createWeightedPicker } from './random.js';
export type { Random, WeightedPicker } from './random.js';
export { toDayNumber, toIsoDate, isWeekend } from './dayNumber.js';
export {
  PUBLIC_ERROR_CODES, INTERNAL_SERVER_ERROR, isErrorCode, hasErrorCode, codedError, badUserInput, forbidden, notFound, conflict, databaseUnavailable,
} from './errorCodes.js';
export type { ErrorCode, ErrorExtensions, ErrorOptions, SourceErrorCode } from './errorCodes.js';
export { ROLE, ROLE_CODES } from './roleCodes.js';
export type { RoleCode } from './roleCodes.js';
export { INDUSTRY_DIVISIONS, industryDivision, divisionsOfIndustry } from './industries.js';
export type { IndustryDivision } from './industries.js';
