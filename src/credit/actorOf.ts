import { forbidden, ROLE, type RoleCode } from '../codes/index.js';

/**
 * Who performs a request, as the credit subschema's workflows need it (who files an objection, who decides
 * it, which source unit reports a record). The hub sets it at `context.actor` from the authenticated
 * consumer; the credit subschema does not authenticate, it only reads this.
 */
export interface CreditActor {
  /** null for the public. */
  consumerId: string | null;
  consumerName: string | null;
  /** What kind of caller the consumer is: SYSTEM, DEPARTMENT, ENTERPRISE or THIRD_PARTY; null for the public. */
  consumerKind: string | null;
  /** Role codes (src/governance/rules/roles.json), e.g. CREDIT_OFFICE_ADMIN, SOURCE_UNIT, ENTERPRISE_SELF. */
  roles: readonly string[];
  /** USCCs the consumer acts as (an enterprise as itself, a source unit as its own department). */
  subjects: readonly string[];
  purpose: string | null;
  caseReference: string | null;
}

const PUBLIC_ACTOR: CreditActor = Object.freeze({ consumerId: null, consumerName: null, consumerKind: null, roles: [ROLE.PUBLIC], subjects: [], purpose: null, caseReference: null });

/** The actor of a request from its context (`context.actor`); the public when absent. */
export function actorOf(context: unknown): CreditActor {
  return (context as { actor?: CreditActor } | null)?.actor ?? PUBLIC_ACTOR;
}

/** True when the actor holds one of `roles`. */
export function hasActorRole(actor: CreditActor, roles: readonly RoleCode[]): boolean {
  return actor.roles.some((role) => (roles as readonly string[]).includes(role));
}

/**
 * Throws FORBIDDEN unless the actor holds one of `roles`; the message names the action, the roles it needs
 * and the caller's. Use it at the start of every workflow mutation.
 */
export function assertActorRole(actor: CreditActor, roles: readonly RoleCode[], action: string): void {
  if (hasActorRole(actor, roles)) return;
  // Callers join role lists (runs checks + reads any check); each role is named once.
  const required = [...new Set(roles)];
  const who = actor.consumerId ? `consumer ${actor.consumerId} (${actor.roles.join(', ')})` : 'the public';
  throw forbidden(`${action} needs one of the roles ${required.join(', ')}; ${who} has none of them`, { requiredRoles: required });
}
