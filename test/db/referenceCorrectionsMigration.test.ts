import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../db/connection.js';
import { migrationSource } from '../../db/migrationSource.js';
import { loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/index.js';
import { TEST_DATABASES } from '../support/databases.js';

const FIRST = '20261130000400_reference_corrections';
const LAST = '20261130000410_sme_payments';

// Pending entries are file names (with .ts) or { file }; compare by the 14-digit timestamp.
const pendingName = (entry: unknown): string | undefined => (typeof entry === 'string' ? entry : (entry as { file?: string } | undefined)?.file)?.slice(0, 14);

// Runs pending migrations while `go(name)` holds, so later migrations of other changes stay pending.
async function migrateWhile(knex: Knex, go: (name: string) => boolean): Promise<void> {
  for (;;) {
    const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown[], unknown[]];
    const name = pendingName(pending[0]);
    if (!name || !go(name)) return;
    await knex.migrate.up({ migrationSource });
  }
}

describe.each(TEST_DATABASES)(`migrations ${FIRST} and ${LAST} on $name`, (database) => {
  let knex: Knex;
  let drop: () => Promise<void>;
  let defaulterId: string;
  let paymentId: string;

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    await migrateWhile(knex, (name) => name < FIRST.slice(0, 14));
    await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
    // Make the database look as an older hub left it: no functional areas, the old field names, a
    // defaulter tagged with another field, a payment recorded under the old rules.
    await knex('districts').whereIn('code', ['4403DP', '4403SS']).delete();
    await knex('governance_fields').where({ code: 'COUNTERFEIT_DRUGS' }).update({ name_zh: '假药劣药' });
    const defaulter = await knex('credit_records').where({ kind: 'JUDGMENT_DEFAULTER' }).first('id');
    defaulterId = String(defaulter.id);
    await knex('credit_records').where({ id: defaulterId }).update({ governance_field: 'UNPAID_WAGES' });
    const body = await knex('organisations').where({ kind: 'GOVERNMENT_BODY' }).first('uscc');
    const [payment] = await knex('government_commitments').insert({
      body_uscc: body.uscc, kind: 'PAYMENT', title: '旧付款', amount: '5', promised_on: '2026-01-01', delivered_on: '2026-02-01',
      payment_term_days: 30, due_on: '2026-03-03', recorded_by: 'test',
    }).returning('id');
    paymentId = String((payment as { id: string }).id);
    await migrateWhile(knex, (name) => name <= LAST.slice(0, 14));
  });
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('adds Dapeng and Shenshan as functional areas whose local codes say they are not GB/T 2260 codes, and types every area', async () => {
    const areas = await knex('districts').orderBy('code').select('code', 'area_type', 'local_code');
    expect(areas.filter((a) => a.area_type === 'DISTRICT')).toHaveLength(9);
    expect(areas.filter((a) => a.local_code).map((a) => `${a.code} ${a.area_type}`)).toEqual(['440313 FUNCTIONAL_AREA', '4403DP FUNCTIONAL_AREA', '4403SS FUNCTIONAL_AREA']);
    const dapeng = await knex('districts').where({ code: '4403DP' }).first('name_zh', 'code_note');
    expect(dapeng.name_zh).toBe('大鹏新区');
    expect(dapeng.code_note).toMatch(/not a GB\/T 2260 code/);
  });

  it('renames the fields in the policy wording and puts every defaulter under field 11, refusing any other (guiding opinion 三.5)', async () => {
    expect((await knex('governance_fields').where({ code: 'COUNTERFEIT_DRUGS' }).first('name_zh')).name_zh).toBe('假药问题');
    expect((await knex('credit_records').where({ id: defaulterId }).first('governance_field')).governance_field).toBe('JUDGMENT_NON_ENFORCEMENT');
    await expect(knex('credit_records').where({ id: defaulterId }).update({ governance_field: 'UNPAID_WAGES' })).rejects.toThrow(/credit_records_defaulter_field/);
  });

  it('keeps an old payment: its term now runs from delivery, its SME status unknown, no rule applied', async () => {
    expect(await knex('government_commitments').where({ id: paymentId }).first('term_runs_from', 'counterparty_sme', 'payment_rule', 'payment_term_days'))
      .toEqual({ term_runs_from: 'DELIVERY', counterparty_sme: null, payment_rule: null, payment_term_days: 30 });
  });

  it('goes down cleanly, both of them', async () => {
    const [done] = (await knex.migrate.list({ migrationSource })) as [({ name?: string } | string)[], unknown[]];
    expect(done.slice(-2).map((m) => (typeof m === 'string' ? m : m.name ?? '').slice(0, 14))).toEqual([FIRST.slice(0, 14), LAST.slice(0, 14)]);
    await knex.migrate.down({ migrationSource });
    expect(await knex.schema.hasColumn('government_commitments', 'counterparty_sme')).toBe(false);
    await knex.migrate.down({ migrationSource });
    expect(await knex.schema.hasColumn('districts', 'area_type')).toBe(false);
    expect(Number(((await knex('districts').whereIn('code', ['4403DP', '4403SS']).count({ n: '*' })) as [{ n: string }])[0].n)).toBe(0);
    expect((await knex('governance_fields').where({ code: 'COUNTERFEIT_DRUGS' }).first('name_zh')).name_zh).toBe('假药劣药');
  });
});
