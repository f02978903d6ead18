import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SampleDataSize } from '../../db/seed/SampleData.js';
import type { Gateway, SandboxStats, SourcePlatform } from '../../gateways/shared/index.js';

/** Where a benchmark's platform sandboxes run: each in a child process of its own, or inside the benchmark. */
export type SandboxPlacement = 'processes' | 'in-process';

/** A platform sandbox as a benchmark uses it, wherever it runs. */
export interface BenchSandbox {
  platform: SourcePlatform;
  url: string;
  token: string;
  /** Requests served since start or the last reset (the sandbox's own count, as `/__sandbox/stats` gives it). */
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

/** Reads BENCH_SANDBOXES (`processes`, the default, or `in-process`); exits with status 2 and the fix otherwise. */
export function readSandboxPlacement(value = process.env.BENCH_SANDBOXES): SandboxPlacement {
  if (value === undefined || value === '' || value === 'processes') return 'processes';
  if (value === 'in-process') return 'in-process';
  console.error(`BENCH_SANDBOXES=${value}: use processes (each sandbox in a child process, the default) or in-process`);
  process.exit(2);
}

const RUNNER = new URL('./runSandbox.ts', import.meta.url).pathname;
const TSX = new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url).pathname;

async function startInChildProcess(gateway: Gateway, size: SampleDataSize, token: string): Promise<BenchSandbox> {
  // stdin stays a pipe so that the child stops by itself when this process ends, however it ends.
  const child = spawn(process.execPath, ['--import', TSX, RUNNER, gateway.platform, size, token], { stdio: ['pipe', 'pipe', 'inherit'] });
  const started = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line) as { url: string; token: string });
    });
    child.once('exit', (code) => reject(new Error(`the ${gateway.platform} sandbox exited with status ${code} before listening`)));
  });
  const admin = async (method: 'GET' | 'DELETE') => {
    const response = await fetch(`${started.url}/__sandbox/stats`, { method });
    if (!response.ok) throw new Error(`${gateway.platform} sandbox stats: HTTP ${response.status}`);
    return (await response.json()) as SandboxStats;
  };
  const exited = new Promise<void>((resolve) => (child.exitCode === null ? child.once('exit', () => resolve()) : resolve()));
  return {
    platform: gateway.platform,
    url: started.url,
    token: started.token,
    stats: () => admin('GET'),
    resetStats: async () => void (await admin('DELETE')),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function startInProcess(gateway: Gateway, size: SampleDataSize, token: string): Promise<BenchSandbox> {
  const sandbox = await gateway.startSandbox({ size, token });
  return {
    platform: sandbox.platform,
    url: sandbox.url,
    token: sandbox.token,
    stats: () => Promise.resolve(sandbox.stats()),
    resetStats: () => Promise.resolve(sandbox.resetStats()),
    stop: () => sandbox.stop(),
  };
}

/**
 * Starts one sandbox of `size` per gateway, in the order given, each in a child process of its own
 * (`processes`: `test/bench/runSandbox.ts` under tsx) or in this process (`in-process`). Logs each one's
 * start time on stderr.
 */
export async function startBenchSandboxes(gateways: readonly Gateway[], size: SampleDataSize, token: string, placement: SandboxPlacement): Promise<BenchSandbox[]> {
  const start = placement === 'processes' ? startInChildProcess : startInProcess;
  const sandboxes: BenchSandbox[] = [];
  for (const gateway of gateways) {
    const started = Date.now();
    sandboxes.push(await start(gateway, size, token));
    console.error(`${gateway.platform} sandbox (${size}, ${placement}) ready in ${Date.now() - started} ms`);
  }
  return sandboxes;
}
