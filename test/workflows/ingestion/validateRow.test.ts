import { describe, expect, it } from 'vitest';
import { validateRow } from '../../../src/workflows/ingestion/validateRow.js';
import { penaltySeverity } from '../../../src/credit/penaltySeverity.js';
import type { IngestionReferences } from '../../../src/workflows/ingestion/IngestionRecord.js';
import { readDate, readWanYuan } from '../../../src/workflows/ingestion/readFieldValue.js';

const SOURCE = '114403000022215361'; // 深圳市市场监督管理局
const SUBJECT = '914403001922038216'; // DOMAIN.md §1.1's public example: check character 6
const UNREGISTERED = '91350100M000100Y43';

const refs: IngestionReferences = {
  sourceUnitUscc: SOURCE,
  today: '2026-11-27',
  registeredUsccs: new Set([SOURCE, SUBJECT]),
  reportableAuthorities: new Set([SOURCE]),
  catalogItems: new Map([
    ['SZ-CF-SCJG-001', { recordKind: 'ADMINISTRATIVE_PENALTY', sourceUnitUscc: SOURCE }],
    ['SZ-XK-SCJG-001', { recordKind: 'ADMINISTRATIVE_LICENCE', sourceUnitUscc: SOURCE }],
    ['SZ-CF-GAJ-001', { recordKind: 'ADMINISTRATIVE_PENALTY', sourceUnitUscc: '11440300000214455U' }],
    ['SZ-YZSX-SWJ-001', { recordKind: 'SERIOUS_DISHONESTY', sourceUnitUscc: SOURCE }],
  ]),
};

const PENALTY = {
  CF_XDR_MC: '深圳市某某科技有限公司', CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: SUBJECT, CF_FRDB: '张三',
  CF_WSH: '深市监罚〔2026〕101号', CF_WFXW: '销售不符合食品安全标准的食品', CF_SY: '当事人销售过期食品。',
  CF_YJ: '《中华人民共和国食品安全法》第一百二十四条', CF_CFLB: '警告;罚款', CF_NR: '警告，罚款人民币12500元',
  CF_NR_FK: '1.25', CF_JDRQ: '20261102', CF_CFJG: '深圳市市场监督管理局', CF_CFJGDM: SOURCE,
  CF_SJLY: '深圳市市场监督管理局', CF_SJLYDM: SOURCE,
};

const LICENCE = {
  XK_XDR_MC: '深圳市某某科技有限公司', XK_XDR_LB: '法人及非法人组织', XK_XDR_SHXYM: SUBJECT, XK_XKWS: '食品经营许可决定书',
  XK_WSH: '深市监许〔2026〕88号', XK_XKLB: '普通', XK_XKZS: '食品经营许可证', XK_XKBH: 'JY14403050001234', XK_NR: '准予食品经营许可',
  XK_JDRQ: '2026-10-01', XK_YXQZ: '2026-10-01', XK_YXQZI: '2031-09-30', XK_XKJG: '深圳市市场监督管理局', XK_XKJGDM: SOURCE,
  XK_SJLY: '深圳市市场监督管理局', XK_SJLYDM: SOURCE,
};

