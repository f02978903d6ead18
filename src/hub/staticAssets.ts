import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A file the hub serves from memory: read once at start, hashed, gzipped on first demand. */
export interface StaticAsset {
  contentType: string;
  body: Buffer;
  /** Short content hash: the ETag and the `?v=` of the links to it. */
  version: string;
  gzipped?: Buffer;
}

/** Where a served name comes from: a file path (resolved when the assets are loaded) and its content type. */
export interface StaticAssetSource {
  name: string;
  file: () => string;
  contentType: string;
}

/** Content type of JavaScript (classic scripts and modules alike). */
export const JS = 'text/javascript; charset=utf-8';
/** Content type of stylesheets. */
export const CSS = 'text/css; charset=utf-8';

const require = createRequire(import.meta.url);

/** The path of `file` inside the installed package `packageName` (throws when it is not installed). */
export function packageFile(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

/**
 * Drops a trailing `sourceMappingURL` comment: the maps are not served, and browser developer tools would
 * otherwise request them and log 404s.
 */
function stripSourceMapComment(text: string): string {
  return text.replace(/\n?(\/\/# sourceMappingURL=\S+|\/\*# sourceMappingURL=\S+ \*\/)\s*$/, '\n');
}

/**
 * Reads every source into memory, keyed by its served name. Throws naming the file when one cannot be read
 * (`what` says whose asset it is), so a missing package fails at start, not on the first visit.
 */
export function loadStaticAssets(sources: readonly StaticAssetSource[], what: string): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const source of sources) {
    const path = source.file();
    let body: Buffer;
    try {
      body = readFileSync(path);
    } catch (error) {
      throw new Error(`${what} asset ${source.name} cannot be read from ${path}: ${(error as Error).message} (run npm ci)`);
    }
    if (source.contentType === JS || source.contentType === CSS) body = Buffer.from(stripSourceMapComment(body.toString('utf8')), 'utf8');
    const version = createHash('sha256').update(body).digest('hex').slice(0, 16);
    assets.set(source.name, { contentType: source.contentType, body, version });
  }
  return assets;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script type="application/json">` element. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A plain-text answer that is never cached (errors, 404, 405). */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Answers a GET or HEAD for `asset`: its ETag (304 when the browser has it), gzip when accepted and worth
 * it, `cache-control` as given (default one day: links carry `?v=<version>`, so an upgrade is seen at once).
 */
export function sendStaticAsset(req: IncomingMessage, res: ServerResponse, asset: StaticAsset, cacheControl = 'public, max-age=86400'): void {
  const etag = `"${asset.version}"`;
  const headers: Record<string, string | number> = {
    'content-type': asset.contentType,
    'cache-control': cacheControl,
    etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = asset.body;
  if (acceptsGzip(req) && asset.body.length > 1024) {
    asset.gzipped ??= gzipSync(asset.body);
    body = asset.gzipped;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
