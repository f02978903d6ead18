import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest, rollbackAll } from '../../db/connection.js';
import { loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/index.js';
import { consumeRateLimit, KnexAuditLedger, KnexConsumerStore } from '../../src/governance/index.js';
import { TEST_CONSUMERS } from '../support/createTestConsumers.js';
import { TEST_DATABASES } from '../support/databases.js';

/** knex's own bookkeeping, which stays when every migration is rolled back. */
const KNEX_TABLES = ['knex_migrations', 'knex_migrations_lock'];

/** The tables (and views) in the database's public schema, from the database itself. */
async function listRelations(knex: Knex): Promise<{ tables: string[]; views: string[] }> {
  const tables = (await knex('information_schema.tables').where({ table_schema: 'public', table_type: 'BASE TABLE' }).orderBy('table_name').pluck('table_name')) as string[];
  const views = (await knex('information_schema.views').where({ table_schema: 'public' }).orderBy('table_name').pluck('table_name')) as string[];
  return { tables, views };
}

const count = async (knex: Knex, table: string): Promise<number> => Number(((await knex(table).count({ n: '*' })) as { n: string | number }[])[0]!.n);

/**
 * Real rows in the tables the small sample leaves empty, each written the way the hub writes it where a
 * function does (consumers, the audit ledger, rate limits) and otherwise with the columns the migration requires.
 * A new table needs a line here: the test fails naming any table left without a row.
 */
async function fillEmptyTables(knex: Knex): Promise<void> {
  // consumers, consumer_api_keys, consumer_grants, consumer_subjects. Only roles and purposes the first
  // governance migration knows: 20261127000900's down restores the older role and purpose lists and cannot
  // hold a SOURCE_UNIT consumer or a RECORD_REPORTING / OBJECTION grant (it fails on such rows).
  const consumers = KnexConsumerStore.create(knex);
  for (const consumer of [TEST_CONSUMERS.admin, TEST_CONSUMERS.bidding, TEST_CONSUMERS.trusted, TEST_CONSUMERS.personnel]) await consumers.createConsumer(consumer);
  await KnexAuditLedger.create(knex).appendMany([{ consumerId: 'credit-office', purpose: 'SUPERVISION', outcome: 'OK', fieldsRead: ['Query.districts'] }]);
  await consumeRateLimit(knex, 'credit-office', 60);
  const record = (await knex('credit_records').whereNotNull('subject_uscc').orderBy('id').first('id', 'subject_uscc', 'status', 'source_unit_uscc')) as
    { id: string; subject_uscc: string; status: string; source_unit_uscc: string };
  const body = (await knex('organisations').where({ kind: 'GOVERNMENT_BODY' }).orderBy('uscc').first('uscc')).uscc as string;
  await knex('consumer_grant_conversions').insert({
    consumer_id: 'credit-office', purpose: 'SUPERVISION', wildcard_scope: 'CONDITIONAL', granted_at: new Date(), added_scopes: ['Enterprise.creditRecords'],
  });
  await knex('consumer_grant_additions').insert({
    consumer_id: 'credit-office', purpose: 'SUPERVISION', scope: 'Query.creditChecks', migration: '20261201009000_grant_credit_check_listing',
  });
  const document = '{ districts { code } }';
  await knex('trusted_documents').insert({
    consumer_id: 'trusted-bidding', document, document_hash: createHash('sha256').update(document, 'utf8').digest('hex'), name: 'Districts',
  });
  await knex('credit_check_keys').insert({ kid: 'migration-test', public_jwk: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'AA' }) });
  const checkId = randomUUID();
  await knex('credit_checks').insert({
    id: checkId, issued_at: new Date(), consumer_id: 'bidding-system', consumer_name: '深圳市公共资源交易中心招标系统', purpose: 'BIDDING',
    reference: 'E4403052026000100', as_of: new Date(), input: JSON.stringify({}), result: JSON.stringify({}), kid: 'migration-test', jws: 'x.y.z', overall_verdict: 'PASS',
  });
  await knex('credit_check_feedback').insert({ check_id: checkId, subject_uscc: record.subject_uscc, usage: 'NO_ACTION', consumer_id: 'bidding-system' });
  const [batch] = await knex('ingestion_batches').insert({
    source_unit_uscc: record.source_unit_uscc, channel: 'CLI', format: 'CSV', total: 1, accepted: 0, updated: 0, unchanged: 0, rejected: 1,
  }).returning('id');
  await knex('data_quality_issues').insert({
    batch_id: (batch as { id: string }).id, row_number: 1, source_unit_uscc: record.source_unit_uscc, record_authority: record.source_unit_uscc,
    record_document_number: '测-1', field: 'CF_XDR_SHXYM', value: 'x', reason: 'check digit', issue_kind: 'CHECKSUM',
  });
  const [objection] = await knex('objections').insert({
    record_id: record.id, subject_uscc: record.subject_uscc, ground: 'ERROR_OR_OMISSION', statement: '金额有误', filed_by: 'weijing-objections',
    filed_as: 'SELF', state: 'ACCEPTED', previous_record_status: record.status, accepted_on: '2026-11-02', check_due: '2026-11-04',
  }).returning('id');
  await knex('repair_applications').insert({
    record_id: record.id, subject_uscc: record.subject_uscc, statement: '已履行', obligations_performed: true, commitment_given: true,
    applied_by: 'weijing-objections', state: 'SUBMITTED', applied_on: '2026-11-02', decision_due: '2026-11-05',
  });
  await knex('deadline_changes').insert({
    procedure: 'OBJECTION', procedure_id: (objection as { id: string }).id, deadline: 'CHECK', old_due: '2026-11-04', new_due: '2026-11-05',
    old_provisional: true, new_provisional: false, reason: 'official notice added',
  });
  await knex('holiday_calendars').insert({ year: 2099, source: 'migration test', days: JSON.stringify([]) });
  await knex('government_commitments').insert({
    body_uscc: body, kind: 'POLICY_PROMISE', title: '落户奖励', promised_on: '2026-01-05', due_on: '2026-06-30', recorded_by: 'credit-office',
  });
  const [enforcement] = await knex('enforcement_cases').insert({ case_number: '(2026)粤0305执测1号', body_uscc: body, filed_on: '2026-03-01', recorded_by: 'credit-office' }).returning('id');
  await knex('enforcement_interviews').insert({ case_id: (enforcement as { id: string }).id, held_on: '2026-04-01', interviewer: '市信用办', summary: '约谈' });
  const [complaint] = await knex('integrity_complaints').insert({ body_uscc: body, channel: 'HOTLINE_12345', content: '拖欠款项', received_on: '2026-05-01' }).returning('id');
  await knex('integrity_measures').insert({
    subject_uscc: body, kind: 'RECTIFICATION_ORDER', rule_version: 'MEASURES-2026', legal_basis: '指导意见 三.4', reason: '拖欠款项', imposed_on: '2026-05-10',
    deadline_working_days: 20, due_on: '2026-06-08', complaint_id: (complaint as { id: string }).id, imposed_by: 'credit-office',
  });
  const eligibilityId = randomUUID();
  await knex('eligibility_checks').insert({
    id: eligibilityId, issued_at: new Date(), consumer_id: 'nanshan-personnel', consumer_name: '南山区委组织部', purpose: 'CADRE_SELECTION', reference: '南组干〔2026〕1号',
    overall_verdict: 'ELIGIBLE', as_of: new Date(), rules_version: 'ELIGIBILITY-2026', result: JSON.stringify({}), kid: 'migration-test', jws: 'x.y.z',
  });
  await knex('eligibility_check_feedback').insert({ check_id: eligibilityId, subject_key: '0', usage: 'NO_ACTION', consumer_id: 'nanshan-personnel' });
  await knex('third_party_evaluations').insert({
    evaluator_id: 'credit-office', evaluator_name: '第三方', body_uscc: body, period: '2026-Q3', rule_version: 'THIRD-PARTY-2026', scores: JSON.stringify([]), overall_score: '90.00', submitted_on: '2026-10-10',
  });
  const [run] = await knex('integrity_evaluation_runs').insert({
    period: '2026-Q3', level: 'DEPARTMENT', rule_version: 'INTEGRITY-EVALUATION-2020', data_as_of: new Date(), computed_by: 'credit-office', unit_count: 1,
  }).returning('id');
  const runId = (run as { id: string }).id;
  await knex('integrity_evaluation_scores').insert({ run_id: runId, unit_code: body, unit_name: '测试单位', bodies: 1, rank: 1, score: '90.00' });
  await knex('integrity_evaluation_indicators').insert({ run_id: runId, unit_code: body, indicator_id: 'DISHONESTY_RECORDS', value: '0', score: '100.00', weight: '1', count: 0 });
  const watchlistId = randomUUID();
  await knex('watchlists').insert({ id: watchlistId, consumer_id: 'credit-office', name: '关注', webhook_url: 'https://example.invalid/hook', webhook_secret: 'ab'.repeat(32) });
  await knex('watchlist_subjects').insert({ watchlist_id: watchlistId, uscc: record.subject_uscc });
  await knex('watch_event_queue').insert({ kind: 'RECORD_ADDED', subject_uscc: record.subject_uscc, record_id: record.id, status: record.status, data: JSON.stringify({}) });
  await knex('watchlist_events').insert({ watchlist_id: watchlistId, sequence: 1, kind: 'RECORD_ADDED', subject_uscc: record.subject_uscc, record_id: record.id, data: JSON.stringify({}), occurred_at: new Date() });
  await knex('watchlist_webhook_outbox').insert({ watchlist_id: watchlistId, sequence: 1 });
}

