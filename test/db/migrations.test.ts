import { describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest, rollbackAll } from '../../db/connection.js';
import { loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/index.js';
import { TEST_DATABASES } from '../support/databases.js';

const TABLES = ['districts', 'governance_fields', 'organisations', 'civil_servants', 'catalog_items', 'credit_records'];

describe.each(TEST_DATABASES)('migrations on $name', (database) => {
  it('go up, hold real rows, go all the way down and up again', async () => {
    const db = await database.create();
    const knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    try {
      await migrateToLatest(knex);
      await loadSampleData(knex, 'small', createIdNumberVault(DEVELOPMENT_DATA_KEY));
      const [{ n }] = (await knex('credit_records').count({ n: '*' })) as [{ n: string }];
      expect(Number(n)).toBeGreaterThan(0);
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
      await rollbackAll(knex);
      for (const table of TABLES) expect(await knex.schema.hasTable(table)).toBe(false);
      await migrateToLatest(knex);
      for (const table of TABLES) expect(await knex.schema.hasTable(table)).toBe(true);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});
