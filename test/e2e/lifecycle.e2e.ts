import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js';

const ROOT = new URL('../../', import.meta.url);

/** Runs `npm start`'s entry point with `env`; resolves with its exit code and output when it exits. */
function runHub(env: Record<string, string>, onLine: (line: string, kill: () => void) => void = () => undefined) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: '', PORT: '0', ...env },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line) onLine(line, () => child.kill('SIGTERM'));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the hub process', () => {
  it('stops at start with the reason when the database cannot be reached', async () => {
    const { code, output } = await runHub({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/credit' });
    expect(code).toBe(1);
    expect(output).toContain('cannot reach the database, PostgreSQL at postgres://nobody@127.0.0.1:1/credit');
    expect(output).toContain('ECONNREFUSED');
  });

  it('stops at start naming a bad configuration variable', async () => {
    const { code, output } = await runHub({ PORT: 'eighty' });
    expect(code).toBe(78);
    expect(output).toContain('invalid configuration: PORT: must be a whole number from 0 to 65535, got \\"eighty\\"');
  });

  it('starts with sample data on the embedded default and stops gracefully on SIGTERM', async () => {
    let ready: { graphql: string; startupMs: number } | null = null;
    let answered: unknown = null;
    const { code, output } = await runHub({}, (line, kill) => {
      const entry = JSON.parse(line) as { msg: string; graphql: string; startupMs: number };
      if (entry.msg !== 'hub ready') return;
      ready = entry;
      fetch(entry.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ creditRecords(first: 1) { totalCount } }"}' })
        .then((r) => r.json())
        .then((body) => {
          answered = body;
          kill();
        }, kill);
    });
    expect(ready).not.toBeNull();
    expect((answered as { data: { creditRecords: { totalCount: number } } }).data.creditRecords.totalCount).toBeGreaterThan(1000);
    expect(output).toContain('"msg":"shutting down","signal":"SIGTERM"');
    expect(output).toContain('"msg":"stopped"');
    expect(code).toBe(0);
  });
});

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('a PostgreSQL that goes away while the hub runs', () => {
  let hub: TestHub;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const admin = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    // The test database is created through the admin URL; the hub reaches it only through the proxy.
    hub = await startTestHub({
      name: 'postgres',
      async create() {
        const db = await postgres!.create();
        const viaProxy = new URL(db.url!);
        viaProxy.port = String(proxy.port);
        viaProxy.hostname = '127.0.0.1';
        return { url: viaProxy.toString(), drop: db.drop };
      },
    }, { DB_POOL_MAX: '2' });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await hub?.close();
  });

  it('answers DATABASE_UNAVAILABLE and turns /readyz false, then recovers', async () => {
    expect((await fetch(`${hub.hub.url}/readyz`)).status).toBe(200);
    await proxy.cut();
    // The public's rate limit is counted in the process, so a read that needs no database still answers…
    const platformOnly = await hub.query<{ constructionProject: { name: string } | null }>('{ constructionProject(code: "2104-440304-04-03-685863") { name } }');
    expect(platformOnly.status).toBe(200);
    expect(platformOnly.body.errors).toBeUndefined();
    expect(platformOnly.body.data?.constructionProject?.name).toEqual(expect.any(String));
    // …and a read of the credit store fails on its field.
    const { body } = await hub.query('{ creditRecords(first: 1) { totalCount } }');
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
    const down = await fetch(`${hub.hub.url}/readyz`);
    expect([down.status, await down.json()]).toEqual([503, { status: 'unavailable' }]);
    expect((await fetch(`${hub.hub.url}/healthz`)).status).toBe(200);
    await proxy.restore();
    const again = await hub.query<{ creditRecords: { totalCount: number } }>('{ creditRecords(first: 1) { totalCount } }');
    expect(again.body.errors).toBeUndefined();
    expect((await fetch(`${hub.hub.url}/readyz`)).status).toBe(200);
  });
});
