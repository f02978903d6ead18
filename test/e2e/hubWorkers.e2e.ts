import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('HUB_WORKERS=2 on one PostgreSQL', () => {
  it('migrates and seeds once, serves from two processes on one port, sums their metrics and stops on SIGTERM', async () => {
    const db = await postgres!.create();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/main.ts'], {
        cwd: new URL('../../', import.meta.url),
        env: { ...process.env, DATABASE_URL: db.url!, PGLITE_DIR: '', SEED: 'small', DEMO_CONSUMERS: 'false', PORT: '0', METRICS_PORT: '0', HUB_WORKERS: '2', SHUTDOWN_GRACE_MS: '60000' },
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let output = '';
      const lines = () => output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; graphql?: string; metrics?: string; worker?: number });
      await new Promise<void>((ready, fail) => {
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          if (lines().filter((l) => l.msg === 'hub ready').length === 2) ready();
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        void exited.then(() => fail(new Error(`the hub exited before its workers were ready:\n${output}`)));
      });
      const ready = lines().filter((l) => l.msg === 'hub ready');
      expect(new Set(ready.map((l) => l.worker))).toEqual(new Set([1, 2]));
      // node:cluster: both workers listen on the one port the primary holds.
      expect(ready[0]!.graphql).toBe(ready[1]!.graphql);
      expect(lines().filter((l) => l.msg === 'sample data loaded')).toHaveLength(1);
      for (let i = 0; i < 10; i++) {
        const response = await fetch(ready[0]!.graphql!, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query: 'query Count { creditRecords(first: 1) { totalCount } }' }) });
        expect(response.status).toBe(200);
      }
      const metricsUrl = lines().find((l) => l.msg === 'metrics of every worker served')!.metrics!;
      const scrape = await (await fetch(metricsUrl)).text();
      expect(scrape).toContain('chengxin_graphql_requests_total{operation="Count",consumer="(public)",outcome="success",status="200"} 10');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).not.toContain('timed out');
    } finally {
      await db.drop();
    }
  }, 240_000);
});
