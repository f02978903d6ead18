import type { Consumer } from '../ConsumerStore.js';
import type { FieldReader } from '../checkFieldAccess.js';
import { decidePersonalDataDisclosure, type PersonalDataDisclosure } from '../personalDataDisclosure.js';
import { permissionsOf, type Permissions } from '../roles.js';
import { ROLE } from '../../codes/index.js';

/** Who is calling and why: the public, or an authenticated consumer with a declared purpose. */
export interface Caller {
  /** null for the public (no key). */
  consumer: Consumer | null;
  /** Declared purpose of use (X-Purpose), validated against purposes.json; null when none. */
  purpose: string | null;
  /** Case reference (X-Case-Reference) the purpose rests on; required with a purpose. */
  caseReference: string | null;
}

/** What one operation read that the ledger must record. */
export interface AuditTrail {
  /** Conditional or restricted field coordinates read, and fields read with full disclosure. */
  fieldsRead: Set<string>;
  subjectUsccs: Set<string>;
  civilServantIds: Set<string>;
  /** Other ids read, by their type: `CreditCheck` → check ids, `Objection` → objection ids, … */
  ids: Map<string, Set<string>>;
  /** Coordinates refused with FORBIDDEN. */
  forbidden: Set<string>;
}

/**
 * Governance state of one request, at `context.governance`: the caller, what its roles allow, and the
 * audit trail the field wrappers fill and the audit plugin writes to the ledger.
 */
export interface RequestGovernance {
  caller: Caller;
  reader: FieldReader;
  permissions: Permissions;
  /** Whose personal data this request reads in full (decidePersonalDataDisclosure). */
  personalData: PersonalDataDisclosure;
  trail: AuditTrail;
}

/** What the hub looked up for the caller before deciding. */
export interface GovernanceLookups {
  /**
   * The bodies whose staff a personnel office may see in full: its subjects and every body under them
   * (organisations.parent_uscc). Default: its subjects alone.
   */
  staffEmployers?: readonly string[];
}

/** The governance state for a caller, with an empty trail. */
export function createRequestGovernance(caller: Caller, lookups: GovernanceLookups = {}): RequestGovernance {
  const roles = caller.consumer?.roles ?? [ROLE.PUBLIC];
  const permissions = permissionsOf(roles);
  return {
    caller,
    reader: { consumerId: caller.consumer?.id ?? null, roles, grants: caller.consumer?.grants ?? [] },
    permissions,
    personalData: decidePersonalDataDisclosure(permissions, caller.purpose, lookups.staffEmployers ?? caller.consumer?.subjects ?? []),
    trail: { fieldsRead: new Set(), subjectUsccs: new Set(), civilServantIds: new Set(), ids: new Map(), forbidden: new Set() },
  };
}

/** Puts subjects and civil servants a subschema reports having read on the request's audit trail. */
export function addToTrail(trail: AuditTrail, report: { subjectUsccs?: readonly string[]; civilServantIds?: readonly string[] }): void {
  for (const uscc of report.subjectUsccs ?? []) trail.subjectUsccs.add(uscc);
  for (const id of report.civilServantIds ?? []) trail.civilServantIds.add(id);
}

/** Reads the governance state from a GraphQL context; throws when the hub did not set it (a wiring bug). */
export function governanceOf(context: unknown): RequestGovernance {
  const governance = (context as { governance?: RequestGovernance } | null)?.governance;
  if (!governance) throw new Error('the request context has no governance state; the hub must build it per request');
  return governance;
}
