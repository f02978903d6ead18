import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditActor } from '../../../src/credit/actorOf.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../../src/credit/index.js';
import { createCreditCheckWorkflow, createCheckSigner, verifyCheckJws } from '../../../src/workflows/creditChecks/index.js';
import { createSeededKnex } from '../../support/createTestStore.js';
import { TEST_DATABASES } from '../../support/databases.js';

const bidding: CreditActor = { consumerId: 'bidding-system', consumerName: '招标系统', consumerKind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], subjects: [], purpose: 'BIDDING', caseReference: 'E4403052026000100' };
const creditOffice: CreditActor = { ...bidding, consumerId: 'credit-office', consumerName: '信用办', consumerKind: 'DEPARTMENT', roles: ['CREDIT_OFFICE_ADMIN'], purpose: 'SUPERVISION' };
const otherBidding: CreditActor = { ...bidding, consumerId: 'other-bidding', consumerName: '另一招标系统' };
const PUBLIC: CreditActor = { consumerId: null, consumerName: null, consumerKind: null, roles: ['PUBLIC'], subjects: [], purpose: null, caseReference: null };

const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) {
  id asOf purpose overallVerdict signedResult keyId
  subjects { uscc role verdict decidingRule { id } evidence { recordId kind documentNumber authorityName decisionDate status ruleId effect } } } }`;
const FEEDBACK = `mutation F($input: RecordCheckFeedbackInput!) { recordCheckFeedback(input: $input) { checkId subjectUscc usage note } }`;
const GET = `query G($id: ID!) { creditCheck(id: $id) { id overallVerdict signedResult feedback { subjectUscc usage } } }`;

interface Subject { uscc: string; verdict: string; decidingRule: { id: string }; evidence: { recordId: string; status: string; effect: string }[] }
interface Check { id: string; asOf: string; overallVerdict: string; signedResult: string; keyId: string; subjects: Subject[] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = async (query: Knex.QueryBuilder): Promise<number> => Number(((await query.count({ n: '*' })) as { n: string | number }[])[0]!.n);

describe.each(TEST_DATABASES)('credit checks on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;
  let clean: string;
  const signer = createCheckSigner(null);

  const exec = async (source: string, variables: Record<string, unknown>, actor: CreditActor = bidding) =>
    graphql({ schema, source, variableValues: variables, contextValue: { actor } });
  const check = async (usccs: string[], asOf?: Date, purpose = 'BIDDING', actor: CreditActor = bidding): Promise<Check> => {
    const result = await exec(RUN, { input: { subjects: usccs.map((uscc) => ({ uscc, role: 'SUPPLIER' })), purpose, reference: 'E4403052026000100', asOf: asOf?.toISOString() } }, actor);
    expect(result.errors).toBeUndefined();
    return (result.data as { runCreditCheck: Check }).runCreditCheck;
  };
  /** Inserts a judgment-defaulter record for `uscc` copied from an existing one; returns its id. */
  const addDefaulterRecord = async (uscc: string, documentNumber: string): Promise<string> => {
    const template = await knex('credit_records').where({ kind: 'JUDGMENT_DEFAULTER' }).first();
    const { id: _id, created_at: _c, updated_at: _u, district_code: _d, subject_kind: _k, ...row } = template;
    const [inserted] = await knex('credit_records')
      .insert({ ...row, subject_uscc: uscc, document_number: documentNumber, status: 'IN_PUBLICITY', decision_date: '2026-01-05', publicity_end: null })
      .returning('id');
    return String(inserted.id);
  };

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    const workflow = createCreditCheckWorkflow({ knex, vault: createIdNumberVault(DEVELOPMENT_DATA_KEY), checkSigningKeyPem: null });
    schema = workflow.subschemas[0]!.schema;
    clean = (await knex('organisations as o').where('o.kind', 'ENTERPRISE')
      .whereNotExists(knex('credit_records as r').whereRaw('r.subject_uscc = o.uscc')).orderBy('o.uscc').first('o.uscc')).uscc;
  });
  afterAll(async () => close?.());

  it('the database keeps one open version per record, written by the trigger', async () => {
    const records = await count(knex('credit_records'));
    expect(await count(knex('credit_record_versions').whereNull('valid_to'))).toBe(records);
    expect(records).toBeGreaterThan(0);
  });

  it('a judgment defaulter is rejected with its evidence, and the signed result verifies with the key set', async () => {
    const defaulter = await knex('credit_records').where({ kind: 'JUDGMENT_DEFAULTER', status: 'IN_PUBLICITY' })
      .whereNotNull('subject_uscc').where((q) => q.whereNull('publicity_end').orWhere('publicity_end', '>=', knex.raw('current_date')))
      .where('decision_date', '<=', knex.raw('current_date')).first('id', 'subject_uscc', 'document_number');
    const result = await check([defaulter.subject_uscc, clean]);
    expect(result.overallVerdict).toBe('REJECT');
    expect(result.subjects[0]).toMatchObject({ uscc: defaulter.subject_uscc, verdict: 'REJECT', decidingRule: { id: 'JUDGMENT_DEFAULTER' } });
    expect(result.subjects[0]!.evidence).toContainEqual(expect.objectContaining({ recordId: String(defaulter.id), kind: 'JUDGMENT_DEFAULTER', documentNumber: defaulter.document_number, status: 'IN_PUBLICITY', effect: 'REJECT' }));
    expect(result.subjects[1]).toMatchObject({ uscc: clean, verdict: 'PASS', decidingRule: { id: 'NO_MATCHING_RECORD' }, evidence: [] });
    const verified = verifyCheckJws(result.signedResult, { keys: [signer.publicKey] });
    expect(verified).toMatchObject({ ok: true, payload: { checkId: result.id, consumer: { id: 'bidding-system' }, purpose: 'BIDDING', reference: 'E4403052026000100' } });
    expect((verified as unknown as { payload: { subjects: unknown } }).payload.subjects).toEqual(result.subjects.map((s) => expect.objectContaining({ uscc: s.uscc, verdict: s.verdict })));
    expect(await knex('credit_check_keys').pluck('kid')).toEqual([signer.kid]);
  });

  it('as of a past moment: a record added after it, or repaired after it, does not change that check', async () => {
    const before = await check([clean]);
    await sleep(5);
    const recordId = await addDefaulterRecord(clean, '(2026)粤0305执9901号');
    expect((await check([clean], new Date(before.asOf))).subjects[0]).toMatchObject({ verdict: 'PASS', evidence: [] });
    const known = await check([clean]);
    expect(known.subjects[0]).toMatchObject({ verdict: 'REJECT', evidence: [{ recordId, status: 'IN_PUBLICITY' }] });

    await sleep(5);
    await knex('credit_records').where({ id: recordId }).update({ status: 'REPAIRED', updated_at: knex.fn.now() });
    // The credit office reproduces the past in full; the bidding system never gets a record out of view now.
    const again = await check([clean], new Date(known.asOf), 'BIDDING', creditOffice);
    expect(again.subjects).toEqual(known.subjects);
    expect((await check([clean], new Date(known.asOf))).subjects[0]).toMatchObject({ verdict: 'PASS', evidence: [] });
    expect((await check([clean])).subjects[0]).toMatchObject({ verdict: 'PASS', evidence: [] });
    await knex('credit_records').where({ id: recordId }).delete();
    expect((await check([clean], new Date(known.asOf), 'BIDDING', creditOffice)).subjects[0]).toMatchObject({ verdict: 'REJECT', evidence: [{ recordId }] });
    expect((await check([clean], new Date(known.asOf))).subjects[0]).toMatchObject({ verdict: 'PASS', evidence: [] });
  });

  it('feedback by the consumer that ran the check, a first answer once per subject; the stored check shows it', async () => {
    const { id } = await check([clean]);
    const recorded = await exec(FEEDBACK, { input: { checkId: id, subjectUscc: clean, usage: 'NO_ACTION', note: ' 无异常 ' } });
    expect(recorded).toEqual({ data: { recordCheckFeedback: { checkId: id, subjectUscc: clean, usage: 'NO_ACTION', note: '无异常' } } });
    const twice = await exec(FEEDBACK, { input: { checkId: id, subjectUscc: clean, usage: 'NO_ACTION' } });
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT');
    // Another consumer's check answers exactly like a missing one: ids cannot be probed.
    const other = await exec(FEEDBACK, { input: { checkId: id, subjectUscc: clean, usage: 'BID_REJECTED' } }, otherBidding);
    expect(other).toEqual({ data: null, errors: [expect.objectContaining({ message: `no credit check has id ${id} that you may see; use the id runCreditCheck answered you`, extensions: { code: 'NOT_FOUND' } })] });
    const missingId = '00000000-0000-4000-8000-000000000000';
    const missing = await exec(FEEDBACK, { input: { checkId: missingId, subjectUscc: clean, usage: 'BID_REJECTED' } }, otherBidding);
    expect(missing).toEqual({ data: null, errors: [expect.objectContaining({ message: `no credit check has id ${missingId} that you may see; use the id runCreditCheck answered you`, extensions: { code: 'NOT_FOUND' } })] });
    const stored = await exec(GET, { id });
    expect(stored.data).toMatchObject({ creditCheck: { id, feedback: [{ subjectUscc: clean, usage: 'NO_ACTION' }] } });
    expect(await exec(GET, { id }, otherBidding)).toEqual({ data: { creditCheck: null } });
    expect(await exec(GET, { id: '00000000-0000-4000-8000-000000000000' })).toEqual({ data: { creditCheck: null } });
  });

  it.each([
    ['the public', PUBLIC, { purpose: 'BIDDING' }, 'FORBIDDEN', undefined],
    ['a purpose other than the declared one', bidding, { purpose: 'GOVERNMENT_PROCUREMENT' }, 'BAD_USER_INPUT', 'input.purpose'],
    ['a moment in the future', bidding, { purpose: 'BIDDING', asOf: new Date(Date.now() + 3_600_000).toISOString() }, 'BAD_USER_INPUT', 'input.asOf'],
    ['an empty reference', bidding, { purpose: 'BIDDING', reference: ' ' }, 'BAD_USER_INPUT', 'input.reference'],
    ['a subject twice', bidding, { purpose: 'BIDDING', twice: true }, 'BAD_USER_INPUT', 'input.subjects[1].uscc'],
  ])('refuses %s, storing nothing', async (_name, actor, change, code, field) => {
    const before = await count(knex('credit_checks'));
    const { twice, ...rest } = change as { twice?: boolean };
    const subjects = twice ? [{ uscc: clean, role: 'SUPPLIER' }, { uscc: clean, role: 'CONSORTIUM_MEMBER' }] : [{ uscc: clean, role: 'SUPPLIER' }];
    const result = await exec(RUN, { input: { subjects, ...rest } }, actor);
    expect(result.errors![0]!.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await count(knex('credit_checks'))).toBe(before);
  });

  it('after a key rotation the key set still lists the old key, and checks signed with either verify', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const rotated = createCreditCheckWorkflow({ knex, vault: createIdNumberVault(DEVELOPMENT_DATA_KEY), checkSigningKeyPem: pem });
    const run = await graphql({ schema: rotated.subschemas[0]!.schema, source: RUN, contextValue: { actor: bidding },
      variableValues: { input: { subjects: [{ uscc: clean, role: 'SUPPLIER' }], purpose: 'BIDDING' } } });
    const fresh = (run.data as { runCreditCheck: Check }).runCreditCheck;
    const old = await check([clean]);
    const served = await new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve) => {
      const res = { writeHead: (status: number, headers: Record<string, string>) => Object.assign(res, { status, headers }),
        end: (body: string) => resolve({ ...(res as unknown as { status: number; headers: Record<string, string> }), body }) };
      expect(rotated.routes[0]!({ method: 'GET' } as IncomingMessage, res as unknown as ServerResponse, '/.well-known/credit-check-keys')).toBe(true);
    });
    expect(served).toMatchObject({ status: 200, headers: { 'content-type': 'application/jwk-set+json' } });
    const jwks = JSON.parse(served.body) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([fresh.keyId, signer.kid]);
    expect(verifyCheckJws(fresh.signedResult, jwks).ok).toBe(true);
    expect(verifyCheckJws(old.signedResult, jwks).ok).toBe(true);
  });
});
