import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CHECK_KEYS_PATH } from '../createJwksRoute.js';
import type { CheckPublicKey } from '../../signing/index.js';
import { jwkThumbprint } from '../../signing/index.js';

/** Where the pinned key set lives when CREDIT_CHECK_KEYS_FILE is unset, relative to the working directory. */
export const DEFAULT_PIN_FILE = '.chengxin/credit-check-keys.json';

/** A usage error or a refused source: the CLI exits 2 with the message. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The directory the user ran the command in: npm runs scripts in the package's folder and passes it as INIT_CWD. */
export const workingDirectory = (env: NodeJS.ProcessEnv): string => env.INIT_CWD ?? process.cwd();

/** The pin file: CREDIT_CHECK_KEYS_FILE, else .chengxin/credit-check-keys.json in the working directory. */
export const pinFileOf = (env: NodeJS.ProcessEnv): string => resolve(workingDirectory(env), env.CREDIT_CHECK_KEYS_FILE?.trim() || DEFAULT_PIN_FILE);

const isUrl = (source: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(source);

// A URL the key set may come from: https, or plain http to this machine only (no network in between).
function keySetUrl(source: string): URL {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new CliUsageError(`${source} is not a valid URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new CliUsageError(`refusing the key set at ${source}: fetch it over https:// (plain http:// is accepted only from this machine), or save it once and pass the file`);
  }
  // A hub's base URL stands for its key set.
  if (url.pathname === '/' || url.pathname === '') url.pathname = CHECK_KEYS_PATH;
  return url;
}

/** The Ed25519 keys of a JSON Web Key Set whose kid is their own RFC 7638 thumbprint; throws when there is none. */
export function readKeys(jwks: unknown, source: string): CheckPublicKey[] {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error(`${source} is not a JSON Web Key Set (no "keys" array)`);
  const valid = keys.filter((k: Partial<CheckPublicKey> | null): k is CheckPublicKey =>
    k?.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string' && typeof k.kid === 'string' && jwkThumbprint(k as CheckPublicKey) === k.kid);
  if (valid.length === 0) throw new Error(`${source} holds no Ed25519 key whose kid is its thumbprint`);
  return valid;
}

/** Reads a key set from a file (relative to the working directory) or an https / loopback URL. */
export async function loadKeySet(source: string, env: NodeJS.ProcessEnv): Promise<unknown> {
  if (isUrl(source)) {
    const url = keySetUrl(source);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(readFileSync(resolve(workingDirectory(env), source), 'utf8')) as unknown;
}

/**
 * `--pin <hub URL or key-set file>`: reads the key set once and writes it to the pin file, keeping every key
 * pinned before (a rotation adds keys; a key once pinned is never dropped by re-pinning). Returns the lines to print.
 */
export async function pinKeySet(source: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const fetched = readKeys(await loadKeySet(source, env), source);
  const file = pinFileOf(env);
  const before = existsSync(file) ? readKeys(JSON.parse(readFileSync(file, 'utf8')) as unknown, file) : [];
  const known = new Set(before.map((k) => k.kid));
  const added = fetched.filter((k) => !known.has(k.kid));
  const keys = [...before, ...added];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ pinnedFrom: source, pinnedAt: new Date().toISOString(), keys }, null, 2)}\n`);
  return [
    `pinned ${keys.length} key${keys.length === 1 ? '' : 's'} in ${file} (${added.length} new from ${source}):`,
    ...keys.map((k) => `  ${k.kid}${known.has(k.kid) ? '' : ' (new)'}`),
    'Confirm these key ids with the credit office; checks are verified against this file from now on, with or without the hub.',
  ];
}

/**
 * The key set to verify against and how it was chosen: `--jwks` (a file or URL named on the command line),
 * else CREDIT_CHECK_JWKS (the key set's JSON itself, or a file), else the pin file. Never the check itself.
 * Throws CliUsageError saying how to pin when there is none.
 */
export async function chooseKeySet(jwksOption: string | null, env: NodeJS.ProcessEnv): Promise<{ jwks: unknown; source: string; pinned: boolean }> {
  if (jwksOption !== null) return { jwks: await loadKeySet(jwksOption, env), source: jwksOption, pinned: !isUrl(jwksOption) };
  const fromEnv = env.CREDIT_CHECK_JWKS?.trim();
  if (fromEnv) {
    if (fromEnv.startsWith('{')) return { jwks: JSON.parse(fromEnv) as unknown, source: 'CREDIT_CHECK_JWKS', pinned: true };
    if (isUrl(fromEnv)) throw new CliUsageError('CREDIT_CHECK_JWKS must hold the key set or name a file, not a URL: pin the hub\'s keys once with npm run verify-check -- --pin <hub URL>');
    return { jwks: await loadKeySet(fromEnv, env), source: fromEnv, pinned: true };
  }
  const file = pinFileOf(env);
  if (!existsSync(file)) {
    throw new CliUsageError(`no pinned key set at ${file}: pin the hub's keys once with\n  npm run verify-check -- --pin https://<hub>/   (or a saved /.well-known/credit-check-keys file)\nor set CREDIT_CHECK_JWKS to the key set (CREDIT_CHECK_KEYS_FILE moves the pin file)`);
  }
  return { jwks: JSON.parse(readFileSync(file, 'utf8')) as unknown, source: file, pinned: true };
}
