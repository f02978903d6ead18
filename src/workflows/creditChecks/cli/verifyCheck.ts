/**
 * Verifies a saved credit check offline, against a key set pinned once — never one taken from the check:
 *
 *   npm run verify-check -- --pin <hub URL or key-set file>   pin the hub's key set (.chengxin/credit-check-keys.json,
 *                                                              or the file CREDIT_CHECK_KEYS_FILE names); again after a rotation
 *   npm run verify-check -- <file> [--jwks <file or URL>] [--kid <kid>,…]
 *
 * <file> holds the JWS (the `signedResult` of runCreditCheck or creditCheck), or a saved GraphQL answer (JSON) that
 * contains a `signedResult`. The key set is, in this order: `--jwks` (a file, or an https:// URL — plain http://
 * only to this machine — fetched now, so unpinned: a warning says so), CREDIT_CHECK_JWKS (the key set's JSON or a
 * file), the pin file. `--kid` (or CREDIT_CHECK_KEY_PINS) further restricts the key ids the signature may be made
 * with. Prints the payload and OK, exit 0; or why the check does not verify, exit 1. Exit 2 for wrong usage, a
 * missing pin (the message says how to pin) or a refused source. Relative paths are taken from the directory the
 * command was run in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyCheckJws } from '../../signing/index.js';
import { chooseKeySet, CliUsageError, pinKeySet, workingDirectory } from './pinnedKeySet.js';

const USAGE = 'usage: npm run verify-check -- <file> [--jwks <file or https URL>] [--kid <kid>[,<kid>…]]\n       npm run verify-check -- --pin <hub URL or key-set file>';

function findSignedResult(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'signedResult' && typeof inner === 'string') return inner;
    const found = findSignedResult(inner);
    if (found) return found;
  }
  return undefined;
}

function readJws(file: string): string {
  const text = readFileSync(file, 'utf8').trim();
  if (!text.startsWith('{')) return text;
  const found = findSignedResult(JSON.parse(text) as unknown);
  if (!found) throw new Error(`${file} is JSON without a "signedResult"`);
  return found;
}

// The value of `--name <value>`, and the arguments without that pair; null value when absent.
function takeOption(args: string[], name: string): { value: string | null | undefined; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { value: null, rest: args };
  return { value: args[at + 1], rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

async function verify(file: string, jwksOption: string | null, kidOption: string | null, env: NodeJS.ProcessEnv): Promise<number> {
  const { jwks, source, pinned } = await chooseKeySet(jwksOption, env);
  const kids = (kidOption ?? env.CREDIT_CHECK_KEY_PINS ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  let jws: string;
  try {
    jws = readJws(resolve(workingDirectory(env), file));
  } catch (error) {
    console.error(`FAILED: ${(error as Error).message}`);
    return 1;
  }
  const verification = verifyCheckJws(jws, jwks);
  if (!verification.ok) {
    console.error(`FAILED: ${verification.reason} (key set: ${source})`);
    return 1;
  }
  if (kids.length > 0 && !kids.includes(verification.kid)) {
    console.error(`FAILED: signed with key ${verification.kid}, which is not one of the accepted key ids (${kids.join(', ')}); the key set may have been replaced`);
    return 1;
  }
  if (!pinned) {
    console.error(`WARNING: the key set was fetched from ${source} just now, not pinned: anyone who can serve it can make a check verify. Pin it once: npm run verify-check -- --pin ${source}`);
  }
  console.log(JSON.stringify(verification.payload, null, 2));
  console.log(`OK: signature valid (key ${verification.kid}, key set ${source})`);
  return 0;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const pinOption = takeOption(argv, '--pin');
  const jwksOption = takeOption(pinOption.rest, '--jwks');
  const kidOption = takeOption(jwksOption.rest, '--kid');
  const files = kidOption.rest;
  try {
    if (pinOption.value !== null) {
      if (pinOption.value === undefined || files.length > 0 || jwksOption.value !== null || kidOption.value !== null) throw new CliUsageError(USAGE);
      for (const line of await pinKeySet(pinOption.value, env)) console.log(line);
      return 0;
    }
    if (files.length !== 1 || jwksOption.value === undefined || kidOption.value === undefined) throw new CliUsageError(USAGE);
    return await verify(files[0]!, jwksOption.value, kidOption.value, env);
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(error.message);
      return 2;
    }
    console.error(`FAILED: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
