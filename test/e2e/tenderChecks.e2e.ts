import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

interface Rule { id: string; effect: string; description: string; kinds: string[]; purposes?: string[]; catalogItems?: string[] }
const CHECK_RULES = JSON.parse(readFileSync(new URL('../../src/workflows/creditChecks/rules/check-rules.json', import.meta.url), 'utf8')) as { rules: Rule[] };
/**
 * The first rule (file order) a record matches for `purpose`, on kinds, purposes and catalogue items. The rules that
 * reject name no other condition and come before every other rule, so this tells which records reject.
 */
const firstRuleFor = (purpose: string, record: { kind: string; catalog_item_code: string }): Rule | undefined =>
  CHECK_RULES.rules.find((rule) => rule.kinds.includes(record.kind) && (!rule.purposes || rule.purposes.includes(purpose))
    && (!rule.catalogItems || rule.catalogItems.includes(record.catalog_item_code)));

// An awarded tender of the small sandbox with two consortia, sole bidders and an agent (gateways/bidding/README.md).
const TENDER = 'E440304202500018001';
const PARTIES = `{ tender(code: "${TENDER}") { name tendererUscc agentUscc bids { bidderUscc consortium consortiumMembers { memberUscc leader } } } }`;
const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  id reference overallVerdict signedResult tender { code name status }
  subjects { uscc role consortium verdict decidingRule { id description } evidence { kind documentNumber decisionDate effect } } } }`;
const FIND = `query Find($filter: CreditCheckFilter) { creditChecks(filter: $filter) {
  totalCount edges { node { id reference overallVerdict signedResult tender { code } } } } }`;

interface Party { bidderUscc: string; consortium: boolean; consortiumMembers: { memberUscc: string; leader: boolean }[] }
interface Subject { uscc: string; role: string; consortium: string | null; verdict: string; decidingRule: { id: string; description: string }; evidence: { kind: string; documentNumber: string; effect: string }[] }
interface Check { id: string; reference: string; overallVerdict: string; signedResult: string; tender: { code: string; name: string; status: string }; subjects: Subject[] }

describe.each(TEST_DATABASES)('a whole tender checked by its code over HTTP on $name', (database) => {
  let hub: TestHub;
  let headers: Record<string, string>;
  let check: Check;

  beforeAll(async () => {
    hub = await startTestHub(database);
    const keys = await createTestConsumers(hub.hub.knex);
    headers = asConsumer(keys.bidding, 'BIDDING', TENDER);
  });
  afterAll(async () => hub?.close());

  it('checks the tenderer, the agent, every bidder and every consortium member with its role; the REJECT says why', async () => {
    const { body: tender } = await hub.query<{ tender: { name: string; tendererUscc: string; agentUscc: string; bids: Party[] } }>(PARTIES);
    const t = tender.data!.tender;
    const expected = [[t.tendererUscc, 'TENDERER'], [t.agentUscc, 'TENDER_AGENT'], ...t.bids.flatMap((b) => (b.consortium
      ? [[b.bidderUscc, 'CONSORTIUM_LEADER'], ...b.consortiumMembers.filter((m) => !m.leader).map((m) => [m.memberUscc, 'CONSORTIUM_MEMBER'])]
      : [[b.bidderUscc, 'SUPPLIER']]))];
    expect(t.bids.some((b) => b.consortium)).toBe(true);

    const { status, body } = await hub.query<{ runCreditCheck: Check }>(RUN, { input: { purpose: 'BIDDING', tenderCode: TENDER } }, headers);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    check = body.data!.runCreditCheck;
    expect(check).toMatchObject({ reference: TENDER, overallVerdict: 'REJECT', tender: { code: TENDER, name: t.name, status: 'AWARDED' } });
    expect(check.subjects.map((s) => [s.uscc, s.role])).toEqual(expected);
    expect(check.subjects.filter((s) => s.role.startsWith('CONSORTIUM_')).every((s) => s.consortium !== null)).toBe(true);

    // Each rejected party names the rule and the records behind it, as the rules (check-rules.json) read the
    // store: REJECT evidence is every record in publicity whose first matching rule rejects, and the deciding
    // rule is the first rejecting rule (in the file's order) one of those records matches.
    const rejected = check.subjects.filter((s) => s.verdict === 'REJECT');
    expect(rejected.length).toBeGreaterThan(0);
    const knex = hub.hub.knex;
    for (const subject of rejected) {
      const records: { kind: string; catalog_item_code: string; document_number: string }[] = await knex('credit_records')
        .where({ subject_uscc: subject.uscc, status: 'IN_PUBLICITY' })
        .where((q) => q.whereNull('publicity_end').orWhere('publicity_end', '>=', knex.raw('current_date')))
        .where('decision_date', '<=', knex.raw('current_date')).select('kind', 'catalog_item_code', 'document_number');
      const rejecting = records.map((r) => ({ r, rule: firstRuleFor('BIDDING', r) })).filter((m) => m.rule?.effect === 'REJECT');
      const deciding = CHECK_RULES.rules.find((rule) => rejecting.some((m) => m.rule === rule))!;
      expect(subject.decidingRule).toEqual({ id: deciding.id, description: deciding.description });
      expect(subject.evidence.filter((e) => e.effect === 'REJECT').map((e) => e.documentNumber).sort()).toEqual(rejecting.map((m) => m.r.document_number).sort());
    }
  });

  it('finds the check again by its tender code, exactly as it was signed', async () => {
    const { body } = await hub.query<{ creditChecks: { totalCount: number; edges: { node: Check }[] } }>(FIND, { filter: { tenderCode: TENDER } }, headers);
    expect(body).toEqual({ data: { creditChecks: { totalCount: 1, edges: [{ node: {
      id: check.id, reference: TENDER, overallVerdict: 'REJECT', signedResult: check.signedResult, tender: { code: TENDER },
    } }] } } });
  });

  it('names every malformed USCC by its entry', async () => {
    const { body } = await hub.query(`mutation { runCreditCheck(input: { purpose: BIDDING, subjects: [
      { uscc: "91440300MA5E9NHA04", role: SUPPLIER }, { uscc: "91440300MA5E9NHA05", role: SUPPLIER }, { uscc: "abc", role: SUPPLIER }] }) { id } }`, {}, headers);
    expect(body.errors!.map((e) => [e.extensions!.argumentName, e.message])).toEqual([
      ['input.subjects[1].uscc', 'Argument "input.subjects[1].uscc": USCC "91440300MA5E9NHA05" is invalid: check character should be 4, got 5'],
      ['input.subjects[2].uscc', 'Argument "input.subjects[2].uscc": USCC "ABC" is invalid: must be 18 characters, got 3'],
    ]);
  });

  it('a tender the platform does not know is NOT_FOUND naming the code; the platform down is SOURCE_UNAVAILABLE; nothing is stored', async () => {
    const stored = async () => Number((await hub.hub.knex('credit_checks').count({ n: '*' }))[0]!.n);
    const before = await stored();
    const unknown = await hub.query(RUN, { input: { purpose: 'BIDDING', tenderCode: 'E440304202599999001' } }, headers);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND', field: 'input.tenderCode' } })]);
    expect(unknown.body.errors![0]!.message).toContain('the bidding platform knows no tender E440304202599999001');

    await hub.hub.sandboxes.BIDDING!.stop();
    const down = await hub.query(RUN, { input: { purpose: 'BIDDING', tenderCode: TENDER } }, headers);
    expect(down.body).toEqual({ data: null, errors: [expect.objectContaining({ path: ['runCreditCheck'], extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING' } })] });
    expect(await stored()).toBe(before);
  });
});
