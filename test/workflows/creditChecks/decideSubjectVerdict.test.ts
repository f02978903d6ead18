import { describe, expect, it } from 'vitest';
import { publicityWindow } from '../../../src/credit/publicityWindow.js';
import { CHECK_RULES } from '../../../src/workflows/creditChecks/rules/checkRules.js';
import { decideSubjectVerdict, type RecordState } from '../../../src/workflows/creditChecks/rules/decideSubjectVerdict.js';

const record = (over: Partial<RecordState>): RecordState => ({
  recordId: '1', kind: 'ADMINISTRATIVE_PENALTY', documentNumber: '深市监罚〔2026〕1号', authorityUscc: '11440300MB2C9287XH',
  authorityName: '深圳市市场监督管理局', decisionDate: '2026-03-01', severity: 'GENERAL', catalogItemCode: 'SZ-CF-SCJG-001',
  catalogItemName: null, governanceField: null, status: 'IN_PUBLICITY', publicityEnd: '2027-03-01', ...over,
});
const defaulter = record({ recordId: '10', kind: 'JUDGMENT_DEFAULTER', catalogItemCode: 'SZ-SXBZX-ZY-001', documentNumber: '(2026)粤0305执1194号' });
const taxList = record({ recordId: '11', kind: 'SERIOUS_DISHONESTY', catalogItemCode: 'SZ-YZSX-SWJ-001', severity: 'SERIOUS', governanceField: 'TAX_EVASION' });
const procurementList = record({ recordId: '12', kind: 'SERIOUS_DISHONESTY', catalogItemCode: 'SZ-YZSX-CZJ-001', severity: 'SERIOUS' });
const safetyList = record({ recordId: '13', kind: 'SERIOUS_DISHONESTY', catalogItemCode: 'SZ-YZSX-YJGL-001', severity: 'SERIOUS' });
const taxPenalty = record({ recordId: '14', catalogItemCode: 'SZ-CF-SWJ-001', governanceField: 'TAX_EVASION' });
const seriousPenalty = record({ recordId: '15', severity: 'SERIOUS' });
const minorPenalty = record({ recordId: '16', severity: 'MINOR' });
const judgment = record({ recordId: '17', kind: 'JUDICIAL_JUDGMENT', catalogItemCode: 'SZ-SF-ZY-001' });

const decide = (records: RecordState[], purpose: 'BIDDING' | 'GOVERNMENT_PROCUREMENT' = 'GOVERNMENT_PROCUREMENT', subjectKind: string | null = 'ENTERPRISE', asOfDate = '2026-10-15') =>
  decideSubjectVerdict(CHECK_RULES, { purpose, asOfDate, subjectKind, records });

