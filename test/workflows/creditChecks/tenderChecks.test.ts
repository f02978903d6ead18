import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedError } from '../../../src/codes/index.js';
import type { CreditActor } from '../../../src/credit/actorOf.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../../src/credit/index.js';
import { createCreditCheckWorkflow, type SourceTender, type TenderSource } from '../../../src/workflows/creditChecks/index.js';
import { createSeededKnex } from '../../support/createTestStore.js';
import { TEST_DATABASES } from '../../support/databases.js';

const TENDER_CODE = 'E440305202699001001';
const bidding: CreditActor = { consumerId: 'tender-bidding', consumerName: '招标系统', consumerKind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], subjects: [], purpose: 'BIDDING', caseReference: TENDER_CODE };
const otherBidding: CreditActor = { ...bidding, consumerId: 'tender-other', consumerName: '另一招标系统' };
const creditOffice: CreditActor = { ...bidding, consumerId: 'tender-office', consumerName: '信用办', consumerKind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], purpose: 'SUPERVISION' };
const PUBLIC: CreditActor = { consumerId: null, consumerName: null, consumerKind: null, roles: ['PUBLIC'], subjects: [], purpose: null, caseReference: null };

const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  id reference overallVerdict tender { code name projectCode status }
  subjects { uscc name role consortium verdict decidingRule { id } } } }`;
const LIST = `query L($filter: CreditCheckFilter, $first: Int, $after: String) { creditChecks(filter: $filter, first: $first, after: $after) {
  totalCount edges { cursor node { id reference overallVerdict tender { code } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
const FEEDBACK = `mutation F($input: RecordCheckFeedbackInput!) { recordCheckFeedback(input: $input) { id supersedes subjectUscc usage note } }`;
const HISTORY = `query H($id: ID!) { creditCheck(id: $id) {
  feedback { id supersedes supersededBy usage note } feedbackHistory { id supersedes supersededBy usage note } } }`;

interface Run { id: string; reference: string; overallVerdict: string; tender: { code: string } | null; subjects: { uscc: string; name: string | null; role: string; consortium: string | null; verdict: string; decidingRule: { id: string } }[] }

const count = async (knex: Knex): Promise<number> => Number(((await knex('credit_checks').count({ n: '*' })) as { n: string | number }[])[0]!.n);

describe.each(TEST_DATABASES)('credit checks of a tender by its code, found again, with feedback corrected, on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;
  let tender: SourceTender;
  let defaulter: string;
  let clean: string[];
  let tenderer: string;
  // What the fake bidding platform does: answer the tender, know nothing, or be down.
  let platform: 'up' | 'down' = 'up';
  const tenders: TenderSource = {
    async readTender(code) {
      if (platform === 'down') throw codedError('SOURCE_UNAVAILABLE', 'BIDDING: cannot reach http://bidding.invalid: ECONNREFUSED', { platform: 'BIDDING' });
      return code === TENDER_CODE ? tender : null;
    },
  };
  const exec = async (source: string, variables: Record<string, unknown>, actor: CreditActor = bidding) =>
    graphql({ schema, source, variableValues: variables, contextValue: { actor } });
  const run = async (input: Record<string, unknown>, actor: CreditActor = bidding): Promise<Run> => {
    const result = await exec(RUN, { input: { purpose: 'BIDDING', ...input } }, actor);
    expect(result.errors).toBeUndefined();
    return (result.data as { runCreditCheck: Run }).runCreditCheck;
  };

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = createCreditCheckWorkflow({ knex, vault: createIdNumberVault(DEVELOPMENT_DATA_KEY), checkSigningKeyPem: null, tenderSource: tenders }).subschemas[0]!.schema;
    defaulter = (await knex('credit_records').where({ kind: 'JUDGMENT_DEFAULTER', status: 'IN_PUBLICITY' }).whereLike('subject_uscc', '91%')
      .where((q) => q.whereNull('publicity_end').orWhere('publicity_end', '>=', knex.raw('current_date')))
      .where('decision_date', '<=', knex.raw('current_date')).orderBy('id').first('subject_uscc')).subject_uscc;
    clean = await knex('organisations as o').where('o.kind', 'ENTERPRISE')
      .whereNotExists(knex('credit_records as r').whereRaw('r.subject_uscc = o.uscc')).orderBy('o.uscc').limit(5).pluck('o.uscc');
    tenderer = (await knex('organisations').where('kind', 'GOVERNMENT_BODY')
      .whereNotExists(knex('credit_records as r').whereRaw('r.subject_uscc = organisations.uscc')).orderBy('uscc').first('uscc')).uscc;
    tender = {
      code: TENDER_CODE, name: '测试标段', projectCode: 'E440305202699001', projectName: '测试项目', status: 'UNDER_EVALUATION',
      tenderer: { uscc: tenderer, name: '招标人' }, agent: { uscc: clean[0]!, name: '代理机构' },
      bids: [
        { bidder: { uscc: clean[1]!, name: '独立投标人' }, consortium: false, members: [] },
        { bidder: { uscc: clean[2]!, name: '甲乙联合体' }, consortium: true, members: [
          { uscc: clean[2]!, name: '甲', leader: true }, { uscc: defaulter, name: '乙', leader: false }] },
      ],
    };
  });
  afterAll(async () => close?.());

  it('checks every party of the tender with its role; the defaulter in the consortium rejects the tender', async () => {
    const check = await run({ tenderCode: ` ${TENDER_CODE.toLowerCase()} ` });
    const consortium = '甲乙联合体';
    expect(check).toMatchObject({ reference: TENDER_CODE, overallVerdict: 'REJECT', tender: { code: TENDER_CODE, name: '测试标段', projectCode: 'E440305202699001', status: 'UNDER_EVALUATION' } });
    expect(check.subjects.map((s) => [s.uscc, s.role, s.consortium, s.verdict, s.decidingRule.id])).toEqual([
      [tenderer, 'TENDERER', null, 'PASS', 'NO_MATCHING_RECORD'],
      [clean[0], 'TENDER_AGENT', null, 'PASS', 'NO_MATCHING_RECORD'],
      [clean[1], 'SUPPLIER', null, 'PASS', 'NO_MATCHING_RECORD'],
      [clean[2], 'CONSORTIUM_LEADER', consortium, 'PASS', 'NO_MATCHING_RECORD'],
      [defaulter, 'CONSORTIUM_MEMBER', consortium, 'REJECT', 'JUDGMENT_DEFAULTER'],
    ]);
  });

  it('adds explicit subjects after the tender\'s parties, and refuses ones the tender already names, listing each', async () => {
    const check = await run({ tenderCode: TENDER_CODE, subjects: [{ uscc: clean[3], role: 'SUBCONTRACTOR' }] });
    expect(check.subjects.at(-1)).toMatchObject({ uscc: clean[3], role: 'SUBCONTRACTOR' });
    const refused = await exec(RUN, { input: { purpose: 'BIDDING', tenderCode: TENDER_CODE, subjects: [{ uscc: clean[1], role: 'SUBCONTRACTOR' }, { uscc: clean[3], role: 'SUBCONTRACTOR' }, { uscc: defaulter, role: 'SUBCONTRACTOR' }] } });
    expect(refused.errors).toEqual([expect.objectContaining({
      message: `input.subjects[0].uscc ${clean[1]} is already in tender ${TENDER_CODE} as SUPPLIER; input.subjects[2].uscc ${defaulter} is already in tender ${TENDER_CODE} as CONSORTIUM_MEMBER; list only subjects the tender does not name (e.g. subcontractors)`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.subjects[0].uscc', fields: ['input.subjects[0].uscc', 'input.subjects[2].uscc'] },
    })]);
  });

  it('an unknown tender is NOT_FOUND naming the code; the platform down is SOURCE_UNAVAILABLE; nothing is stored', async () => {
    const before = await count(knex);
    const unknown = await exec(RUN, { input: { purpose: 'BIDDING', tenderCode: 'E440305202699999001' } });
    expect(unknown).toEqual({ data: null, errors: [expect.objectContaining({
      message: 'the bidding platform knows no tender E440305202699999001; input.tenderCode is the bid section code (标段编号), e.g. E440305202600016001',
      extensions: { code: 'NOT_FOUND', field: 'input.tenderCode' },
    })] });
    platform = 'down';
    try {
      const down = await exec(RUN, { input: { purpose: 'BIDDING', tenderCode: TENDER_CODE } });
      expect(down.errors).toEqual([expect.objectContaining({ extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING' } })]);
    } finally {
      platform = 'up';
    }
    expect(await count(knex)).toBe(before);
  });

  it.each([
    ['a reference differing from X-Case-Reference', { tenderCode: TENDER_CODE, reference: 'E440305202600016001' }, bidding, 'BAD_USER_INPUT', 'input.reference',
      `input.reference "E440305202600016001" differs from the X-Case-Reference header "${TENDER_CODE}": a check belongs to the case declared for the request; send the same reference in both, or leave input.reference out to use the header's`],
    ['neither a tender code nor subjects', {}, bidding, 'BAD_USER_INPUT', 'input.subjects', 'input needs a tenderCode (every party of the tender is checked) or subjects (1 to 200)'],
    ['a malformed tender code', { tenderCode: 'E4403;DROP' }, bidding, 'BAD_USER_INPUT', 'input.tenderCode', 'input.tenderCode must be a bid section code (标段编号) such as E440305202600016001, got "E4403;DROP"'],
  ])('refuses %s, storing nothing', async (_case, input, actor, code, field, message) => {
    const before = await count(knex);
    const result = await exec(RUN, { input: { purpose: 'BIDDING', ...input } }, actor);
    expect(result.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code, field }) })]);
    expect(await count(knex)).toBe(before);
  });

  it('the reference defaults to X-Case-Reference; the same reference in both is accepted', async () => {
    expect((await run({ subjects: [{ uscc: clean[4], role: 'SUPPLIER' }] })).reference).toBe(TENDER_CODE);
    expect((await run({ subjects: [{ uscc: clean[4], role: 'SUPPLIER' }], reference: TENDER_CODE })).reference).toBe(TENDER_CODE);
  });

  it('lists each bad entry of the subjects, naming each', async () => {
    const result = await exec(RUN, { input: { purpose: 'BIDDING', subjects: [
      { uscc: clean[0], role: 'SUPPLIER' }, { uscc: clean[0], role: 'SUPPLIER' }, { uscc: clean[1], role: 'CONSORTIUM_MEMBER', consortium: ' ' }, { uscc: clean[1], role: 'SUPPLIER' },
    ] } });
    expect(result.errors).toEqual([expect.objectContaining({
      message: `input.subjects[1].uscc repeats ${clean[0]} (already input.subjects[0]); list each subject once; input.subjects[2].consortium must be 1 to 200 characters when given; input.subjects[3].uscc repeats ${clean[1]} (already input.subjects[2]); list each subject once`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.subjects[1].uscc', fields: ['input.subjects[1].uscc', 'input.subjects[2].consortium', 'input.subjects[3].uscc'] },
    })]);
  });

  it('creditChecks finds a consumer\'s own checks again by tender code, reference and verdict, newest first, page by page', async () => {
    const mine = await run({ tenderCode: TENDER_CODE });
    const passed = await run({ subjects: [{ uscc: clean[4], role: 'SUPPLIER' }] });
    await run({ tenderCode: TENDER_CODE }, { ...otherBidding });
    const byTender = await exec(LIST, { filter: { tenderCode: TENDER_CODE.toLowerCase() }, first: 100 });
    const nodes = (byTender.data as { creditChecks: { edges: { node: Run }[] } }).creditChecks.edges.map((e) => e.node);
    expect(nodes[0]).toEqual({ id: mine.id, reference: TENDER_CODE, overallVerdict: 'REJECT', tender: { code: TENDER_CODE } });
    expect(nodes.every((n) => n.tender?.code === TENDER_CODE)).toBe(true);
    // The other system's check of the same tender is not the bidding system's to see; the credit office sees it.
    const all = await exec(LIST, { filter: { tenderCode: TENDER_CODE }, first: 100 }, creditOffice);
    expect((all.data as { creditChecks: { totalCount: number } }).creditChecks.totalCount).toBe(nodes.length + 1);
    const passing = await exec(LIST, { filter: { reference: TENDER_CODE, verdict: 'PASS' }, first: 1 });
    expect(passing.data).toMatchObject({ creditChecks: { edges: [{ node: { id: passed.id, overallVerdict: 'PASS', tender: null } }], pageInfo: { hasNextPage: true, hasPreviousPage: false } } });
    const next = await exec(LIST, { filter: { reference: TENDER_CODE, verdict: 'PASS' }, first: 1, after: (passing.data as { creditChecks: { pageInfo: { endCursor: string } } }).creditChecks.pageInfo.endCursor });
    expect(next.data).toMatchObject({ creditChecks: { pageInfo: { hasPreviousPage: true } } });
    expect((next.data as { creditChecks: { edges: { node: { id: string } }[] } }).creditChecks.edges[0]!.node.id).not.toBe(passed.id);
    const later = await exec(LIST, { filter: { tenderCode: TENDER_CODE, from: new Date(Date.now() + 60_000).toISOString() } });
    expect(later.data).toMatchObject({ creditChecks: { totalCount: 0, edges: [] } });
  });

  it.each([
    ['a reversed range', { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, 'filter.from'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['a page too large', { first: 101 }, 'first'],
  ])('creditChecks refuses %s naming the argument', async (_case, variables, field) => {
    const result = await exec(LIST, variables);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) })]);
  });

  it('a caller without a checking role is refused, each role named once', async () => {
    const result = await exec(LIST, {}, PUBLIC);
    expect(result.errors).toEqual([expect.objectContaining({
      message: 'Listing credit checks needs one of the roles BIDDING_SYSTEM, CREDIT_OFFICE_ADMIN, AUDITOR; the public has none of them',
      extensions: { code: 'FORBIDDEN', requiredRoles: ['BIDDING_SYSTEM', 'CREDIT_OFFICE_ADMIN', 'AUDITOR'] },
    })]);
  });

  it('feedback must fit the verdict, and a correction supersedes the current entry with the history kept', async () => {
    const check = await run({ tenderCode: TENDER_CODE });
    const feedback = (input: Record<string, unknown>) => exec(FEEDBACK, { input: { checkId: check.id, ...input } });
    const deducted = await feedback({ subjectUscc: clean[1], usage: 'SCORE_DEDUCTED' });
    expect(deducted.errors).toEqual([expect.objectContaining({
      message: `input.usage SCORE_DEDUCTED does not fit verdict PASS of ${clean[1]}: after PASS report one of NO_ACTION, OTHER (rules/feedback-usage-rules.json, from 2026-11-27)`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.usage', verdict: 'PASS', allowedUsages: ['NO_ACTION', 'OTHER'] },
    })]);
    expect((await feedback({ subjectUscc: clean[1], usage: 'OTHER' })).errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'input.note' } })]);

    const first = await feedback({ subjectUscc: defaulter, usage: 'SCORE_DEDUCTED', note: '扣分' });
    const firstId = (first.data as { recordCheckFeedback: { id: string } }).recordCheckFeedback.id;
    expect(first).toEqual({ data: { recordCheckFeedback: { id: firstId, supersedes: null, subjectUscc: defaulter, usage: 'SCORE_DEDUCTED', note: '扣分' } } });
    const again = await feedback({ subjectUscc: defaulter, usage: 'BID_REJECTED' });
    expect(again.errors).toEqual([expect.objectContaining({
      message: `feedback on check ${check.id} for ${defaulter} is already recorded (entry ${firstId}); to correct it, send input.corrects: "${firstId}" (earlier entries stay in feedbackHistory)`,
      extensions: { code: 'CONFLICT', currentEntry: firstId },
    })]);
    const corrected = await feedback({ subjectUscc: defaulter, usage: 'BID_REJECTED', note: '依法否决投标', corrects: firstId });
    const secondId = (corrected.data as { recordCheckFeedback: { id: string } }).recordCheckFeedback.id;
    expect(corrected).toEqual({ data: { recordCheckFeedback: { id: secondId, supersedes: firstId, subjectUscc: defaulter, usage: 'BID_REJECTED', note: '依法否决投标' } } });
    // Correcting the old entry again is stale: the answer names the current one.
    const stale = await feedback({ subjectUscc: defaulter, usage: 'AWARD_CANCELLED', corrects: firstId });
    expect(stale.errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', currentEntry: secondId } })]);

    expect(await exec(HISTORY, { id: check.id })).toEqual({ data: { creditCheck: {
      feedback: [{ id: secondId, supersedes: firstId, supersededBy: null, usage: 'BID_REJECTED', note: '依法否决投标' }],
      feedbackHistory: [
        { id: firstId, supersedes: null, supersededBy: secondId, usage: 'SCORE_DEDUCTED', note: '扣分' },
        { id: secondId, supersedes: firstId, supersededBy: null, usage: 'BID_REJECTED', note: '依法否决投标' },
      ],
    } } });
    // Case publicity shows the current usage only.
    const cases = await exec('{ checkCases(first: 200) { usage } }', {}, PUBLIC);
    expect((cases.data as { checkCases: { usage: string }[] }).checkCases.filter((c) => c.usage === 'SCORE_DEDUCTED')).toEqual([]);
  });
});
