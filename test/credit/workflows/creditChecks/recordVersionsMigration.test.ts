import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../../../db/connection.js';
import { migrationSource } from '../../../../db/migrationSource.js';
import { loadSampleData } from '../../../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../../../src/credit/index.js';
import { TEST_DATABASES } from '../../../support/databases.js';

const MIGRATION = '20261127001100_credit_checks';

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

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    // Up to the migration before this one, with the sample data loaded as an existing hub would hold it.
    for (;;) {
      const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown[], { file?: string }[] | string[]];
      const next = pending[0];
      const name = typeof next === 'string' ? next : next?.file;
      if (!name || name >= MIGRATION) break;
      await knex.migrate.up({ migrationSource });
    }
    await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
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
    const current = await knex('credit_records').where({ status: 'IN_PUBLICITY' }).first('id', knex.raw(`to_char(decision_date, 'YYYY-MM-DD') as day`));
    expect(await versionsOf(knex, current.id)).toEqual([{ status: 'IN_PUBLICITY', from: `${current.day} 00:00`, to: null }]);
    const repaired = await knex('credit_records').where({ status: 'REPAIRED' }).first('id', knex.raw(`to_char(decision_date, 'YYYY-MM-DD') as day`),
      knex.raw(`to_char(updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as changed`));
    expect(await versionsOf(knex, repaired.id)).toEqual([
      { status: 'IN_PUBLICITY', from: `${repaired.day} 00:00`, to: repaired.changed },
      { status: 'REPAIRED', from: repaired.changed, to: null },
    ]);
  });

  it('from then on the database records every change, and an unrelated update writes no version', async () => {
    const record = await knex('credit_records').where({ status: 'IN_PUBLICITY' }).first('id');
    await knex('credit_records').where({ id: record.id }).update({ title: 'retitled' });
    expect(await versionsOf(knex, record.id)).toHaveLength(1);
    await knex('credit_records').where({ id: record.id }).update({ status: 'WITHDRAWN' });
    expect((await versionsOf(knex, record.id)).map((v) => [v.status, v.to === null])).toEqual([['IN_PUBLICITY', false], ['WITHDRAWN', true]]);
  });

  it('goes down cleanly', async () => {
    await knex.migrate.down({ migrationSource });
    expect(await knex.schema.hasTable('credit_record_versions')).toBe(false);
    expect(await knex.schema.hasTable('credit_checks')).toBe(false);
    await knex('credit_records').where({ status: 'WITHDRAWN' }).update({ status: 'IN_PUBLICITY' });
  });
});