describe.each(TEST_DATABASES)('migrations on $name', (database) => {
  it('go up, hold a real row in every table, go all the way down leaving no table, and up again', async () => {
    const db = await database.create();
    const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    try {
      await migrateToLatest(knex);
      const { tables } = await listRelations(knex);
      const ours = tables.filter((t) => !KNEX_TABLES.includes(t));
      expect(ours.length).toBeGreaterThan(20);
      await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
      await fillEmptyTables(knex);
      const empty = [];
      for (const table of ours) if ((await count(knex, table)) === 0) empty.push(table);
      expect(empty).toEqual([]);

      // The database, not the code, derives an organisation's kind from its USCC.
      const kinds = await knex('organisations').select('uscc', 'kind');
      for (const { uscc, kind } of kinds) {
        if (uscc.startsWith('11')) expect(kind).toBe('GOVERNMENT_BODY');
        if (uscc.startsWith('91')) expect(kind).toBe('ENTERPRISE');
      }
      // The database files each record under its subject's district (a civil servant's: the employer's).
      const misfiled = await knex('credit_records as r')
        .leftJoin('organisations as o', 'o.uscc', 'r.subject_uscc')
        .leftJoin('civil_servants as cs', 'cs.id', 'r.civil_servant_id')
        .leftJoin('organisations as e', 'e.uscc', 'cs.employer_uscc')
        .whereRaw('r.district_code IS DISTINCT FROM coalesce(o.district_code, e.district_code)')
        .count({ n: '*' });
      expect(Number((misfiled[0] as { n: string }).n)).toBe(0);
      // A record can belong to an organisation or to a civil servant, never to both.
      const org = kinds[0]!.uscc;
      await expect(
        knex('credit_records').insert({
          kind: 'ADMINISTRATIVE_PENALTY', subject_uscc: org, civil_servant_id: (await knex('civil_servants').first('id')).id,
          authority_uscc: org, document_number: 'TEST-1', title: 't', decision_date: '2024-01-01', source_unit_uscc: org,
          catalog_item_code: (await knex('catalog_items').first('code')).code, status: 'IN_PUBLICITY',
        }),
      ).rejects.toThrow(/credit_records_valid/);

      // Every down runs, over the rows: nothing of ours is left, only knex's bookkeeping.
      await rollbackAll(knex);
      expect(await listRelations(knex)).toEqual({ tables: KNEX_TABLES, views: [] });
      await migrateToLatest(knex);
      expect((await listRelations(knex)).tables).toEqual(tables);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  }, 600_000);
});
