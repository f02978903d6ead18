import { isGrantScope, scopeCovers } from './checkFieldAccess.js';
import type { NewGrant } from './ConsumerStore.js';
import { fieldScopesOf, isPurpose } from './purposes.js';
import { isShareLevel, permissionsOf, shareLevelRank } from './roles.js';

/** A consumer or grant the rules do not allow; the message says which rule and how to fix it. */
export class InvalidGrantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidGrantError';
  }
}

// A pattern scope is explicit for a purpose when one of the purpose's field scopes covers every field it
// could name: the same type (never `*`), and the same field or a `*` there.
function isAllowedFieldScope(scope: string, allowed: readonly string[]): boolean {
  const [type, field] = scope.split('.');
  if (type === '*') return false;
  return allowed.some((a) => a === scope || (field !== '*' && scopeCovers(a, { coordinate: scope, shareLevel: 'CONDITIONAL' })));
}

/**
 * Throws InvalidGrantError unless `grant` is a known purpose that one of `roles` may be granted, with a
 * valid scope no wider than the roles' maxShareLevel. A share-level scope (CONDITIONAL, RESTRICTED: every
 * field of that level) is kept for roles with mayHoldWildcardGrants (the credit office); any other
 * consumer names one of the field scopes the purpose allows (purposes.json fieldScopes) or a field one of
 * them covers. (Throws a plain Error for an unknown role.)
 */
export function assertValidGrant(roles: readonly string[], grant: NewGrant): void {
  const permissions = permissionsOf(roles);
  if (!isPurpose(grant.purpose)) throw new InvalidGrantError(`unknown purpose "${grant.purpose}" (see src/governance/rules/purposes.json)`);
  if (!permissions.purposes.has(grant.purpose)) {
    throw new InvalidGrantError(
      `roles ${roles.join(', ')} may not be granted purpose ${grant.purpose}; they allow ${[...permissions.purposes].join(', ') || 'none'}`,
    );
  }
  if (!isGrantScope(grant.scope)) {
    throw new InvalidGrantError(`scope "${grant.scope}" is neither CONDITIONAL, RESTRICTED nor a Type.field pattern (\`*\` allowed)`);
  }
  if (isShareLevel(grant.scope) && shareLevelRank(grant.scope) > shareLevelRank(permissions.maxShareLevel)) {
    throw new InvalidGrantError(`roles ${roles.join(', ')} read at most ${permissions.maxShareLevel} fields; scope ${grant.scope} is wider`);
  }
  if (permissions.mayHoldWildcardGrants) return;
  const allowed = fieldScopesOf(grant.purpose);
  if (isShareLevel(grant.scope)) {
    throw new InvalidGrantError(
      `scope ${grant.scope} opens every ${grant.scope.toLowerCase()} field for ${grant.purpose}; only the credit office (CREDIT_OFFICE_ADMIN) may hold such a wildcard. `
      + `Grant ${grant.purpose} the fields it needs instead, one grant per scope, from: ${allowed.join(', ')} (src/governance/rules/purposes.json fieldScopes)`,
    );
  }
  if (!isAllowedFieldScope(grant.scope, allowed)) {
    throw new InvalidGrantError(
      `scope ${grant.scope} is not among the fields purpose ${grant.purpose} allows: ${allowed.join(', ')} (src/governance/rules/purposes.json fieldScopes); grant one of those, or a field one of them covers`,
    );
  }
}

/**
 * The grants a consumer with `roles` gets for `purpose` when no scope is named: the roles' share level
 * for a role that may hold wildcards (the credit office), otherwise one grant per field scope the purpose
 * allows. What `consumers create --purpose` and the demo consumers use.
 */
export function grantsForPurpose(roles: readonly string[], purpose: string): NewGrant[] {
  if (!isPurpose(purpose)) throw new InvalidGrantError(`unknown purpose "${purpose}" (see src/governance/rules/purposes.json)`);
  const permissions = permissionsOf(roles);
  if (permissions.mayHoldWildcardGrants) return [{ purpose, scope: permissions.maxShareLevel }];
  return fieldScopesOf(purpose).map((scope) => ({ purpose, scope }));
}
