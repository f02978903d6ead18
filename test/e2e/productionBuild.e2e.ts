import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const FIRST_EXAMPLE = /```graphql\n([\s\S]*?)```/.exec(readme)![1]!;

// Refuses, inside the hub process, any module that is TypeScript source or the tsx loader.
const REFUSE_TYPESCRIPT = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/\\.[cm]?ts$/.test(new URL(result.url).pathname) || result.url.includes('/node_modules/tsx/')) {
    throw new Error('TypeScript tooling loaded at run time: ' + result.url);
  }
  return result;
}
`;

/**
 * Builds like `npm run build` (the same tsconfig.build.json and asset step) into a temporary folder, then
 * runs the compiled hub with plain node. Type checking is `npm test`'s own first step, so the build here
 * only emits (`--noCheck`), which keeps the test quick.
 */
describe('the production build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chengxin-build-'));
    // What a deployment has next to dist/: the package manifest (ES modules) and the installed dependencies.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'refuseTypeScript.mjs'), REFUSE_TYPESCRIPT);
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./refuseTypeScript.mjs', import.meta.url);\n");
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', join(dir, 'dist'), '--noCheck'], { cwd: ROOT });
    await run(process.execPath, [join(dir, 'dist', 'src', 'hub', 'copyBuildAssets.js')], { cwd: ROOT });
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with plain node, no TypeScript loaded, and answers the README\'s first query', async () => {
    const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', PGLITE_DIR: '', PORT: '0', DEMO_CONSUMERS: 'false' };
    const child = spawn(process.execPath, ['--import', join(dir, 'register.mjs'), join(dir, 'dist', 'src', 'hub', 'main.js')], { cwd: dir, env });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let output = '';
    const graphql = await new Promise<string>((ready, fail) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.includes('"msg":"hub ready"'));
        if (line) ready((JSON.parse(line) as { graphql: string }).graphql);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      void exited.then(() => fail(new Error(`the compiled hub exited before it was ready:\n${output}`)));
    });
    const response = await fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FIRST_EXAMPLE }) });
    const body = (await response.json()) as { data?: { creditRecords: { totalCount: number; edges: unknown[] } }; errors?: unknown };
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).not.toContain('TypeScript tooling loaded');
    expect([response.status, body.errors]).toEqual([200, undefined]);
    expect(body.data?.creditRecords.totalCount).toBeGreaterThan(1000);
    expect(body.data?.creditRecords.edges).toHaveLength(5);
  }, 300_000);
});
