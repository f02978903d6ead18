import { isGrantScope } from './checkFieldAccess.js';
import type { NewGrant } from './ConsumerStore.js';
import { isPurpose } from './purposes.js';
import { isShareLevel, permissionsOf, shareLevelRank } from './roles.js';

/** A consumer or grant the rules do not allow; the message says which rule and how to fix it. */
export class InvalidGrantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidGrantError';
  }
}

/**
 * Throws InvalidGrantError unless `grant` is a known purpose that one of `roles` may be granted, with a
 * valid scope no wider than the roles' maxShareLevel. (Throws a plain Error for an unknown role.)
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
}
