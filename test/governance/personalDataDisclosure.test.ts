import { describe, expect, it } from 'vitest';
import { decidePersonalDataDisclosure, permissionsOf, unmasksPersonOf } from '../../src/governance/index.js';

const OWN = '11440305006358679H';
const OTHER = '114403050070497391';

describe('decidePersonalDataDisclosure', () => {
  it.each([
    [['PUBLIC'], 'BIDDING', [false, false, false]],
    [['BIDDING_SYSTEM'], 'BIDDING', [false, false, false]],
    [['CREDIT_OFFICE_ADMIN'], 'SUPERVISION', [true, true, true]],
    [['AUDITOR'], 'AUDIT', [true, true, true]],
    [['PERSONNEL_OFFICE'], 'CADRE_SELECTION', [true, false, false]],
    [['PERSONNEL_OFFICE'], null, [false, false, false]],
    [['PERSONNEL_OFFICE', 'AUDITOR'], 'AUDIT', [true, true, true]],
  ] as const)('%j for %s unmasks [own staff, another body’s staff, a non-civil-servant]: %j', (roles, purpose, expected) => {
    const decision = decidePersonalDataDisclosure(permissionsOf(roles), purpose, [OWN]);
    expect([unmasksPersonOf(decision, OWN), unmasksPersonOf(decision, OTHER), unmasksPersonOf(decision, null)]).toEqual(expected);
  });
});
