import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 4 (completeness): the ledger names every subject and civil servant a read touches — checks,
// their evidence, links to people — under their real type, and keeps operation names bounded.

const ENTERPRISE = '91440300MA5E9NHA04';
const TENDER = '深南招〔2026〕0042号';
const RUN = `mutation Run($input: RunCreditCheckInput!) { runCreditCheck(input: $input) { id overallVerdict } }`;

interface LedgerRow {
  consumer_id: string | null;
  operation_name: string | null;
  fields_read: string[];
  subject_usccs: string[];
  civil_servant_ids: string[];
  details: Record<string, unknown>;
}

describe.each(TEST_DATABASES)('ledger completeness over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let other: string;
  const lastEntry = async (): Promise<LedgerRow> => hub.hub.knex('audit_ledger').orderBy('seq', 'desc')
    .first('consumer_id', 'operation_name', 'fields_read', 'subject_usccs', 'civil_servant_ids', 'details');

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    other = (await hub.hub.knex('organisations').where({ kind: 'ENTERPRISE' }).whereNot({ uscc: ENTERPRISE }).orderBy('uscc').first('uscc')).uscc;
  });
  afterAll(async () => hub?.close());

  it('a credit check records its subjects, and the enterprise finds it in its access log', async () => {
    const subjects = [{ uscc: ENTERPRISE, role: 'TENDERER' }, { uscc: other, role: 'TENDERER' }];
    const { body } = await hub.query<{ runCreditCheck: { id: string } }>(RUN, { input: { subjects, purpose: 'BIDDING', reference: TENDER } }, asConsumer(keys.bidding, 'BIDDING', TENDER));
    expect(body.errors).toBeUndefined();
    const checkId = body.data!.runCreditCheck.id;
    expect(await lastEntry()).toEqual({
      consumer_id: 'bidding-system', operation_name: 'Run', fields_read: ['Mutation.runCreditCheck'],
      subject_usccs: [ENTERPRISE, other].sort(), civil_servant_ids: [], details: {},
    });
    const log = await hub.query(`{ accessLog(uscc: "${ENTERPRISE}") { entries { consumerId purpose caseReference operationName fieldsRead outcome } } }`, undefined, asConsumer(keys.self, 'SELF_INQUIRY'));
    expect((log.body.data as { accessLog: { entries: unknown[] } }).accessLog.entries[0]).toEqual({
      consumerId: 'bidding-system', purpose: 'BIDDING', caseReference: TENDER, operationName: 'Run', fieldsRead: ['Mutation.runCreditCheck'], outcome: 'OK',
    });

    // Reading the stored check back touches the same subjects; its id is kept as a check's id.
    const read = await hub.query(`query ReadCheck { creditCheck(id: "${checkId}") { overallVerdict } }`, undefined, asConsumer(keys.bidding, 'BIDDING', TENDER));
    expect(read.body.errors).toBeUndefined();
    expect(await lastEntry()).toEqual({
      consumer_id: 'bidding-system', operation_name: 'ReadCheck', fields_read: ['Query.creditCheck'],
      subject_usccs: [ENTERPRISE, other].sort(), civil_servant_ids: [], details: { ids: { CreditCheck: [checkId] } },
    });
  });

  it.each([
    ['creditCheck', 'CreditCheck', '0b6c1f1e-0000-4000-8000-000000000001', 'BIDDING'],
    ['objection', 'Objection', '424242', null],
    ['repairApplication', 'RepairApplication', '424242', null],
  ])('%s(id:) records its id as a %s id, never as a civil servant', async (field, type, id, purpose) => {
    const headers = purpose ? asConsumer(keys.bidding, purpose, TENDER) : asConsumer(keys.admin, 'SUPERVISION');
    const { body } = await hub.query(`query ById { ${field}(id: "${id}") { __typename } }`, undefined, headers);
    expect(body).toEqual({ data: { [field]: null } });
    expect(await lastEntry()).toMatchObject({ civil_servant_ids: [], subject_usccs: [], details: { ids: { [type]: [id] } } });
  });

  it('records read with their civil servants record those civil servants', async () => {
    const { body } = await hub.query<{ creditRecords: { edges: { node: { id: string; civilServant: { name: string } | null } }[] } }>(
      'query People { creditRecords(first: 20, filter: { kinds: [GOVERNMENT_SANCTION] }) { edges { node { id civilServant { name } } } } }',
      undefined, asConsumer(keys.admin, 'SUPERVISION'));
    expect(body.errors).toBeUndefined();
    const recordIds = body.data!.creditRecords.edges.filter((e) => e.node.civilServant !== null).map((e) => e.node.id);
    expect(recordIds.length).toBeGreaterThan(0);
    const people = (await hub.hub.knex('credit_records').whereIn('id', recordIds).pluck('civil_servant_id')).map(String);
    expect((await lastEntry()).civil_servant_ids).toEqual([...new Set(people)].sort());
  });

  it('keeps at most 200 characters of an operation name, with the SHA-256 of the full name', async () => {
    const name = `Q${'x'.repeat(100_000)}`;
    const { body } = await hub.query(`query ${name} { civilServant(id: "1") { name } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entry = await lastEntry();
    expect(entry.operation_name).toBe(name.slice(0, 200));
    expect(entry.details).toEqual({
      forbidden: ['Query.civilServant'],
      operationName: { length: name.length, sha256: createHash('sha256').update(name, 'utf8').digest('hex') },
    });
  });
});
