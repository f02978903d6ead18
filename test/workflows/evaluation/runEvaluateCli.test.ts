import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../src/codes/index.js';
import { runEvaluateCli } from '../../../src/workflows/evaluation/index.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../governance/migratedDatabase.js';
import { TEST_DATABASES } from '../../support/databases.js';

const BODY = makeUscc('11', '440300', 'TF000001');
const noFigures = { figuresOf: async (usccs: readonly string[]) => new Map(usccs.map((u) => [u, { service: null, approval: null }])) };

describe('npm run evaluate', () => {
  let db: MigratedDatabase;
  const out: string[] = [];
  const err: string[] = [];
  const io = () => ({ stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), knex: db.knex, platforms: noFigures, today: () => '2026-11-30' });
  beforeAll(async () => {
    db = await createMigratedDatabase(TEST_DATABASES[0]!);
    await db.knex('organisations').insert({ uscc: BODY, name: '南山测试局', district_code: '440305' });
  });
  afterAll(async () => db?.close());

  it('computes and stores both levels of a period and prints each run', async () => {
    expect(await runEvaluateCli(['--period', '2026-Q3'], io())).toBe(0);
    const printed = JSON.parse(out.join('')) as { level: string; units: number; top: { rank: number; score: string; code: string }[] }[];
    expect(printed.map((r) => [r.level, r.units, r.top])).toEqual([
      ['DEPARTMENT', 1, [{ rank: 1, score: '100.00', code: BODY, name: '南山测试局' }]],
      ['DISTRICT', 1, [{ rank: 1, score: '100.00', code: '440305', name: '南山区' }]],
    ]);
  });

  it.each([
    [['--level', 'DEPARTMENT'], 2, '--period is required'],
    [['--period', '2026-Q3', '--level', 'CITY'], 2, '--level must be DEPARTMENT, DISTRICT or ALL, got "CITY"'],
    [['--period', '2026-Q4'], 1, 'evaluation not stored: period: 2026-Q4 ends on 2026-12-31; a period is evaluated once it has ended (today is 2026-11-30) (BAD_USER_INPUT)'],
  ])('%j exits %i: %s', async (argv, code, message) => {
    err.length = 0;
    expect(await runEvaluateCli(argv, io())).toBe(code);
    expect(err.join('')).toContain(message);
  });
});
