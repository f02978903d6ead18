import { graphql } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest } from '../../../db/connection.js';
import { makeUscc } from '../../../src/codes/index.js';
import type { IdNumberVault } from '../../../src/credit/index.js';
import { createGovernmentIntegrityWorkflow } from '../../../src/workflows/governmentIntegrity/index.js';
import { TEST_DATABASES } from '../../support/databases.js';

// Enterprise.commitmentsOwed through the workflow's own subschema: a window of each enterprise's promises with
// its count, every enterprise of a level in one batch (two queries, whatever their number).
const BODY = makeUscc('11', '440300', 'CM000001');
const OWED = [makeUscc('91', '440300', 'CM000002'), makeUscc('91', '440300', 'CM000003'), makeUscc('91', '440300', 'CM000004')];
const TODAY = '2026-11-30';

describe.each(TEST_DATABASES)('Enterprise.commitmentsOwed on $name', (database) => {
  let knex: Knex;
  let drop: () => Promise<void>;
  let run: (source: string) => Promise<unknown>;
  const queries: string[] = [];

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    await migrateToLatest(knex);
    await knex('organisations').insert([BODY, ...OWED].map((uscc, i) => ({ uscc, name: `测试单位${i}`, district_code: '440305', established_on: '2010-01-01' })));
    const row = (counterparty: string, title: string, dueOn: string, status = 'PENDING') => ({
      body_uscc: BODY, counterparty_uscc: counterparty, kind: 'CONTRACT', title, promised_on: '2026-01-01', due_on: dueOn, status, fulfilled_on: status === 'FULFILLED' ? dueOn : null, recorded_by: 'test',
    });
    // The first enterprise is owed three promises, the second one, the third none.
    await knex('government_commitments').insert([
      row(OWED[0]!, '厂房租金减免', '2026-12-31'), row(OWED[0]!, '设备补贴', '2026-09-30'), row(OWED[0]!, '人才住房', '2026-03-31', 'FULFILLED'),
      row(OWED[1]!, '道路配套', '2026-10-15'),
    ]);
    const { subschemas } = createGovernmentIntegrityWorkflow({ knex, vault: null as unknown as IdNumberVault, checkSigningKeyPem: null, today: () => TODAY });
    knex.on('query', (q: { sql: string }) => queries.push(q.sql));
    run = async (source) => JSON.parse(JSON.stringify(await graphql({ schema: subschemas[0]!.schema, source, contextValue: {} })));
  });
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('pages each enterprise\'s promises due date first, with its count, days overdue and status filter, in one batch', async () => {
    queries.length = 0;
    const result = await run(`{ _integrityEnterprisesByUscc(usccs: ["${OWED.join('", "')}"]) {
      uscc
      commitmentsOwed(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { title dueOn status overdue daysOverdue } } }
    } }`);
    const node = (title: string, dueOn: string, status: string, daysOverdue: number) => ({ node: { title, dueOn, status, overdue: daysOverdue > 0, daysOverdue } });
    expect(result).toEqual({
      data: {
        _integrityEnterprisesByUscc: [
          { uscc: OWED[0], commitmentsOwed: { totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false }, edges: [node('人才住房', '2026-03-31', 'FULFILLED', 0), node('设备补贴', '2026-09-30', 'PENDING', 61)] } },
          { uscc: OWED[1], commitmentsOwed: { totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false }, edges: [node('道路配套', '2026-10-15', 'PENDING', 46)] } },
          { uscc: OWED[2], commitmentsOwed: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false }, edges: [] } },
        ],
      },
    });
    // One query for the windows and one for the counts, for all three enterprises.
    expect(queries).toHaveLength(2);
  });

  it('reads the next page after a cursor, and only the status asked', async () => {
    const first = await run(`{ _integrityEnterprisesByUscc(usccs: ["${OWED[0]}"]) { commitmentsOwed(first: 2) { pageInfo { endCursor } } } }`) as { data: { _integrityEnterprisesByUscc: { commitmentsOwed: { pageInfo: { endCursor: string } } }[] } };
    const cursor = first.data._integrityEnterprisesByUscc[0]!.commitmentsOwed.pageInfo.endCursor;
    expect(await run(`{ _integrityEnterprisesByUscc(usccs: ["${OWED[0]}"]) {
      next: commitmentsOwed(first: 2, after: "${cursor}") { totalCount pageInfo { hasPreviousPage } edges { node { title } } }
      pending: commitmentsOwed(status: PENDING) { totalCount edges { node { title } } } } }`)).toEqual({
      data: {
        _integrityEnterprisesByUscc: [{
          next: { totalCount: 3, pageInfo: { hasPreviousPage: true }, edges: [{ node: { title: '厂房租金减免' } }] },
          pending: { totalCount: 2, edges: [{ node: { title: '设备补贴' } }, { node: { title: '厂房租金减免' } }] },
        }],
      },
    });
  });

  it.each([
    ['a page over 100', 'first: 101', 'first'],
    ['a cursor of another list', 'after: "bm90LWEtY3Vyc29y"', 'after'],
  ])('refuses %s as bad input naming the argument', async (_what, args, argumentName) => {
    const result = await run(`{ _integrityEnterprisesByUscc(usccs: ["${OWED[0]}"]) { commitmentsOwed(${args}) { totalCount } } }`) as { errors: { extensions: { code: string; argumentName: string } }[] };
    expect(result.errors.map((e) => [e.extensions.code, e.extensions.argumentName])).toEqual([['BAD_USER_INPUT', argumentName]]);
  });
});
