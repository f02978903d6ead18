import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Issue 10 item 3: a source unit reported a decision in another authority's name, the public saw it "decided by"
// that body, and the real authority was then refused its own document number (the key was squatted). Now a unit
// reports only the authorities it is registered for, a clash with another unit is queued for the credit office,
// and document numbers are compared in canonical form.
const SCJG = '114403000022215361'; // 深圳市市场监督管理局: the test consumer `sourceUnit` reports for it
const POLICE = '11440300000214455U'; // 深圳市公安局: source unit of SZ-CF-GAJ-001
const CASE = '深市监归集〔2026〕9号';

const INGEST = `mutation Ingest($input: IngestRecordsInput!) {
  ingestRecords(input: $input) { counts { accepted updated unchanged rejected } rows { status recordId documentNumber errors { field message } } }
}`;

interface Report {
  counts: Record<string, number>;
  rows: { status: string; recordId: string | null; documentNumber: string; errors: { field: string; message: string }[] }[];
}

describe.each(TEST_DATABASES)('reporting authority over HTTP on $name', (database) => {
  let hub: TestHub;
  let keys: Awaited<ReturnType<typeof createTestConsumers>>;
  let subject: { uscc: string; name: string };
  const asScjg = () => asConsumer(keys.sourceUnit, 'RECORD_REPORTING', CASE);
  const asAdmin = () => asConsumer(keys.admin, 'SUPERVISION', CASE);
  const penalty = (documentNumber: string, authority: { uscc: string; name: string }, sourceUnit: { uscc: string; name: string }) => ({
    CF_XDR_MC: subject.name, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: subject.uscc, CF_WSH: documentNumber,
    CF_WFXW: '违反治安管理', CF_YJ: '《中华人民共和国治安管理处罚法》第五十四条', CF_CFLB: '罚款', CF_NR: '罚款人民币5000元', CF_NR_FK: '0.5',
    CF_JDRQ: '20261120', CF_CFJG: authority.name, CF_CFJGDM: authority.uscc, CF_SJLY: sourceUnit.name, CF_SJLYDM: sourceUnit.uscc,
  });
  const scjg = { uscc: SCJG, name: '深圳市市场监督管理局' };
  const police = { uscc: POLICE, name: '深圳市公安局' };
  const ingest = async (rows: unknown[], headers: Record<string, string>, sourceUnit: string) =>
    (await hub.query<{ ingestRecords: Report }>(INGEST, { input: { format: 'JSON', rows, sourceUnit } }, headers)).body;
  const publicRecords = async (documentFragment: string) => {
    const { body } = await hub.query<{ subject: { creditRecords: { edges: { node: { id: string; documentNumber: string; authority: { uscc: string } } }[] } } }>(
      `{ subject(uscc: "${subject.uscc}") { creditRecords(first: 100) { edges { node { id documentNumber authority { uscc } } } } } }`);
    expect(body.errors).toBeUndefined();
    return body.data!.subject.creditRecords.edges.map((e) => e.node).filter((n) => n.documentNumber.includes(documentFragment));
  };

  beforeAll(async () => {
    hub = await startTestHub(database);
    keys = await createTestConsumers(hub.hub.knex);
    subject = await hub.hub.knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').first('uscc', 'name');
  });
  afterAll(async () => hub?.close());

  it('a source unit cannot report a decision in another authority\'s name: the row is rejected naming CF_CFJGDM and the fix', async () => {
    const body = await ingest([penalty('深公罚〔2026〕7701号', police, scjg)], asScjg(), SCJG);
    expect(body.errors).toBeUndefined();
    const report = body.data!.ingestRecords;
    expect(report.counts).toEqual({ accepted: 0, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.rows).toEqual([{
      status: 'REJECTED', recordId: null, documentNumber: '深公罚〔2026〕7701号',
      errors: [{ field: 'CF_CFJGDM', message: expect.stringMatching(new RegExp(`^source unit ${SCJG} is not registered to report decisions of authority ${POLICE}; report only decisions of the authorities it is registered for \\(.*${SCJG}.*\\), or ask the credit office to register it for this authority \\(registerSourceUnitAuthority\\)$`)) }],
    }]);
    expect(await publicRecords('7701')).toEqual([]);
  });

  it('the real authority then reports its own document number, and the public sees it decided by that authority', async () => {
    const body = await ingest([penalty('深公罚〔2026〕7701号', police, police)], asAdmin(), POLICE);
    expect(body.errors).toBeUndefined();
    expect(body.data!.ingestRecords.rows).toEqual([{ status: 'ACCEPTED', recordId: expect.any(String), documentNumber: '深公罚〔2026〕7701号', errors: [] }]);
    expect(await publicRecords('7701')).toEqual([{ id: body.data!.ingestRecords.rows[0]!.recordId, documentNumber: '深公罚〔2026〕7701号', authority: { uscc: POLICE } }]);
  });

  it('the same decision reported with other brackets, widths or spaces is one record, shown as first reported', async () => {
    const first = await ingest([penalty('深市监罚〔2026〕7702号', scjg, scjg)], asScjg(), SCJG);
    const recordId = first.data!.ingestRecords.rows[0]!.recordId;
    expect(first.data!.ingestRecords.rows[0]).toMatchObject({ status: 'ACCEPTED', recordId: expect.any(String) });
    const again = await ingest([penalty('深市监罚[2026]7702号', scjg, scjg), penalty('深市监罚 （２０２６） ７７０２号', scjg, scjg)], asScjg(), SCJG);
    expect(again.data!.ingestRecords.rows).toEqual([
      { status: 'UNCHANGED', recordId, documentNumber: '深市监罚[2026]7702号', errors: [] },
      { status: 'REJECTED', recordId: null, documentNumber: '深市监罚 （２０２６） ７７０２号', errors: [{ field: 'CF_WSH', message: 'repeats the authority and document number of row 1; send each decision once per batch' }] },
    ]);
    const later = await ingest([penalty('深市监罚（２０２６）７７０２号', scjg, scjg)], asScjg(), SCJG);
    expect(later.data!.ingestRecords.rows).toEqual([{ status: 'UNCHANGED', recordId, documentNumber: '深市监罚（２０２６）７７０２号', errors: [] }]);
    expect(await publicRecords('7702')).toEqual([{ id: recordId, documentNumber: '深市监罚〔2026〕7702号', authority: { uscc: SCJG } }]);
  });

  it('only the credit office registers a unit for an authority; a source unit does not even see the mutation', async () => {
    const mutation = `mutation { registerSourceUnitAuthority(sourceUnit: "${POLICE}", authority: "${SCJG}") { sourceUnit authority registeredBy } }`;
    const refused = await hub.query(mutation, undefined, asScjg());
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const registered = await hub.query(mutation, undefined, asAdmin());
    expect(registered.body).toEqual({ data: { registerSourceUnitAuthority: { sourceUnit: POLICE, authority: SCJG, registeredBy: 'credit-office' } } });
    const unknown = await hub.query(`mutation { registerSourceUnitAuthority(sourceUnit: "${POLICE}", authority: "914403001922038216") { sourceUnit } }`, undefined, asAdmin());
    expect(unknown.body.errors?.[0]).toMatchObject({ message: 'Argument "authority": no organisation has the USCC 914403001922038216; register the organisation first', extensions: { code: 'BAD_USER_INPUT' } });
    const list = await hub.query<{ sourceUnitAuthorities: { authority: string }[] }>(`{ sourceUnitAuthorities(sourceUnit: "${POLICE}") { authority } }`, undefined, asAdmin());
    expect(list.body.data!.sourceUnitAuthorities.map((r) => r.authority)).toEqual(expect.arrayContaining([POLICE, SCJG]));
  });

  it('a registered unit reporting a decision another unit already reported is queued for the credit office, not silently refused', async () => {
    const recordId = (await publicRecords('7702'))[0]!.id;
    const body = await ingest([penalty('深市监罚 [2026] 7702号', scjg, police)], asAdmin(), POLICE);
    const reason = `${SCJG}'s decision 深市监罚〔2026〕7702号 is already record ${recordId}, reported by source unit ${SCJG}`;
    expect(body.data!.ingestRecords.rows).toEqual([{
      status: 'REJECTED', recordId: null, documentNumber: '深市监罚 [2026] 7702号',
      errors: [{ field: 'CF_WSH', message: `${reason}; nothing was written and the conflict is queued for the credit office (data-quality queue) to settle` }],
    }]);
    const queue = await hub.query<{ dataQualityIssues: unknown[] }>(
      `{ dataQualityIssues(sourceUnit: "${POLICE}") { sourceUnit recordAuthority recordDocumentNumber field value reason status kind conflictingRecordId expectedCharacter } }`, undefined, asAdmin());
    expect(queue.body).toEqual({ data: { dataQualityIssues: [{
      sourceUnit: POLICE, recordAuthority: SCJG, recordDocumentNumber: '深市监罚 [2026] 7702号', field: 'CF_WSH', value: '深市监罚 [2026] 7702号',
      reason, status: 'OPEN', kind: 'KEY_CONFLICT', conflictingRecordId: recordId, expectedCharacter: null,
    }] } });
    const unregistered = await hub.query(`mutation { unregisterSourceUnitAuthority(sourceUnit: "${POLICE}", authority: "${SCJG}") }`, undefined, asAdmin());
    expect(unregistered.body).toEqual({ data: { unregisterSourceUnitAuthority: true } });
  });
});
