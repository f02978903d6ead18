import { describe, expect, it } from 'vitest';
import { applyOutcome } from '../../../src/workflows/objections/applyOutcome.js';
import { deadlineRulesOn } from '../../../src/workflows/objections/deadlineRules.js';
import { repairEligibility } from '../../../src/workflows/objections/repair/repairEligibility.js';
import { publicityWindow } from '../../../src/credit/publicityWindow.js';
import { assertTransition, OBJECTION_TRANSITIONS, REPAIR_TRANSITIONS } from '../../../src/workflows/objections/transitions.js';

const PENALTY = {
  kind: 'ADMINISTRATIVE_PENALTY',
  status: 'UNDER_OBJECTION',
  values: { title: '发布虚假广告案', content: '当事人发布虚假广告。', legalBasis: null, fineAmount: '0.090000', confiscatedAmount: null },
};

describe('objection transitions', () => {
  it.each([
    ['check', 'ACCEPTED', true],
    ['check', 'CHECKED', false],
    ['extend', 'CHECKED', true],
    ['extend', 'ACCEPTED', false],
    ['decide', 'CHECKED', true],
    ['decide', 'ACCEPTED', false],
    ['decide', 'CLOSED', false],
  ] as const)('%s from %s allowed: %s', (step, state, allowed) => {
    const run = () => assertTransition('objection 7', OBJECTION_TRANSITIONS[step], state);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT', currentState: state }) }));
  });

  it('names the current state and the state the step needs', () => {
    expect(() => assertTransition('objection 7', OBJECTION_TRANSITIONS.decide, 'ACCEPTED')).toThrow(
      'cannot decide objection 7: it is ACCEPTED, and this step needs CHECKED (it leads to CLOSED)',
    );
    expect(() => assertTransition('repair application 3', REPAIR_TRANSITIONS.approve, 'REFUSED')).toThrow(
      'cannot approve repair application 3: it is REFUSED, and this step needs SUBMITTED (it leads to APPROVED)',
    );
  });
});

describe('applyOutcome', () => {
  it('CORRECT changes the given fields, records each change and restores the previous status', () => {
    expect(applyOutcome(PENALTY, 'IN_PUBLICITY', 'CORRECT', { fineAmount: '0.09', content: '当事人发布广告。' })).toEqual({
      status: 'IN_PUBLICITY',
      updates: { content: '当事人发布广告。' },
      changes: [
        { field: 'content', before: '当事人发布虚假广告。', after: '当事人发布广告。' },
        { field: 'status', before: 'UNDER_OBJECTION', after: 'IN_PUBLICITY' },
      ],
    });
  });

  it('SUPPLEMENT fills empty fields only', () => {
    expect(applyOutcome(PENALTY, 'IN_PUBLICITY', 'SUPPLEMENT', { legalBasis: '《广告法》第五十五条' }).updates).toEqual({ legal_basis: '《广告法》第五十五条' });
    expect(() => applyOutcome(PENALTY, 'IN_PUBLICITY', 'SUPPLEMENT', { title: 'x' })).toThrow(/SUPPLEMENT only fills empty fields, and title already holds/);
  });

  it('CORRECT without a change, or corrections with another outcome, is bad input', () => {
    expect(() => applyOutcome(PENALTY, 'IN_PUBLICITY', 'CORRECT', { fineAmount: '0.090' })).toThrow(/needs at least one field that changes/);
    expect(() => applyOutcome(PENALTY, 'IN_PUBLICITY', 'REJECT', { title: 'x' })).toThrow(/corrections apply only to CORRECT and SUPPLEMENT/);
  });

  it.each([
    ['STOP_DISCLOSURE', 'ADMINISTRATIVE_PENALTY', 'WITHDRAWN'],
    ['REMOVE_FROM_LIST', 'SERIOUS_DISHONESTY', 'WITHDRAWN'],
    ['REMOVE_FROM_LIST', 'JUDGMENT_DEFAULTER', 'WITHDRAWN'],
    ['REJECT', 'ADMINISTRATIVE_PENALTY', 'IN_PUBLICITY'],
  ] as const)('%s on a %s record leaves it %s', (outcome, kind, status) => {
    expect(applyOutcome({ ...PENALTY, kind }, 'IN_PUBLICITY', outcome, null)).toEqual({
      status, updates: {}, changes: [{ field: 'status', before: 'UNDER_OBJECTION', after: status }],
    });
  });

  it('REMOVE_FROM_LIST applies to list records only', () => {
    expect(() => applyOutcome(PENALTY, 'IN_PUBLICITY', 'REMOVE_FROM_LIST', null)).toThrow(/REMOVE_FROM_LIST applies to list records .*decide STOP_DISCLOSURE/);
  });
});

