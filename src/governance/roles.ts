import { ROLE, ROLE_CODES } from '../codes/index.js';
import { isPurpose } from './purposes.js';
import { assertDistinctCodes, readRuleFile, RuleFileError } from './readRuleFile.js';

/** Share levels in increasing order: 公开/无条件共享, 有条件共享, 不予共享 (internal only). */
export const SHARE_LEVELS = ['OPEN', 'CONDITIONAL', 'RESTRICTED'] as const;
/** How widely a field may be shared. */
export type ShareLevel = (typeof SHARE_LEVELS)[number];

/** True when `value` is one of SHARE_LEVELS. */
export function isShareLevel(value: unknown): value is ShareLevel {
  return (SHARE_LEVELS as readonly unknown[]).includes(value);
}

/** Position of a level in SHARE_LEVELS (OPEN 0 < CONDITIONAL 1 < RESTRICTED 2), for comparisons. */
export function shareLevelRank(level: ShareLevel): number {
  return SHARE_LEVELS.indexOf(level);
}

/** What a role lets its consumer see, from rules/roles.json. */
export interface Role {
  code: string;
  nameEn: string;
  nameZh: string;
  /** The highest share level it may read at all (a conditional read still needs a purpose grant). */
  maxShareLevel: ShareLevel;
  /** ID numbers, phone numbers and natural persons' names in full instead of masked. */
  mayUnmaskPersonalData: boolean;
  /** Whose personal data it unmasks (with mayUnmaskPersonalData): everyone's, or its subjects' staff only. */
  unmasksPersonalDataOf?: PersonalDataHolders;
  /** May hold a grant whose scope is a share level (every field of that level); others name fields. */
  mayHoldWildcardGrants: boolean;
  /** Negative records past their publicity window, repaired or withdrawn. */
  seesOutsidePublicityWindow: boolean;
  /** Only subjects listed for the consumer (consumer_subjects), e.g. an enterprise looking at itself. */
  ownSubjectsOnly: boolean;
  /** May verify the audit ledger and read anyone's access log. */
  readsAuditLedger: boolean;
  /** Purposes a consumer with this role may be granted. */
  purposes: readonly string[];
}

/**
 * Whose personal data a role unmasks: EVERYONE's, or only that of the civil servants employed by the
 * consumer's subjects or a body under one of them (STAFF_OF_SUBJECTS, a personnel office's own staff).
 */
export const PERSONAL_DATA_HOLDERS = ['EVERYONE', 'STAFF_OF_SUBJECTS'] as const;
/** One of PERSONAL_DATA_HOLDERS. */
export type PersonalDataHolders = (typeof PERSONAL_DATA_HOLDERS)[number];

const FLAGS = ['mayUnmaskPersonalData', 'seesOutsidePublicityWindow', 'ownSubjectsOnly', 'readsAuditLedger', 'mayHoldWildcardGrants'] as const;

