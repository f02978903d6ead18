import type { Permissions } from './roles.js';

/**
 * Whose personal data (citizen ID numbers, names, phone numbers; persons named in record text) one request
 * reads in full: nobody's, everyone's, or only that of the civil servants employed by `employers`.
 */
export type PersonalDataDisclosure =
  | { unmasked: 'NOBODY' }
  | { unmasked: 'EVERYONE' }
  | { unmasked: 'STAFF'; employers: ReadonlySet<string> };

/**
 * Decides whose personal data a caller reads in full — the one place this is decided (rules/roles.json
 * mayUnmaskPersonalData and unmasksPersonalDataOf). Nobody's without a declared purpose. A role limited to
 * STAFF_OF_SUBJECTS (a personnel office) gets the civil servants of `staffEmployers`: the bodies listed as
 * its subjects and every body under them, which the hub looks up (organisations.parent_uscc).
 */
export function decidePersonalDataDisclosure(
  permissions: Pick<Permissions, 'mayUnmaskPersonalData' | 'unmasksPersonalDataOf'>,
  purpose: string | null,
  staffEmployers: readonly string[],
): PersonalDataDisclosure {
  if (!permissions.mayUnmaskPersonalData || purpose === null || permissions.unmasksPersonalDataOf === null) return { unmasked: 'NOBODY' };
  if (permissions.unmasksPersonalDataOf === 'EVERYONE') return { unmasked: 'EVERYONE' };
  return { unmasked: 'STAFF', employers: new Set(staffEmployers) };
}

/**
 * True when the decision shows in full the personal data of a person employed by `employerUscc` (null:
 * not a civil servant, or the employer is unknown — then only an EVERYONE decision shows it).
 */
export function unmasksPersonOf(disclosure: PersonalDataDisclosure, employerUscc: string | null): boolean {
  if (disclosure.unmasked === 'EVERYONE') return true;
  return disclosure.unmasked === 'STAFF' && employerUscc !== null && disclosure.employers.has(employerUscc);
}