describe('repairEligibility', () => {
  const record = { kind: 'ADMINISTRATIVE_PENALTY', catalogItemCode: 'SZ-CF-SCJG-001', publicityMinEnd: '2026-12-25', publicityEnd: '2027-09-25', ruleVersion: 'CREDIT-REPAIR-2026' };
  const ready = { obligationsPerformed: true, commitmentGiven: true };
  it('is eligible on the day the minimum period ends, with obligations performed and a commitment', () => {
    expect(repairEligibility(record, { obligationsPerformed: true, commitmentGiven: true }, '2026-12-25')).toEqual({ eligible: true, eligibleFrom: '2026-12-25', reasons: [] });
  });
  it('names every unmet condition and the date from which the subject may apply', () => {
    expect(repairEligibility(record, { obligationsPerformed: false, commitmentGiven: false }, '2026-11-27')).toEqual({
      eligible: false,
      eligibleFrom: '2026-12-25',
      reasons: [
        { reason: 'MINIMUM_PERIOD_NOT_REACHED', message: 'the minimum publicity period under CREDIT-REPAIR-2026 ends on 2026-12-25; apply on or after that date' },
        { reason: 'OBLIGATIONS_NOT_PERFORMED', message: 'the obligations the decision imposed (fines, corrections) must be performed first' },
        { reason: 'NO_COMMITMENT', message: 'a credit commitment (信用承诺) must be given with the application' },
      ],
    });
  });

  it('refuses a government-procurement ban before its term ends: the list allows no early removal (Government Procurement Law art. 77)', () => {
    const window = publicityWindow({ kind: 'SERIOUS_DISHONESTY', decisionDate: '2025-06-01', listCode: 'SZ-YZSX-CZJ-001', termMonths: 24 });
    expect(window).toMatchObject({ minimumEnd: null, end: '2027-06-01' });
    const ban = { kind: 'SERIOUS_DISHONESTY', catalogItemCode: 'SZ-YZSX-CZJ-001', publicityMinEnd: window!.minimumEnd, publicityEnd: window!.end, ruleVersion: window!.ruleVersion };
    expect(repairEligibility(ban, ready, '2026-11-27')).toEqual({
      eligible: false, eligibleFrom: null,
      reasons: [{ reason: 'LIST_TERM_RUNNING', message: expect.stringContaining('list SZ-YZSX-CZJ-001 allows no early removal: the entry runs its term until 2027-06-01') }],
    });
  });

  it('lets a market-supervision list entry apply for early removal after 1 year (市场监督管理严重违法失信名单管理办法)', () => {
    const window = publicityWindow({ kind: 'SERIOUS_DISHONESTY', decisionDate: '2025-06-01', listCode: 'SZ-YZSX-SCJG-001' });
    const entry = { kind: 'SERIOUS_DISHONESTY', catalogItemCode: 'SZ-YZSX-SCJG-001', publicityMinEnd: window!.minimumEnd, publicityEnd: window!.end, ruleVersion: window!.ruleVersion };
    expect(repairEligibility(entry, ready, '2026-06-01')).toEqual({ eligible: true, eligibleFrom: '2026-06-01', reasons: [] });
  });

  it('never repairs a judgment-defaulter listing: it ends by the court\'s deletion (SPC provisions art. 10)', () => {
    const listing = { kind: 'JUDGMENT_DEFAULTER', catalogItemCode: 'SZ-SXBZX-FY-001', publicityMinEnd: null, publicityEnd: null, ruleVersion: 'SPC-DEFAULTER-2017' };
    expect(repairEligibility(listing, ready, '2026-11-27')).toEqual({
      eligible: false, eligibleFrom: null,
      reasons: [{ reason: 'NOT_REPAIRABLE_KIND', message: expect.stringContaining("a JUDGMENT_DEFAULTER record is not ended by credit repair; it ends by the court's deletion") }],
    });
  });
});

describe('deadline rules (rules/objection-deadlines.json)', () => {
  it('picks the version in force on the filing day: Shenzhen credit regulation art. 48-51, in force 2022-01-01', () => {
    expect(deadlineRulesOn('2026-12-30')).toMatchObject({
      id: 'SZ-CREDIT-2022', effectiveFrom: '2022-01-01', effectiveTo: null, legalBasis: expect.stringContaining('深圳经济特区社会信用条例'),
      objection: { checkWorkingDays: 1, decisionWorkingDays: 2, extensionWorkingDays: 3 },
      repair: { decisionWorkingDays: 3, extensionWorkingDays: 3 },
    });
  });

  it('chooses among versions by their dates and refuses a day no version covers', () => {
    const base = deadlineRulesOn('2022-01-01');
    const versions = [
      { ...base, id: 'OLD', effectiveTo: '2026-12-31' },
      { ...base, id: 'NEW', effectiveFrom: '2027-01-01', objection: { ...base.objection, decisionWorkingDays: 5 } },
    ];
    expect(deadlineRulesOn('2026-12-31', versions).id).toBe('OLD');
    expect(deadlineRulesOn('2027-01-01', versions)).toMatchObject({ id: 'NEW', objection: { decisionWorkingDays: 5 } });
    expect(() => deadlineRulesOn('2021-12-31')).toThrow('rules/objection-deadlines.json has no version in force on 2021-12-31');
  });
});
