import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCheckJws } from '../../src/workflows/creditChecks/index.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const TENDER = 'E4403052026001200101';
const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  id consumerName purpose reference asOf overallVerdict signedResult keyId
  subjects { uscc name role consortium verdict decidingRule { id description }
    evidence { recordId kind documentNumber authorityUscc authorityName decisionDate status ruleId effect } } } }`;
const FEEDBACK = 'mutation F($input: RecordCheckFeedbackInput!) { recordCheckFeedback(input: $input) { usage recordedAt } }';
const CASES = '{ checkCases(first: 20) { month districtCode districtName subjectKind role purpose verdict evidenceKinds usage summary } }';

interface Subject { uscc: string; name: string | null; role: string; consortium: string | null; verdict: string; decidingRule: { id: string }; evidence: { recordId: string; kind: string; documentNumber: string; status: string }[] }
interface Check { id: string; overallVerdict: string; signedResult: string; keyId: string; subjects: Subject[] }

describe.each(TEST_DATABASES)('credit checks over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let defaulter: { uscc: string; name: string; district_code: string; document_number: string; id: string };
  let clean: string[];
  let check: Check;

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    const knex = hub.hub.knex;
    defaulter = await knex('credit_records as r').join('organisations as o', 'o.uscc', 'r.subject_uscc')
      .where({ 'r.kind': 'JUDGMENT_DEFAULTER', 'r.status': 'IN_PUBLICITY', 'o.kind': 'ENTERPRISE' })
      .where((q) => q.whereNull('r.publicity_end').orWhere('r.publicity_end', '>=', knex.raw('current_date')))
      .where('r.decision_date', '<=', knex.raw('current_date')).orderBy('r.id')
      .first('o.uscc', 'o.name', 'o.district_code', 'r.document_number', knex.raw('r.id::text as id'));
    clean = await knex('organisations as o').where('o.kind', 'ENTERPRISE')
      .whereNotExists(knex('credit_records as r').whereRaw('r.subject_uscc = o.uscc')).orderBy('o.uscc').limit(3).pluck('o.uscc');
  });
  afterAll(async () => hub?.close());

  it('a bidding system checks a supplier, a consortium of two and the tender agent, each with its verdict and evidence', async () => {
    const subjects = [
      { uscc: defaulter.uscc, role: 'SUPPLIER' },
      { uscc: clean[0], role: 'CONSORTIUM_MEMBER', consortium: '联合体甲' },
      { uscc: clean[1], role: 'CONSORTIUM_MEMBER', consortium: '联合体甲' },
      { uscc: clean[2], role: 'TENDER_AGENT' },
    ];
    const { status, body } = await hub.query<{ runCreditCheck: Check }>(RUN, { input: { subjects, purpose: 'BIDDING', reference: TENDER } }, asConsumer(keys.bidding, 'BIDDING', TENDER));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    check = body.data!.runCreditCheck;
    expect(check).toMatchObject({ consumerName: '深圳市公共资源交易中心招标系统', purpose: 'BIDDING', reference: TENDER, overallVerdict: 'REJECT' });
    expect(check.subjects.map((s) => [s.uscc, s.role, s.consortium, s.verdict, s.decidingRule.id])).toEqual([
      [defaulter.uscc, 'SUPPLIER', null, 'REJECT', 'JUDGMENT_DEFAULTER'],
      [clean[0], 'CONSORTIUM_MEMBER', '联合体甲', 'PASS', 'NO_MATCHING_RECORD'],
      [clean[1], 'CONSORTIUM_MEMBER', '联合体甲', 'PASS', 'NO_MATCHING_RECORD'],
      [clean[2], 'TENDER_AGENT', null, 'PASS', 'NO_MATCHING_RECORD'],
    ]);
    expect(check.subjects[0]!.evidence).toContainEqual(expect.objectContaining({
      recordId: defaulter.id, kind: 'JUDGMENT_DEFAULTER', documentNumber: defaulter.document_number, status: 'IN_PUBLICITY',
      authorityUscc: expect.any(String), authorityName: expect.any(String), decisionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), effect: 'REJECT',
    }));
  });

  it('the signed result verifies against the key set served over HTTP, and the CLI verifies it from the URL', async () => {
    const response = await fetch(`${hub.hub.url}/.well-known/credit-check-keys`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
    const jwks = (await response.json()) as { keys: { kid: string; kty: string; crv: string; alg: string }[] };
    expect(jwks.keys).toContainEqual(expect.objectContaining({ kid: check.keyId, kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' }));
    const verified = verifyCheckJws(check.signedResult, jwks);
    expect(verified).toMatchObject({ ok: true, payload: { checkId: check.id, reference: TENDER, overallVerdict: 'REJECT' } });

    const file = join(mkdtempSync(join(tmpdir(), 'check-')), 'check.jws');
    writeFileSync(file, check.signedResult);
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/workflows/creditChecks/cli/verifyCheck.ts', file, '--jwks', `${hub.hub.url}/.well-known/credit-check-keys`]);
    expect(stdout).toContain(`OK: signature valid (key ${check.keyId}, key set ${hub.hub.url}/.well-known/credit-check-keys)`);
  });

  it('feedback is recorded, and the anonymised case appears for case publicity without code or name', async () => {
    const { body } = await hub.query(FEEDBACK, { input: { checkId: check.id, subjectUscc: defaulter.uscc, usage: 'BID_REJECTED', note: '依法否决投标' } }, asConsumer(keys.bidding, 'BIDDING', TENDER));
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ recordCheckFeedback: { usage: 'BID_REJECTED' } });

    const cases = await hub.query<{ checkCases: Record<string, unknown>[] }>(CASES);
    expect(cases.body.errors).toBeUndefined();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    expect(cases.body.data!.checkCases).toEqual([expect.objectContaining({
      month, districtCode: defaulter.district_code, subjectKind: 'ENTERPRISE', role: 'SUPPLIER', purpose: 'BIDDING', verdict: 'REJECT',
      evidenceKinds: expect.arrayContaining(['JUDGMENT_DEFAULTER']), usage: 'BID_REJECTED',
      summary: expect.stringMatching(new RegExp(`^An enterprise in district ${defaulter.district_code} .*judgment-defaulter \\(失信被执行人\\).* was rejected in a tender \\(招标投标\\), ${month}; the bid was rejected\\.$`)),
    })]);
    const published = JSON.stringify(cases.body);
    for (const secret of [defaulter.uscc, defaulter.name, defaulter.document_number, check.id, '依法否决投标']) expect(published).not.toContain(secret);
  });

  it('the bidding system reads its stored check back with the feedback', async () => {
    const { body } = await hub.query(`{ creditCheck(id: "${check.id}") { signedResult feedback { subjectUscc usage } } }`, {}, asConsumer(keys.bidding, 'BIDDING', TENDER));
    expect(body).toEqual({ data: { creditCheck: { signedResult: check.signedResult, feedback: [{ subjectUscc: defaulter.uscc, usage: 'BID_REJECTED' }] } } });
  });

  it('the credit office checks a government body (the purchaser): an open court judgment against it needs review', async () => {
    const knex = hub.hub.knex;
    const body = await knex('credit_records as r').join('organisations as o', 'o.uscc', 'r.subject_uscc')
      .where({ 'o.kind': 'GOVERNMENT_BODY', 'r.kind': 'JUDICIAL_JUDGMENT', 'r.status': 'IN_PUBLICITY' })
      .where((q) => q.whereNull('r.publicity_end').orWhere('r.publicity_end', '>=', knex.raw('current_date')))
      .where('r.decision_date', '<=', knex.raw('current_date'))
      .whereNotExists(knex('credit_records as d').whereRaw("d.subject_uscc = o.uscc AND d.kind = 'JUDGMENT_DEFAULTER'"))
      .orderBy('r.id').first('o.uscc', knex.raw('r.id::text as id'));
    const { body: answer } = await hub.query<{ runCreditCheck: Check }>(RUN,
      { input: { subjects: [{ uscc: body.uscc, role: 'TENDERER' }], purpose: 'GOVERNMENT_PROCUREMENT', reference: 'SZCG2026-0042' } },
      asConsumer(keys.admin, 'SUPERVISION', 'SZCG2026-0042'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.runCreditCheck.subjects[0]).toMatchObject({ uscc: body.uscc, role: 'TENDERER', verdict: 'REVIEW', decidingRule: { id: 'GOVERNMENT_OPEN_FINDING' } });
    expect(answer.data!.runCreditCheck.subjects[0]!.evidence).toContainEqual(expect.objectContaining({ recordId: body.id, kind: 'JUDICIAL_JUDGMENT' }));
  });

  it('a public caller cannot run a check (FORBIDDEN) and nothing is stored', async () => {
    const before = Number((await hub.hub.knex('credit_checks').count({ n: '*' }))[0]!.n);
    const { body } = await hub.query(RUN, { input: { subjects: [{ uscc: clean[0], role: 'SUPPLIER' }], purpose: 'BIDDING', reference: TENDER } });
    expect(body.data ?? null).toBeNull();
    expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(Number((await hub.hub.knex('credit_checks').count({ n: '*' }))[0]!.n)).toBe(before);
  });
});
