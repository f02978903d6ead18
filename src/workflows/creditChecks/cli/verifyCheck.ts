/**
 * Verifies a saved credit check offline: `npm run verify-check -- <file> [--jwks <file or URL>] [--pin <kid>,…]`.
 *
 * <file> holds the JWS (the `signedResult` of runCreditCheck or creditCheck), or a saved GraphQL answer (JSON)
 * that contains a `signedResult`. The key set is the JSON saved from the hub's /.well-known/credit-check-keys,
 * or its URL — `https://` only (plain `http://` only to this machine: localhost, 127.0.0.0/8, ::1, where no
 * network sits between); without --jwks, the environment variable CREDIT_CHECK_JWKS names it. `--pin` (or
 * CREDIT_CHECK_KEY_PINS) lists the key ids (RFC 7638 thumbprints) the signature must be made with; without a
 * pin, whoever can serve or edit the key set can make any check verify, so a warning says so. Prints the
 * payload and OK, exit 0; or why the check does not verify, exit 1. Exit 2 for wrong usage or a refused source.
 */
import { readFileSync } from 'node:fs';
import { verifyCheckJws } from '../signing/verifyCheckJws.js';

const USAGE = 'usage: npm run verify-check -- <file> [--jwks <file or https URL>] [--pin <kid>[,<kid>…]]';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

// Why a key-set source is refused (a URL that is neither https nor http to this machine), or null.
function keySetSourceProblem(source: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return null;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return `${source} is not a valid URL`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return null;
  return `refusing the key set at ${source}: fetch it over https:// (plain http:// is accepted only from this machine), or save it once and pass the file`;
}

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
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(readFileSync(source, 'utf8')) as unknown;
}

// The value of `--name <value>`, and the arguments without that pair; null value when absent.
function takeOption(args: string[], name: string): { value: string | null | undefined; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { value: null, rest: args };
  return { value: args[at + 1], rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

async function main(argv: string[]): Promise<number> {
  const jwksOption = takeOption(argv, '--jwks');
  const pinOption = takeOption(jwksOption.rest, '--pin');
  const files = pinOption.rest;
  if (files.length !== 1 || jwksOption.value === undefined || pinOption.value === undefined) {
    console.error(USAGE);
    return 2;
  }
  const jwksSource = jwksOption.value ?? process.env.CREDIT_CHECK_JWKS;
  if (!jwksSource) {
    console.error(`no key set: pass --jwks <file or URL> (the hub's /.well-known/credit-check-keys, saved) or set CREDIT_CHECK_JWKS\n${USAGE}`);
    return 2;
  }
  const sourceProblem = keySetSourceProblem(jwksSource);
  if (sourceProblem) {
    console.error(sourceProblem);
    return 2;
  }
  const pins = (pinOption.value ?? process.env.CREDIT_CHECK_KEY_PINS ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
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
  if (pins.length > 0 && !pins.includes(verification.kid)) {
    console.error(`FAILED: signed with key ${verification.kid}, which is not pinned (pinned: ${pins.join(', ')}); the key set may have been replaced`);
    return 1;
  }
  if (pins.length === 0) {
    console.error(`WARNING: the key set is not pinned: anyone who can serve or edit ${jwksSource} can make a check verify. Pin the hub's key: --pin ${verification.kid} (or CREDIT_CHECK_KEY_PINS), after confirming it with the credit office`);
  }
  console.log(JSON.stringify(verification.payload, null, 2));
  console.log(`OK: signature valid (key ${verification.kid}${pins.length > 0 ? ', pinned' : ''})`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
