import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

const QUERY = JSON.stringify({ query: '{ creditRecords(first: 1) { totalCount } }' });
// Larger than the default maxBodyBytes (1 MiB), and valid JSON all the same.
const OVERSIZED = JSON.stringify({ query: '{ creditRecords(first: 1) { totalCount } }', variables: { padding: 'x'.repeat(2 * 1_048_576) } });

/** POSTs `body` through `agent` and resolves with the status, the Connection header and the parsed body. */
function post(url: string, body: string, agent: http.Agent) {
  return new Promise<{ status: number; connection: string | undefined; body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } }>((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(TEST_DATABASES)('early refusals on $name', (database) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(database);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('answers an oversized body 413 and closes the connection, so the next request on a fresh connection succeeds', async () => {
    const refused = await fetch(`${hub.hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: OVERSIZED });
    expect([refused.status, refused.headers.get('connection'), ((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code])
      .toEqual([413, 'close', 'OPERATION_LIMIT_EXCEEDED']);
    const next = await fetch(`${hub.hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { data: { creditRecords: { totalCount: number } } }).data.creditRecords.totalCount).toBeGreaterThan(0);
  });

  it('marks GraphQL answers as not to be cached by any shared cache (cache-control: no-store)', async () => {
    const answer = await fetch(`${hub.hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
    expect([answer.status, answer.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  it('lets a keep-alive client go on after a 413: its next request is answered', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await post(hub.hub.url, QUERY, agent)).status).toBe(200);
      const refused = await post(hub.hub.url, OVERSIZED, agent);
      expect([refused.status, refused.connection, refused.body.errors?.[0]?.extensions?.code]).toEqual([413, 'close', 'OPERATION_LIMIT_EXCEEDED']);
      const next = await post(hub.hub.url, QUERY, agent);
      expect([next.status, next.body.errors]).toEqual([200, undefined]);
    } finally {
      agent.destroy();
    }
  });
});

describe('SIGTERM', () => {
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let output = '';
  let url = '';
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/main.ts'], {
      cwd: new URL('../../', import.meta.url),
      // A grace period far longer than the test may take: exiting in time means not waiting for it.
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: '', PORT: '0', SEED: 'none', SHUTDOWN_GRACE_MS: '60000' },
    });
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((ready, fail) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.includes('"msg":"hub ready"'));
        if (!line) return;
        url = (JSON.parse(line) as { graphql: string }).graphql.replace(/\/graphql$/, '');
        ready();
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      void exited.then(() => fail(new Error(`the hub exited before it was ready:\n${output}`)));
    });
    // Starting from source under tsx is slow on a busy 2-core machine; only the stop below is the point.
  }, 300_000);
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('stops at once with nothing in flight, an idle keep-alive connection notwithstanding', async () => {
    const agent = new http.Agent({ keepAlive: true });
    expect((await post(url, QUERY, agent)).status).toBe(200);
    // The agent's connection is now idle and kept alive; the hub must not wait for the client to close it.
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    agent.destroy();
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain('timed out');
  }, 15_000);
});