describe('validateRow', () => {
  it('builds a penalty record: dates normalised, 万元 exact, severity derived, window from the rule in force on the decision date', () => {
    const row = validateRow(PENALTY, 1, refs);
    expect(row.errors).toEqual([]);
    expect(row.record).toMatchObject({
      kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: SUBJECT, authorityUscc: SOURCE, documentNumber: '深市监罚〔2026〕101号',
      decisionDate: '2026-11-02', fineAmount: '1.25', confiscatedAmount: null, severity: 'GENERAL', catalogItemCode: 'SZ-CF-SCJG-001',
      publicityStart: '2026-11-02', publicityMinEnd: '2027-02-02', publicityEnd: '2027-11-02', ruleVersion: 'CREDIT-REPAIR-2026',
      status: 'IN_PUBLICITY', title: '深圳市某某科技有限公司销售不符合食品安全标准的食品案', legalBasis: PENALTY.CF_YJ,
    });
    expect(row.record?.details).toMatchObject({ penaltyCategories: ['FINE_CONFISCATION', 'WARNING_CRITICISM'], subjectCategory: 'LEGAL_PERSON', legalRepresentative: '张三' });
  });

  it('takes the rule version in force on an older decision date, and marks a window already over EXPIRED', () => {
    const row = validateRow({ ...PENALTY, CF_JDRQ: '2023-06-15' }, 1, refs);
    expect(row.record).toMatchObject({ ruleVersion: 'NDRC-ORDER-58-2023', publicityEnd: '2026-06-15', status: 'EXPIRED' });
  });

  it('builds a licence record without a publicity window', () => {
    const row = validateRow(LICENCE, 7, refs);
    expect(row.errors).toEqual([]);
    expect(row.record).toMatchObject({ kind: 'ADMINISTRATIVE_LICENCE', severity: null, publicityEnd: null, ruleVersion: null, status: 'IN_PUBLICITY', catalogItemCode: 'SZ-XK-SCJG-001' });
    expect(row.record?.details).toMatchObject({ licenceCategory: 'ORDINARY', validFrom: '2026-10-01', validTo: '2031-09-30', certificateNumber: 'JY14403050001234' });
  });

  it('withdraws a revoked decision with its reason and the 3-working-day deadline (Administrative Penalty Law art. 48, art. 85)', () => {
    const row = validateRow({ ...PENALTY, CF_ZT: '撤销', CF_CXYY: '行政复议决定撤销原处罚决定', CF_CXRQ: '2026-11-25' }, 1, refs);
    expect(row.record?.status).toBe('WITHDRAWN');
    expect(row.record?.details).toMatchObject({
      withdrawalReason: '行政复议决定撤销原处罚决定', withdrawnOn: '2026-11-27',
      // Wed 25 → Thu 26, Fri 27, Mon 30: the weekend does not count.
      withdrawal: { revokedOn: '2026-11-25', deadline: '2026-11-30', withdrawnOn: '2026-11-27', withinDeadline: true },
    });
  });

  it('counts the 3 days of withdrawal as working days across National Day (Administrative Penalty Law art. 48 + art. 85)', () => {
    // Revoked Wed 2026-09-30; 10-01..10-07 are holidays, Sat 10-10 a make-up working day: 10-08, 10-09, 10-10.
    const row = validateRow({ ...PENALTY, CF_JDRQ: '2026-09-01', CF_ZT: '撤销', CF_CXYY: '人民法院判决撤销原行政处罚决定', CF_CXRQ: '2026-09-30' }, 1, { ...refs, today: '2026-10-09' });
    expect(row.record?.details).toMatchObject({
      withdrawal: { revokedOn: '2026-09-30', deadline: '2026-10-10', withdrawnOn: '2026-10-09', withinDeadline: true },
    });
  });

  it('gives a work-safety penalty a minimum publicity of 1 year, the sector derived from its legal basis (NDRC Order 58)', () => {
    const row = validateRow({
      ...PENALTY, CF_WSH: '深应急罚〔2025〕7号', CF_WFXW: '未按照规定对从业人员进行安全生产教育和培训', CF_YJ: '《中华人民共和国安全生产法》第九十七条第三项',
      CF_CFLB: '罚款', CF_NR: '罚款人民币30000元', CF_NR_FK: '3', CF_JDRQ: '2025-03-10',
    }, 1, refs);
    expect(row.errors).toEqual([]);
    expect(row.record).toMatchObject({ ruleVersion: 'NDRC-ORDER-58-2023', publicityMinEnd: '2026-03-10', publicityEnd: '2028-03-10', status: 'IN_PUBLICITY' });
    expect(row.record?.details).toMatchObject({ sectors: ['WORK_SAFETY'] });
  });

  it('does not publish a minor penalty decided under the 2026 Credit Repair Measures (warnings, summary procedure)', () => {
    const row = validateRow({ ...PENALTY, CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '' }, 1, refs);
    expect(row.record).toMatchObject({
      severity: 'MINOR', ruleVersion: 'CREDIT-REPAIR-2026', publicityStart: '2026-11-02', publicityMinEnd: '2026-11-02', publicityEnd: '2026-11-02', status: 'EXPIRED',
    });
  });

  it.each([
    ['a bad check character', { CF_XDR_SHXYM: '914403001922038217' }, [{ field: 'CF_XDR_SHXYM', message: 'check character should be 6, got 7' }]],
    ['a code of the wrong length', { CF_CFJGDM: '11440300002221536' }, [{ field: 'CF_CFJGDM', message: 'must be 18 characters, got 17' }]],
    ['an unregistered subject', { CF_XDR_SHXYM: UNREGISTERED }, [{ field: 'CF_XDR_SHXYM', message: `subject ${UNREGISTERED} is not registered (no organisation has this USCC); register the subject before reporting records about it` }]],
    ['another source unit', { CF_SJLYDM: SUBJECT }, [{ field: 'CF_SJLYDM', message: `must be the batch's source unit ${SOURCE}, got ${SUBJECT}; a source unit reports only its own records` }]],
    ['a malformed date', { CF_JDRQ: '2026/11/02' }, [{ field: 'CF_JDRQ', message: 'must be a date written YYYY-MM-DD or YYYYMMDD, got "2026/11/02"' }]],
    ['an impossible date', { CF_JDRQ: '20260230' }, [{ field: 'CF_JDRQ', message: 'must be a date written YYYY-MM-DD or YYYYMMDD, got "20260230"' }]],
    ['a future decision', { CF_JDRQ: '2026-12-01' }, [{ field: 'CF_JDRQ', message: 'decision date 2026-12-01 is after today (2026-11-27)' }]],
    ['an amount in yuan with a unit', { CF_NR_FK: '12500元' }, [{ field: 'CF_NR_FK', message: 'must be a non-negative amount in 10,000 yuan (万元) with at most 6 decimals, e.g. "1.25", got "12500元"' }]],
    ['a negative amount', { CF_NR_WFFF: '-1' }, [{ field: 'CF_NR_WFFF', message: 'must be a non-negative amount in 10,000 yuan (万元) with at most 6 decimals, e.g. "1.25", got "-1"' }]],
    ['a missing document number', { CF_WSH: '' }, [{ field: 'CF_WSH', message: 'is required (行政处罚决定书文号)' }]],
    ['an unknown penalty category', { CF_CFLB: '罚款;打板子' }, [{ field: 'CF_CFLB', message: expect.stringContaining('unknown penalty category "打板子"') }]],
    ['a natural person', { CF_XDR_LB: '自然人' }, [{ field: 'CF_XDR_LB', message: 'natural persons (自然人) are not ingested: the hub keeps records about organisations identified by USCC' }]],
    ['an unknown catalogue item', { CF_MLBM: 'SZ-CF-NOPE' }, [{ field: 'CF_MLBM', message: 'no catalogue item has the code SZ-CF-NOPE' }]],
    ['another unit\'s catalogue item', { CF_MLBM: 'SZ-CF-GAJ-001' }, [{ field: 'CF_MLBM', message: `catalogue item SZ-CF-GAJ-001 is reported by source unit 11440300000214455U, not ${SOURCE}` }]],
    ['a catalogue item of another kind', { CF_MLBM: 'SZ-YZSX-SWJ-001' }, [{ field: 'CF_MLBM', message: 'catalogue item SZ-YZSX-SWJ-001 lists SERIOUS_DISHONESTY records, not ADMINISTRATIVE_PENALTY' }]],
    ['a revocation without reason', { CF_ZT: '撤销' }, [{ field: 'CF_CXYY', message: 'is required when CF_ZT is 撤销 (revoked): the reason is published with the withdrawal' }]],
    ['an unknown field', { CF_FOO: 'x' }, [{ field: 'CF_FOO', message: 'is not a field of the administrative penalty (行政处罚) format' }]],
    ['a non-string value', { CF_SY: { a: 1 } }, [{ field: 'CF_SY', message: 'must be a string, got object' }]],
  ])('rejects %s, naming the field', (_case, change, errors) => {
    const row = validateRow({ ...PENALTY, ...change }, 3, refs);
    expect(row.record).toBeNull();
    expect(row.errors).toEqual(errors);
  });

  it('reports every problem of a row at once, and queues each bad check character with the expected one', () => {
    const row = validateRow({ ...PENALTY, CF_XDR_SHXYM: '914403001922038217', CF_CFJGDM: '114403000022215362', CF_JDRQ: '2026-13-01', CF_NR: '' }, 5, refs);
    expect(row.errors.map((e) => e.field)).toEqual(['CF_XDR_SHXYM', 'CF_NR', 'CF_JDRQ', 'CF_CFJGDM']);
    expect(row.checksumIssues).toEqual([
      { field: 'CF_XDR_SHXYM', value: '914403001922038217', expected: '6', reason: 'check character should be 6, got 7' },
      { field: 'CF_CFJGDM', value: '114403000022215362', expected: '1', reason: 'check character should be 1, got 2' },
    ]);
    expect(row).toMatchObject({ rowNumber: 5, authority: '114403000022215362', documentNumber: PENALTY.CF_WSH });
  });

  it.each([
    ['no CF_/XK_ field', { BZ: 'x' }, 'names no CF_ (administrative penalty) or XK_ (administrative licence) field'],
    ['both prefixes', { ...PENALTY, XK_WSH: 'x' }, 'mixes CF_ and XK_ fields; send a penalty and a licence as two rows'],
  ])('rejects a row with %s', (_case, row, message) => {
    expect(validateRow(row, 1, refs).errors).toEqual([{ field: 'row', message }]);
  });

  it('gives the same fingerprint to the same row however its dates and amounts are written', () => {
    const a = validateRow(PENALTY, 1, refs).record?.sourceHash;
    expect(validateRow({ ...PENALTY, CF_JDRQ: '2026-11-02', CF_NR_FK: '1.2500' }, 2, refs).record?.sourceHash).toBe(a);
    expect(validateRow({ ...PENALTY, CF_NR_FK: '1.26' }, 3, refs).record?.sourceHash).not.toBe(a);
  });
});

