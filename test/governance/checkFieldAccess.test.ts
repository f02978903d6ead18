import { describe, expect, it } from 'vitest';
import { checkFieldAccess, type ClassifiedField, type FieldReader } from '../../src/governance/index.js';

const PUBLIC: FieldReader = { consumerId: null, roles: [], grants: [] };
const BIDDING: FieldReader = {
  consumerId: 'bidding-system', roles: ['BIDDING_SYSTEM'],
  grants: [{ purpose: 'BIDDING', scope: 'CONDITIONAL' }, { purpose: 'GOVERNMENT_PROCUREMENT', scope: 'Enterprise.creditRecords' }],
};
const PERSONNEL: FieldReader = { consumerId: 'personnel', roles: ['PERSONNEL_OFFICE'], grants: [{ purpose: 'CADRE_SELECTION', scope: 'CivilServant.*' }] };
const ADMIN: FieldReader = { consumerId: 'admin', roles: ['CREDIT_OFFICE_ADMIN'], grants: [{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }] };

const open: ClassifiedField = { coordinate: 'Enterprise.name', shareLevel: 'OPEN' };
const records: ClassifiedField = { coordinate: 'Enterprise.creditRecords', shareLevel: 'CONDITIONAL' };
const sanctions: ClassifiedField = { coordinate: 'CivilServant.sanctions', shareLevel: 'CONDITIONAL' };
const idNumber: ClassifiedField = { coordinate: 'CivilServant.idNumber', shareLevel: 'RESTRICTED' };

describe('checkFieldAccess', () => {
  it.each([
    ['the public, an open field', PUBLIC, null, open, null],
    ['the public, a conditional field', PUBLIC, null, records, 'Enterprise.creditRecords is conditional (有条件共享); the public has no role that may read it'],
    ['bidding, no purpose', BIDDING, null, records, 'Enterprise.creditRecords is conditional (有条件共享); declare a purpose of use (X-Purpose) and a case reference'],
    ['bidding, granted by share level', BIDDING, 'BIDDING', records, null],
    ['bidding, granted by coordinate', BIDDING, 'GOVERNMENT_PROCUREMENT', records, null],
    ['bidding, coordinate grant does not reach another field', BIDDING, 'GOVERNMENT_PROCUREMENT', sanctions,
      'CivilServant.sanctions is conditional (有条件共享); consumer bidding-system holds no grant for purpose GOVERNMENT_PROCUREMENT covering it'],
    ['bidding, restricted field', BIDDING, 'BIDDING', idNumber, 'CivilServant.idNumber is restricted (不予共享); consumer bidding-system has no role that may read it'],
    ['personnel, wildcard field', PERSONNEL, 'CADRE_SELECTION', sanctions, null],
    ['personnel, wildcard does not cover a restricted field', PERSONNEL, 'CADRE_SELECTION', idNumber,
      'CivilServant.idNumber is restricted (不予共享); consumer personnel has no role that may read it'],
    ['admin, RESTRICTED covers conditional too', ADMIN, 'SUPERVISION', records, null],
    ['admin, restricted field', ADMIN, 'SUPERVISION', idNumber, null],
    ['admin, another purpose', ADMIN, 'STATISTICS', idNumber, 'CivilServant.idNumber is restricted (不予共享); consumer admin holds no grant for purpose STATISTICS covering it'],
  ])('%s', (_case, reader, purpose, field, expected) => {
    expect(checkFieldAccess(reader, purpose, field)).toBe(expected);
  });
});
