import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../../db/connection.js';
import { migrationSource } from '../../../db/migrationSource.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { insertTestRecord } from '../../support/insertTestRecord.js';

const MIGRATION = '20261127001100_credit_checks';
const SCJG = '114403000022215361';
const WEIJING = '91440300MA5E9NHA04';

/** The versions of one record as the migration wrote them, in China Standard Time. */
async function versionsOf(knex: Knex, recordId: string): Promise<{ status: string; from: string; to: string | null }[]> {
  return knex('credit_record_versions').where({ record_id: recordId }).orderBy('valid_from').select(
    'status',
    knex.raw(`to_char(valid_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "from"`),
    knex.raw(`to_char(valid_to AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "to"`),
  );
}

describe.each(TEST_DATABASES)(`migration ${MIGRATION} on $name`, (database) => {
  let knex: Knex;
  let drop: () => Promise<void>;
  let current: string;
  let repaired: string;

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    // Up to the migration before this one, with records as an existing hub would hold them. The suite inserts its
    // own: today's sample generator writes kinds (PARTY_DISCIPLINE) this older schema does not know.
    for (;;) {
      const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown[], { file?: string }[] | string[]];
      const next = pending[0];
      const name = typeof next === 'string' ? next : next?.file;
      if (!name || name >= MIGRATION) break;
      await knex.migrate.up({ migrationSource });
    }
    await knex('organisations').insert([
      { uscc: SCJG, name: '深圳市市场监督管理局', district_code: '440300' },
      { uscc: WEIJING, name: '深圳市维晶科技有限公司', district_code: '440305', legal_representative: '王晶' },
    ]);
    await knex('catalog_items').insert({
      code: 'SZ-CF-SCJG-001', name: 'Market-supervision administrative penalties', name_zh: '市场监管领域行政处罚信息',
      record_kind: 'ADMINISTRATIVE_PENALTY', conduct: '违反市场监管法律法规受到行政处罚的行为', source_unit_uscc: SCJG,
      source_channel: 'PLATFORM_INTERFACE', data_format: 'STRUCTURED', reporting_cycle: 'DAILY', disclosure: 'PUBLIC',
      sharing_class: 'UNCONDITIONAL', retention_years: 5, legal_basis: '《中华人民共和国行政处罚法》第四十八条',
    });
    current = await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2025-09-19', severity: 'GENERAL', fineAmount: '0.09' });
    repaired = await insertTestRecord(knex, { kind: 'ADMINISTRATIVE_PENALTY', subjectUscc: WEIJING, decisionDate: '2025-03-03', severity: 'GENERAL', fineAmount: '0.5', status: 'REPAIRED' });
    // Repaired on 10 June 2025 at 15:30 (CST), the row's last change.
    await knex('credit_records').where({ id: repaired }).update({ updated_at: '2025-06-10T15:30:00+08:00' });
    await knex.migrate.up({ migrationSource });
  });
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('backfills one history per existing record, from its decision date, IN_PUBLICITY until a later change', async () => {
    const [{ n }] = (await knex('credit_records').count({ n: '*' })) as [{ n: string | number }];
    const [{ open }] = (await knex('credit_record_versions').whereNull('valid_to').count({ open: '*' })) as [{ open: string | number }];
    expect(Number(open)).toBe(Number(n));
    expect(Number(n)).toBe(2);
    expect(await versionsOf(knex, current)).toEqual([{ status: 'IN_PUBLICITY', from: '2025-09-19 00:00', to: null }]);
    expect(await versionsOf(knex, repaired)).toEqual([
      { status: 'IN_PUBLICITY', from: '2025-03-03 00:00', to: '2025-06-10 15:30' },
      { status: 'REPAIRED', from: '2025-06-10 15:30', to: null },
    ]);
  });

  it('from then on the database records every change, and an unrelated update writes no version', async () => {
    await knex('credit_records').where({ id: current }).update({ title: 'retitled' });
    expect(await versionsOf(knex, current)).toHaveLength(1);
    await knex('credit_records').where({ id: current }).update({ status: 'WITHDRAWN' });
    expect((await versionsOf(knex, current)).map((v) => [v.status, v.to === null])).toEqual([['IN_PUBLICITY', false], ['WITHDRAWN', true]]);
  });

  it('goes down cleanly', async () => {
    await knex.migrate.down({ migrationSource });
    expect(await knex.schema.hasTable('credit_record_versions')).toBe(false);
    expect(await knex.schema.hasTable('credit_checks')).toBe(false);
    await knex('credit_records').where({ status: 'WITHDRAWN' }).update({ status: 'IN_PUBLICITY' });
  });
});
