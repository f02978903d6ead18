/**
 * The role codes of src/governance/rules/roles.json, by name: the one place code spells a role. The rules
 * (share level, flags, purposes) stay in the JSON; src/governance/roles.ts refuses to load a roles.json
 * whose codes differ from this list, so the two cannot drift apart.
 */
export const ROLE_CODES = [
  'PUBLIC', 'BIDDING_SYSTEM', 'INVESTMENT_PROMOTION', 'DASHBOARD', 'CREDIT_OFFICE_ADMIN', 'AUDITOR',
  'THIRD_PARTY_EVALUATOR', 'PERSONNEL_OFFICE', 'ENTERPRISE_SELF', 'SOURCE_UNIT',
] as const;

/** A role code (roles.json `code`). */
export type RoleCode = (typeof ROLE_CODES)[number];

/** Role codes by name, e.g. `ROLE.CREDIT_OFFICE_ADMIN`; a misspelt name is a type error. */
export const ROLE: { readonly [Code in RoleCode]: Code } = Object.freeze(
  Object.fromEntries(ROLE_CODES.map((code) => [code, code])) as { [Code in RoleCode]: Code },
);