describe('decideSubjectVerdict (rules/check-rules.json)', () => {
  // SPC provisions on the judgment-defaulter list arts. 2, 10: the listing ends on the court's deletion, not after 24 months.
  it('rejects a government body still on the court\'s list more than two years after its listing, and passes it once deleted', () => {
    const listedOn = '2023-06-01';
    const open = publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: listedOn, conduct: 'VIOLATES_PROPERTY_REPORTING' })!;
    const listing = record({ ...defaulter, decisionDate: listedOn, publicityEnd: open.end });
    expect(decide([listing], 'GOVERNMENT_PROCUREMENT', 'GOVERNMENT_BODY', '2026-10-15')).toMatchObject({ verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' } });
    const deleted = publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: listedOn, conduct: 'VIOLATES_PROPERTY_REPORTING', removedOn: '2026-06-04' })!;
    expect(decide([record({ ...listing, publicityEnd: deleted.end })], 'GOVERNMENT_PROCUREMENT', 'GOVERNMENT_BODY', '2026-10-15'))
      .toMatchObject({ verdict: 'PASS', decidingRule: { id: 'NO_MATCHING_RECORD' } });
  });

  it.each([
    ['a judgment defaulter', [defaulter], 'GOVERNMENT_PROCUREMENT', 'REJECT', 'JUDGMENT_DEFAULTER'],
    ['the major tax-violation list', [taxList], 'BIDDING', 'REJECT', 'MAJOR_TAX_VIOLATION'],
    ['the procurement list in a procurement', [procurementList], 'GOVERNMENT_PROCUREMENT', 'REJECT', 'PROCUREMENT_SERIOUS_DISHONESTY'],
    ['the procurement list in a tender', [procurementList], 'BIDDING', 'REVIEW', 'PROCUREMENT_SERIOUS_DISHONESTY_IN_BIDDING'],
    ['a list that does not restrict bids', [safetyList], 'BIDDING', 'REVIEW', 'SERIOUS_DISHONESTY_OTHER'],
    ['a tax-evasion penalty', [taxPenalty], 'BIDDING', 'REVIEW', 'TAX_EVASION_PENALTY'],
    ['a serious penalty', [seriousPenalty], 'BIDDING', 'REVIEW', 'SERIOUS_PENALTY'],
    ['a minor penalty only', [minorPenalty], 'BIDDING', 'PASS', 'NO_MATCHING_RECORD'],
    ['a judgment against an enterprise', [judgment], 'BIDDING', 'PASS', 'NO_MATCHING_RECORD'],
    ['nothing', [], 'BIDDING', 'PASS', 'NO_MATCHING_RECORD'],
  ] as const)('%s: %s → %s by %s', (_name, records, purpose, verdict, rule) => {
    const decided = decide([...records], purpose);
    expect(decided.verdict).toBe(verdict);
    expect(decided.decidingRule.id).toBe(rule);
    expect(decided.evidence.map((e) => e.recordId)).toEqual(verdict === 'PASS' ? [] : records.map((r) => r.recordId));
  });

  it('the strongest effect decides, and every matching record is evidence, strongest first', () => {
    const decided = decide([seriousPenalty, taxPenalty, defaulter, minorPenalty]);
    expect(decided).toMatchObject({ verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' } });
    expect(decided.evidence.map((e) => [e.recordId, e.ruleId, e.effect])).toEqual([
      ['10', 'JUDGMENT_DEFAULTER', 'REJECT'], ['14', 'TAX_EVASION_PENALTY', 'REVIEW'], ['15', 'SERIOUS_PENALTY', 'REVIEW'],
    ]);
  });

  it('open findings count against a government body, not against an enterprise', () => {
    expect(decide([judgment], 'BIDDING', 'GOVERNMENT_BODY')).toMatchObject({ verdict: 'REVIEW', decidingRule: { id: 'GOVERNMENT_OPEN_FINDING' } });
    expect(decide([defaulter], 'BIDDING', 'GOVERNMENT_BODY')).toMatchObject({ verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' } });
  });

  it.each([
    ['repaired', { status: 'REPAIRED' }],
    ['withdrawn', { status: 'WITHDRAWN' }],
    ['expired', { status: 'EXPIRED' }],
    ['out of its window', { publicityEnd: '2026-10-14' }],
    ['decided after the check day', { decisionDate: '2026-10-16' }],
  ])('a record %s does not count', (_name, change) => {
    expect(decide([{ ...defaulter, ...change }]).verdict).toBe('PASS');
  });

  it('a record under objection is disputed: a rejection becomes a review', () => {
    const decided = decide([{ ...defaulter, status: 'UNDER_OBJECTION' }]);
    expect(decided).toMatchObject({ verdict: 'REVIEW', decidingRule: { id: 'JUDGMENT_DEFAULTER' } });
    expect(decided.evidence[0]).toMatchObject({ status: 'UNDER_OBJECTION', effect: 'REVIEW' });
  });

  it('a subject the hub does not know needs review, it is not a pass', () => {
    expect(decide([], 'BIDDING', null)).toMatchObject({ verdict: 'REVIEW', decidingRule: { id: 'SUBJECT_NOT_REGISTERED' }, evidence: [] });
  });
});
