import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngestCli } from '../../../src/workflows/ingestion/cli/runIngestCli.js';
import { formatCsv } from '../../../src/workflows/ingestion/parseCsv.js';
import { TEST_DATABASES } from '../../support/databases.js';
import { createSeededKnex } from '../../support/createTestStore.js';

const SOURCE = '114403000022215361';

describe.each(TEST_DATABASES)('npm run ingest on $name', (database) => {
  let db: Awaited<ReturnType<typeof createSeededKnex>>;
  let dir: string;
  let row: Record<string, string>;
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runIngestCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), openKnex: () => db.knex, today: () => '2026-11-27' });
    return { code, report: out.length ? JSON.parse(out.join('')) : null, stderr: err.join('') };
  };

  beforeAll(async () => {
    db = await createSeededKnex(database);
    dir = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
    const subject = await db.knex('organisations').where('kind', 'ENTERPRISE').orderBy('uscc').first('uscc', 'name');
    row = {
      CF_XDR_MC: subject.name, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: subject.uscc, CF_WSH: '深市监（命令行）罚〔2026〕1号', CF_WFXW: '未按规定公示年度报告',
      CF_YJ: '《企业信息公示暂行条例》第十八条', CF_CFLB: '警告', CF_NR: '警告', CF_JDRQ: '20261120', CF_CFJG: '深圳市市场监督管理局', CF_CFJGDM: SOURCE,
      CF_SJLY: '深圳市市场监督管理局', CF_SJLYDM: SOURCE,
    };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('ingests a CSV file, prints the report as JSON and exits 0', async () => {
    const file = join(dir, 'rows.csv');
    await writeFile(file, formatCsv(Object.keys(row), [row]));
    const { code, report } = await run(['--file', file, '--source-unit', SOURCE]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ sourceUnitUscc: SOURCE, format: 'CSV', counts: { total: 1, accepted: 1, rejected: 0 }, rows: [{ rowNumber: 1, status: 'ACCEPTED', errors: [] }] });
    expect(await db.knex('ingestion_batches').where({ id: report.batchId }).first()).toMatchObject({ channel: 'CLI', consumer_id: null });
  });

  it('exits 1 when a row of a JSON file is rejected, the report naming the field', async () => {
    const file = join(dir, 'rows.json');
    await writeFile(file, JSON.stringify([row, { ...row, CF_WSH: '深市监（命令行）罚〔2026〕2号', CF_JDRQ: '2026-02-30' }]));
    const { code, report } = await run(['--file', file, '--source-unit', SOURCE]);
    expect(code).toBe(1);
    expect(report.counts).toEqual({ total: 2, accepted: 0, updated: 0, unchanged: 1, rejected: 1 });
    expect(report.rows[1].errors).toEqual([{ field: 'CF_JDRQ', message: 'must be a date written YYYY-MM-DD or YYYYMMDD, got "2026-02-30"' }]);
  });

  it.each([
    [['--source-unit', SOURCE], 2, 'error: --file is required'],
    [['--file', 'x.txt', '--source-unit', SOURCE], 2, 'error: --file must end in .csv or .json, got "x.txt"'],
    [['--file', 'x.csv', '--source-unit', '114403000022215362'], 2, 'error: --source-unit must be a USCC: check character should be 1, got 2'],
  ])('refuses %j with exit code %i', async (argv, expected, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(expected);
    expect(stderr).toContain(message);
  });
});