function loadRoles(): readonly Role[] {
  const file = 'roles.json';
  const roles = readRuleFile<Role>(file, 'roles');
  assertDistinctCodes(file, roles, (r) => r.code);
  for (const role of roles) {
    if (!isShareLevel(role.maxShareLevel)) {
      throw new RuleFileError(file, `role ${role.code}: maxShareLevel must be one of ${SHARE_LEVELS.join(', ')}`);
    }
    for (const flag of FLAGS) {
      if (typeof role[flag] !== 'boolean') throw new RuleFileError(file, `role ${role.code}: ${flag} must be true or false`);
    }
    const holders = role.unmasksPersonalDataOf;
    if (role.mayUnmaskPersonalData !== (holders !== undefined) || (holders !== undefined && !PERSONAL_DATA_HOLDERS.includes(holders))) {
      throw new RuleFileError(file, `role ${role.code}: unmasksPersonalDataOf must be one of ${PERSONAL_DATA_HOLDERS.join(', ')} exactly when mayUnmaskPersonalData is true`);
    }
    const unknown = Array.isArray(role.purposes) ? role.purposes.filter((p) => !isPurpose(p)) : ['(purposes is not a list)'];
    if (unknown.length > 0) {
      throw new RuleFileError(file, `role ${role.code}: purposes not in purposes.json: ${unknown.join(', ')}`);
    }
  }
  if (!roles.some((r) => r.code === ROLE.PUBLIC)) throw new RuleFileError(file, 'the role PUBLIC (callers without a key) is missing');
  const codes = new Set(roles.map((r) => r.code));
  const unnamed = [...codes].filter((code) => !(ROLE_CODES as readonly string[]).includes(code));
  const missing = ROLE_CODES.filter((code) => !codes.has(code));
  if (unnamed.length > 0 || missing.length > 0) {
    throw new RuleFileError(file, `role codes must be those of src/codes/roleCodes.ts: ${[...unnamed.map((c) => `${c} is not named there`), ...missing.map((c) => `${c} is missing here`)].join('; ')}`);
  }
  return Object.freeze(roles.map((r) => Object.freeze({ ...r, purposes: Object.freeze([...r.purposes]) })));
}

/** Every role, from rules/roles.json, validated at load (a bad file stops the hub at start). */
export const ROLES: readonly Role[] = loadRoles();

const ROLES_BY_CODE = new Map(ROLES.map((r) => [r.code, r]));

/** True when `code` names a role in ROLES. */
export function isRole(code: unknown): code is string {
  return typeof code === 'string' && ROLES_BY_CODE.has(code);
}

/** What a set of roles allows together: the highest level, any flag one role grants, the union of purposes. */
export interface Permissions {
  maxShareLevel: ShareLevel;
  mayUnmaskPersonalData: boolean;
  /** Whose personal data: EVERYONE when one unmasking role says so, else its subjects' staff; null when none may. */
  unmasksPersonalDataOf: PersonalDataHolders | null;
  /** True when one role may hold share-level (wildcard) grants. */
  mayHoldWildcardGrants: boolean;
  seesOutsidePublicityWindow: boolean;
  /** True only when every role is limited to own subjects. */
  ownSubjectsOnly: boolean;
  readsAuditLedger: boolean;
  purposes: ReadonlySet<string>;
}

/**
 * Combines the roles of one consumer; an empty list gives the PUBLIC role's permissions.
 * Throws on an unknown role code (stored roles are checked by the database against the same list).
 */
export function permissionsOf(roleCodes: readonly string[]): Permissions {
  const roles = (roleCodes.length > 0 ? roleCodes : [ROLE.PUBLIC]).map((code) => {
    const role = ROLES_BY_CODE.get(code);
    if (!role) throw new Error(`unknown role "${code}"; roles are listed in src/governance/rules/roles.json`);
    return role;
  });
  return {
    maxShareLevel: roles.reduce<ShareLevel>(
      (max, r) => (shareLevelRank(r.maxShareLevel) > shareLevelRank(max) ? r.maxShareLevel : max), 'OPEN'),
    mayUnmaskPersonalData: roles.some((r) => r.mayUnmaskPersonalData),
    unmasksPersonalDataOf: roles.some((r) => r.unmasksPersonalDataOf === 'EVERYONE') ? 'EVERYONE'
      : roles.some((r) => r.unmasksPersonalDataOf === 'STAFF_OF_SUBJECTS') ? 'STAFF_OF_SUBJECTS' : null,
    mayHoldWildcardGrants: roles.some((r) => r.mayHoldWildcardGrants),
    seesOutsidePublicityWindow: roles.some((r) => r.seesOutsidePublicityWindow),
    ownSubjectsOnly: roles.every((r) => r.ownSubjectsOnly),
    readsAuditLedger: roles.some((r) => r.readsAuditLedger),
    purposes: new Set(roles.flatMap((r) => r.purposes)),
  };
}
