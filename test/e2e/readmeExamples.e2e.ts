import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers, TEST_CONSUMERS } from '../support/createTestConsumers.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// The README is the first manual users read: its GraphQL examples must run on the sample data.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const REJECTING_RULES = (JSON.parse(readFileSync(new URL('../../src/workflows/creditChecks/rules/check-rules.json', import.meta.url), 'utf8')) as
  { rules: { id: string; effect: string }[] }).rules.filter((r) => r.effect === 'REJECT').map((r) => r.id);
// A block preceded by `<!-- as: <consumer id> <PURPOSE> -->` runs as that consumer (support/createTestConsumers.ts).
const examples = [...readme.matchAll(/(?:<!-- as: ([a-z-]+) ([A-Z_]+) -->\n)?```graphql\n([\s\S]*?)```/g)]
  .map((m) => ({ as: m[1] ? { consumer: m[1], purpose: m[2]! } : null, query: m[3]! }));

describe('README examples', () => {
  let hub: TestHub;
  let keys: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(TEST_DATABASES[0]!);
    const byName = await createTestConsumers(hub.hub.knex);
    keys = Object.fromEntries(Object.entries(TEST_CONSUMERS).map(([name, c]) => [c.id, byName[name as keyof typeof TEST_CONSUMERS]]));
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i runs without errors and finds data', async (_n, { as, query }) => {
    const headers = as ? asConsumer(keys[as.consumer]!, as.purpose) : {};
    const { status, body } = await hub.query(query, undefined, headers);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    // Every example finds something: no empty connection and no null subject.
    expect(JSON.stringify(body.data)).not.toMatch(/"totalCount":0|"subject":null/);
  });

  it('the bidding journey: the README tender check rejects with its reason, and the verify-check commands it shows verify the check', async () => {
    const tenderCheck = examples.find((e) => e.query.includes('runCreditCheck(input: { purpose: BIDDING, tenderCode:'))!;
    const { body } = await hub.query<{ runCreditCheck: { overallVerdict: string; signedResult: string; subjects: { role: string; verdict: string; decidingRule: { id: string }; evidence: { effect: string }[] }[] } }>(
      tenderCheck.query, undefined, asConsumer(keys[tenderCheck.as!.consumer]!, tenderCheck.as!.purpose));
    const check = body.data!.runCreditCheck;
    expect(check.overallVerdict).toBe('REJECT');
    const rejected = check.subjects.filter((s) => s.verdict === 'REJECT');
    expect(rejected.length).toBeGreaterThan(0);
    // Each rejected party is decided by a rejecting rule of check-rules.json (which one follows from its records, see
    // test/e2e/tenderChecks.e2e.ts) and shows the rejecting records.
    expect(rejected.map((s) => REJECTING_RULES.includes(s.decidingRule.id) && s.evidence.some((e) => e.effect === 'REJECT'))).toEqual(rejected.map(() => true));
    expect(new Set(check.subjects.map((s) => s.role))).toEqual(new Set(['TENDERER', 'TENDER_AGENT', 'SUPPLIER', 'CONSORTIUM_LEADER', 'CONSORTIUM_MEMBER']));

    // The README's commands, with its example hub address replaced by this hub, run in a bid committee's folder.
    const commands = /```sh\n(npm run verify-check -- --pin [\s\S]*?)```/.exec(readme)![1]!.trim().split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm run verify-check -- --pin https://hub.example.gov.cn/', 'npm run verify-check -- check.jws']);
    const dir = mkdtempSync(join(tmpdir(), 'readme-verify-'));
    writeFileSync(join(dir, 'check.jws'), check.signedResult);
    const env = { ...process.env, CREDIT_CHECK_JWKS: '', CREDIT_CHECK_KEYS_FILE: '', CREDIT_CHECK_KEY_PINS: '' };
    let output = '';
    for (const command of commands) {
      const args = command.replace('https://hub.example.gov.cn/', `${hub.hub.url}/`).split(/\s+/).slice(2);
      ({ stdout: output } = await promisify(execFile)('npm', ['--prefix', new URL('../..', import.meta.url).pathname, '--silent', 'run', ...args], { cwd: dir, env }));
    }
    expect(output).toMatch(/^OK: signature valid \(key [A-Za-z0-9_-]{43}, key set .*\.chengxin\/credit-check-keys\.json\)$/m);
  }, 120_000);
});
