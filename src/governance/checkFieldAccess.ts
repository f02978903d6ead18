import { isShareLevel, permissionsOf, shareLevelRank, type ShareLevel } from './roles.js';

/** A consumer's grant: purpose of use and data scope (a share level or a `Type.field` pattern with `*`). */
export interface Grant {
  purpose: string;
  scope: string;
}

/** A field as the hub classifies it: its coordinate (`Enterprise.creditRecords`) and share level. */
export interface ClassifiedField {
  coordinate: string;
  shareLevel: ShareLevel;
}

/** What the access decision needs to know of the caller; the public is `{ roles: [], grants: [] }`. */
export interface FieldReader {
  consumerId?: string | null;
  roles: readonly string[];
  grants: readonly Grant[];
}

const SCOPE_PATTERN = /^([A-Z][A-Za-z0-9_]*|\*)\.([A-Za-z_][A-Za-z0-9_]*|\*)$/;

/** True when `scope` is a valid grant scope (the same rule the database checks on consumer_grants). */
export function isGrantScope(scope: string): boolean {
  return scope === 'CONDITIONAL' || scope === 'RESTRICTED' || SCOPE_PATTERN.test(scope);
}

/** True when the grant's scope covers the field: its level (RESTRICTED covers CONDITIONAL too) or pattern. */
export function scopeCovers(scope: string, field: ClassifiedField): boolean {
  if (isShareLevel(scope)) return shareLevelRank(field.shareLevel) <= shareLevelRank(scope);
  const match = SCOPE_PATTERN.exec(scope);
  const [type, name] = field.coordinate.split('.');
  return match !== null && (match[1] === '*' || match[1] === type) && (match[2] === '*' || match[2] === name);
}

/**
 * Decides whether `reader` may read `field` for `purpose`. Returns null when allowed, otherwise the reason
 * to put in the FORBIDDEN error (it names the field and what is missing). Open fields are always allowed;
 * a field above the roles' maxShareLevel never is; anything else needs a purpose and a grant covering it.
 */
export function checkFieldAccess(reader: FieldReader, purpose: string | null, field: ClassifiedField): string | null {
  if (field.shareLevel === 'OPEN') return null;
  const who = reader.consumerId ? `consumer ${reader.consumerId}` : 'the public';
  const level = field.shareLevel === 'CONDITIONAL' ? 'conditional (有条件共享)' : 'restricted (不予共享)';
  if (shareLevelRank(field.shareLevel) > shareLevelRank(permissionsOf(reader.roles).maxShareLevel)) {
    return `${field.coordinate} is ${level}; ${who} has no role that may read it`;
  }
  if (!purpose) return `${field.coordinate} is ${level}; declare a purpose of use (X-Purpose) and a case reference`;
  if (reader.grants.some((g) => g.purpose === purpose && scopeCovers(g.scope, field))) return null;
  return `${field.coordinate} is ${level}; ${who} holds no grant for purpose ${purpose} covering it`;
}
