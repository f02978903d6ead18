/**
 * Verifies a saved credit check offline: `npm run verify-check -- <file> [--jwks <file or URL>]`.
 *
 * <file> holds the JWS (the `signedResult` of runCreditCheck or creditCheck), or a saved GraphQL answer (JSON)
 * that contains a `signedResult`. The key set is the JSON saved from the hub's /.well-known/credit-check-keys
 * (or its URL); without --jwks, the environment variable CREDIT_CHECK_JWKS names it. Prints the payload and
 * OK, exit 0; or why the check does not verify, exit 1. Exit 2 for wrong usage.
 */
import { readFileSync } from 'node:fs';
import { verifyCheckJws } from '../signing/verifyCheckJws.js';

const USAGE = 'usage: npm run verify-check -- <file> [--jwks <file or URL>]';

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

async function readJwks(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(readFileSync(source, 'utf8')) as unknown;
}

async function main(args: string[]): Promise<number> {
  const at = args.indexOf('--jwks');
  const jwksSource = at >= 0 ? args[at + 1] : process.env.CREDIT_CHECK_JWKS;
  const files = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (files.length !== 1 || (at >= 0 && !args[at + 1])) {
    console.error(USAGE);
    return 2;
  }
  if (!jwksSource) {
    console.error(`no key set: pass --jwks <file or URL> (the hub's /.well-known/credit-check-keys, saved) or set CREDIT_CHECK_JWKS\n${USAGE}`);
    return 2;
  }
  let jws: string;
  let jwks: unknown;
  try {
    jws = readJws(files[0]!);
    jwks = await readJwks(jwksSource);
  } catch (error) {
    console.error(`FAILED: ${(error as Error).message}`);
    return 1;
  }
  const verification = verifyCheckJws(jws, jwks);
  if (!verification.ok) {
    console.error(`FAILED: ${verification.reason}`);
    return 1;
  }
  console.log(JSON.stringify(verification.payload, null, 2));
  console.log(`OK: signature valid (key ${verification.kid})`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
