import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../db/connection.js';
import { migrationSource } from '../../db/migrationSource.js';
import { loadSampleData } from '../../db/seed/loadSampleData.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/index.js';
import { documentNumberKey } from '../../src/workflows/ingestion/documentNumberKey.js';
import { TEST_DATABASES } from '../support/databases.js';

const MIGRATION = '20261130000600_source_unit_authorities';

// Spellings of document numbers as source units type them; the database's key and the code's must agree on each.
const SPELLINGS = [
  '深市监罚〔2026〕12号', '深市监罚[2026]12号', '深市监罚［２０２６］１２号', '深市监罚（2026）12号', '深市监罚(2026)12号',
  '深市监罚 【2026】 12号', '深市监罚\u3000〖2026〗12号', '(2026)粤0305执9901号', 'ｓｚ－ａｂ{2026}\t7号', 'abc‐1–2—3', '深公罚字第0001号',
];

describe.each(TEST_DATABASES)(`migration ${MIGRATION} on $name`, (database) => {
  let knex: Knex;
  let drop: () => Promise<void>;
  let template: Record<string, unknown>;

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
    const { id: _id, created_at: _c, updated_at: _u, district_code: _d, document_number_key: _k, ...row } = await knex('credit_records').where({ kind: 'ADMINISTRATIVE_PENALTY' }).first();
    template = row;
  });
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('registers every unit for the authorities of the records it already reported', async () => {
    const reported = await knex('credit_records').distinct('source_unit_uscc', 'authority_uscc').orderBy(['source_unit_uscc', 'authority_uscc']);
    const registered = await knex('source_unit_authorities').select('source_unit_uscc', 'authority_uscc').orderBy(['source_unit_uscc', 'authority_uscc']);
    expect(registered).toEqual(reported);
    expect(registered.length).toBeGreaterThan(20);
  });

  it('keys every record in canonical form, the same as the code computes', async () => {
    const authority = template.authority_uscc as string;
    const keys: string[] = [];
    for (const [i, spelling] of SPELLINGS.entries()) {
      const [row] = await knex('credit_records').insert({ ...template, document_number: `${spelling}-${i}` }).returning(['document_number_key']);
      keys.push((row as { document_number_key: string }).document_number_key);
    }
    expect(keys).toEqual(SPELLINGS.map((s, i) => documentNumberKey(`${s}-${i}`)));
    expect(documentNumberKey('深市监罚 ［２０２６］ （１２）号')).toBe('深市监罚〔2026〕〔12〕号');
    await expect(knex('credit_records').insert({ ...template, authority_uscc: authority, document_number: '深市监罚 (2026) 12号-0' }))
      .rejects.toThrow(/credit_records_authority_document_key_idx/);
    // The database sets the key whatever a writer sends, and again when the number is corrected.
    const [copied] = await knex('credit_records').insert({ ...template, document_number: 'x (1)', document_number_key: 'forged' }).returning(['id', 'document_number_key']);
    expect(copied.document_number_key).toBe('X〔1〕');
    const [renumbered] = await knex('credit_records').where({ id: copied.id }).update({ document_number: 'y [2]' }).returning(['document_number_key']);
    expect(renumbered.document_number_key).toBe('Y〔2〕');
  });

  it('goes down cleanly and up again', async () => {
    await knex.migrate.down({ migrationSource });
    expect(await knex.schema.hasTable('source_unit_authorities')).toBe(false);
    expect(await knex.schema.hasColumn('credit_records', 'document_number_key')).toBe(false);
    expect(await knex.schema.hasColumn('data_quality_issues', 'issue_kind')).toBe(false);
    await knex.migrate.up({ migrationSource });
    expect(await knex.schema.hasColumn('credit_records', 'document_number_key')).toBe(true);
  });

  it('refuses to migrate, naming them, when records already collide under the key', async () => {
    await knex.migrate.down({ migrationSource });
    await knex('credit_records').insert({ ...template, document_number: '深市监罚〔2026〕88号' });
    await knex('credit_records').insert({ ...template, document_number: '深市监罚[2026]88号' });
    await expect(knex.migrate.up({ migrationSource })).rejects.toThrow(/differ only in brackets, spaces or width[\s\S]*深市监罚〔2026〕88号: \d+ 深市监罚〔2026〕88号; \d+ 深市监罚\[2026\]88号/);
  });
});
