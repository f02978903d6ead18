import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { CONSISTENCY_RULES, checkConsistency } from '../../db/seed/checkConsistency.js';
import { loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/idNumberVault.js';
import { TEST_DATABASES } from '../support/databases.js';

// The large set is checked by `npm run db:check-sample` against a database loaded with `npm run db:seed -- --size
// large` (too slow for CI); the small one, which `npm start` loads, here on both databases.
describe.each(TEST_DATABASES)('small sample data is consistent with its rule data on $name', (database) => {
  let knex: Knex;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    await migrateToLatest(knex);
    await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
  });
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('has no fine outside its article, no basis out of force, no wrong body, case number, founding date, party, post or registration', async () => {
    const violations = await checkConsistency(knex);
    expect(violations.map((v) => [v.rule, v.count, v.examples])).toEqual(Object.keys(CONSISTENCY_RULES).map((rule) => [rule, 0, []]));
  });

  it('finds a fine below its article\'s minimum, a half-width case number, a reform body dated 2009 and a misregistered enterprise', async () => {
    const water = await knex('credit_records').where('legal_basis', 'like', '《中华人民共和国水污染防治法》第八十三条%')
      .whereNotNull('fine_amount').first('id') as { id: string };
    const defaulter = await knex('credit_records').where({ kind: 'JUDGMENT_DEFAULTER' }).first('id', 'document_number') as { id: string; document_number: string };
    await knex.transaction(async (trx) => {
      await trx('credit_records').where({ id: water.id }).update({ fine_amount: '0.0600' });
      await trx('credit_records').where({ id: defaulter.id }).update({ document_number: defaulter.document_number.replace('（', '(').replace('）', ')') });
      await trx('organisations').where({ name: '深圳市生态环境局' }).update({ established_on: '2009-08-01' });
      // An enterprise with records, now founded after them, in no industry, registered with the city instead of its branch.
      const penalised = await trx('credit_records').where('subject_uscc', 'like', '91%').orderBy('id').first('subject_uscc') as { subject_uscc: string };
      const cityRegulator = await trx('organisations').where({ name: '深圳市市场监督管理局' }).first('uscc') as { uscc: string };
      await trx('organisations').where({ uscc: penalised.subject_uscc })
        .update({ established_on: '2026-10-31', industry_code: '00', registration_authority_uscc: cityRegulator.uscc });
      const counts = Object.fromEntries((await checkConsistency(trx)).map((v) => [v.rule, v.count]));
      expect(counts).toMatchObject({
        FINE_OUTSIDE_RANGE: 1, CASE_NUMBER_FORMAT: 1, REFORM_BODY_FOUNDED_BEFORE_2019: 1,
        ESTABLISHED_AFTER_FIRST_RECORD: 1, INDUSTRY_DIVISION_UNKNOWN: 1, REGISTRATION_AUTHORITY_WRONG: 1,
      });
      await trx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Error && /rollback/i.test(error.message)) && error !== undefined) throw error;
    });
  });
});