describe('field values', () => {
  it.each([['20261102', '2026-11-02'], ['2026-11-02', '2026-11-02'], ['2024-02-29', '2024-02-29'], ['2025-02-29', null], ['2026-1102', null], ['26-11-02', null]])(
    'reads the date %s as %s', (raw, expected) => expect(readDate(raw)).toBe(expected));
  it.each([['1.25', '1.25'], ['0.500000', '0.5'], ['007', '7'], ['1,000.5', '1000.5'], ['1.2345678', null], ['1e3', null], ['', null]])(
    'reads the amount %s as %s 万元', (raw, expected) => expect(readWanYuan(raw)).toBe(expected));
  // Before 2026-04-01: the project's assumption kept for older decisions (penalty-severity.json SEVERITY-ASSUMPTION-2019).
  it.each([
    [['WARNING_CRITICISM'], null, null, 'MINOR'], [['FINE_CONFISCATION'], '49.99', null, 'GENERAL'], [['FINE_CONFISCATION'], '40', '10', 'SERIOUS'],
    [['FINE_CONFISCATION', 'BUSINESS_RESTRICTION_CLOSURE'], '1', null, 'SERIOUS'], [['FINE_CONFISCATION'], '0.2', null, 'GENERAL'],
  ] as const)('a penalty decided in 2025 of %j with fine %s and confiscation %s is %s', (categories, fine, confiscated, severity) => {
    expect(penaltySeverity({ categories, fine, confiscated, decisionDate: '2025-06-01' })).toBe(severity);
  });
  // From 2026-04-01: the Credit Repair Measures' categories; summary procedure per Administrative Penalty Law art. 51.
  it.each([
    [['WARNING_CRITICISM'], null, null, 'MINOR'],
    [['FINE_CONFISCATION'], '0.3', null, 'MINOR'],
    [['WARNING_CRITICISM', 'FINE_CONFISCATION'], '0.2', null, 'MINOR'],
    [['FINE_CONFISCATION'], '0.31', null, 'GENERAL'],
    [['FINE_CONFISCATION'], '0.1', '0.05', 'GENERAL'],
    [['FINE_CONFISCATION'], '60', null, 'GENERAL'],
    [['FINE_CONFISCATION'], '100', null, 'SERIOUS'],
    [['PERMIT_SUSPENSION_REVOCATION'], null, null, 'SERIOUS'],
    [['FINE_CONFISCATION', 'BUSINESS_RESTRICTION_CLOSURE'], '1', null, 'SERIOUS'],
  ] as const)('a penalty decided in 2026 of %j with fine %s and confiscation %s is %s (Credit Repair Measures 2026)', (categories, fine, confiscated, severity) => {
    expect(penaltySeverity({ categories, fine, confiscated, decisionDate: '2026-05-01' })).toBe(severity);
  });
});
