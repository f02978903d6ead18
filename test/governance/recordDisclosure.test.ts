import { describe, expect, it } from 'vitest';
import { maskCitizenIdsInText, maskNamesInText } from '../../src/codes/index.js';
import { createRequestGovernance, decideRecordDisclosure, type Consumer } from '../../src/governance/index.js';

const TODAY = '2026-11-30';

function consumer(roles: string[], grants: { purpose: string; scope: string }[], subjects: string[] = []): Consumer {
  return { id: 'c', name: 'c', kind: 'SYSTEM', roles, grants, subjects } as unknown as Consumer;
}
const decide = (who: Consumer | null, purpose: string | null) =>
  decideRecordDisclosure(createRequestGovernance({ consumer: who, purpose, caseReference: purpose ? 'A-1' : null }), TODAY);

const bidding = consumer(['BIDDING_SYSTEM'], [{ purpose: 'BIDDING', scope: 'CONDITIONAL' }]);
const personnel = consumer(['PERSONNEL_OFFICE'], [{ purpose: 'CADRE_SELECTION', scope: 'CONDITIONAL' }, { purpose: 'AWARD_EVALUATION', scope: 'CONDITIONAL' }]);
const admin = consumer(['CREDIT_OFFICE_ADMIN'], [{ purpose: 'SUPERVISION', scope: 'RESTRICTED' }]);
const auditor = consumer(['AUDITOR'], [{ purpose: 'AUDIT', scope: 'RESTRICTED' }]);
const self = consumer(['ENTERPRISE_SELF'], [{ purpose: 'SELF_INQUIRY', scope: 'CONDITIONAL' }], ['91440300MA5E9NHA04']);
const fieldOnly = consumer(['BIDDING_SYSTEM'], [{ purpose: 'BIDDING', scope: 'Enterprise.serviceCases' }]);

// The decision table of rules/record-disclosure.json, caller by caller.
describe('who sees records of which catalogue disclosure class', () => {
  it.each([
    ['the public', null, null, ['PUBLIC'], []],
    ['the public declaring a purpose', null, 'BIDDING', ['PUBLIC'], []],
    ['the bidding system without a purpose', bidding, null, ['PUBLIC'], []],
    ['the bidding system for bidding', bidding, 'BIDDING', ['PUBLIC', 'CONDITIONAL'], []],
    ['the bidding system for a purpose it holds no grant for', bidding, 'GOVERNMENT_PROCUREMENT', ['PUBLIC'], []],
    ['a grant for one field only', fieldOnly, 'BIDDING', ['PUBLIC'], []],
    ['a personnel office for cadre selection', personnel, 'CADRE_SELECTION', ['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'], []],
    ['a personnel office for awards', personnel, 'AWARD_EVALUATION', ['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'], []],
    ['a personnel office without a purpose', personnel, null, ['PUBLIC'], []],
    ['the credit office', admin, null, ['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'], []],
    ['an auditor', auditor, 'AUDIT', ['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'], []],
    ['an enterprise about itself', self, 'SELF_INQUIRY', ['PUBLIC'], ['CONDITIONAL']],
  ] as const)('%s', (_label, who, purpose, classes, own) => {
    const decision = decide(who, purpose);
    expect(decision.classes).toEqual(classes);
    expect(decision.ownSubjectClasses).toEqual(own);
    expect(decision.ownSubjects).toEqual(own.length ? ['91440300MA5E9NHA04'] : []);
  });
});

describe('masking persons in record text', () => {
  it('masks the named persons by the @personal NAME rule, longest first, and nothing else', () => {
    expect(maskNamesInText('关于给予张玉政务记过处分的决定', ['张玉'])).toBe('关于给予张*政务记过处分的决定');
    expect(maskNamesInText('经查，王小明（深圳市财政局科员）与王小', ['王小', '王小明'])).toBe('经查，王**（深圳市财政局科员）与王*');
    expect(maskNamesInText('欧阳小明获嘉奖', ['欧阳小明'])).toBe('欧阳**获嘉奖');
    expect(maskNamesInText('深圳市张记餐饮店', ['张'])).toBe('深圳市张记餐饮店');
  });

  it('masks valid citizen ID numbers as the court list does, and leaves certificate numbers alone', () => {
    expect(maskCitizenIdsInText('被执行人11010519491231002X未履行')).toBe('被执行人1101051949****002X未履行');
    expect(maskCitizenIdsInText('核发《建筑工程施工许可证》（编号440309201903859069）')).toBe('核发《建筑工程施工许可证》（编号440309201903859069）');
    expect(maskCitizenIdsInText('统一社会信用代码914403001922038216')).toBe('统一社会信用代码914403001922038216');
  });
});
