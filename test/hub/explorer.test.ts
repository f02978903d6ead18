import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createExplorerRoutes,
  EXPLORER_DEFAULT_QUERY,
  EXPLORER_TITLE,
} from '../../src/hub/explorer/createExplorerRoutes.js';
import { LATEST_RECORDS_QUERY, SERIOUS_IN_PUBLICITY_EXAMPLE, SUBJECT_PROFILE_EXAMPLE } from '../../src/hub/explorer/defaultQuery.js';
import { readSchemaFile } from '../../schema/readSchemaFile.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let server: Server;
let port: number;

/** node:http request that sends `path` exactly as given (fetch would normalise `..` away). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const routes = createExplorerRoutes({ graphqlPath: '/graphql', title: EXPLORER_TITLE });
  server = createServer((req, res) => {
    // Like the hub's handler: the routes get the pathname. The raw path (not normalised by URL) is tried
    // first so that traversal attempts reach the routes as sent.
    const raw = (req.url ?? '/').split('?')[0] ?? '/';
    const normalised = new URL(req.url ?? '/', 'http://test.invalid').pathname;
    if (routes(req, res, raw)) return;
    if (normalised !== raw && routes(req, res, normalised)) return;
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not an explorer route"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

function attributeValues(html: string, attribute: 'src' | 'href'): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((match) => match[1] ?? '');
}

/** Hosts that the bundles mention only in licence comments, error texts, XML namespaces and user-clicked links. */
const KNOWN_NON_LOADED_HOSTS = new Set([
  'www.w3.org', // SVG/MathML/XHTML namespace URIs given to createElementNS
  'reactjs.org', // React's error-decoder link in minified error messages
  'github.com', // licence headers, GraphiQL's logo link (replaced by ours) and a React-version error text
  'codemirror.net', // a link in GraphiQL's keyboard-shortcuts dialog
  'commonmark.org', // the description of graphql-js's @specifiedBy / String docs
  'en.wikipedia.org', // the description of the Float scalar in graphql-js
]);

describe('explorer page', () => {
  it('GET / and GET /explorer serve the HTML page with the title and same-origin assets only', async () => {
    for (const path of ['/', '/explorer', '/explorer/']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = res.body.toString('utf8');
      expect(html).toContain('<title>Chengxin Hub explorer (诚信 · 公共信用信息查询)</title>');
      expect(html).toContain('诚信 · 公共信用信息查询');
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/src="\/\/|href="\/\//);
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
      for (const attributes of scripts) {
        // Every script is either an external same-origin file or a JSON data block (never executed).
        expect(attributes).toMatch(/^ src="\/explorer\/assets\/[\w.-]+\?v=[0-9a-f]+"$|^ type="application\/json" id="explorer-config"$/);
      }
      for (const value of [...attributeValues(html, 'src'), ...attributeValues(html, 'href')]) {
        expect(value).toMatch(/^\/explorer\/assets\/[\w.-]+\?v=[0-9a-f]+$/);
      }
      expect(attributeValues(html, 'src')).toHaveLength(5);
    }
  });

  it('has a strict Content-Security-Policy without remote hosts or inline scripts', async () => {
    const res = await get('/');
    const csp = res.headers['content-security-policy'];
    expect(typeof csp).toBe('string');
    const directives = new Map(
      String(csp)
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name ?? '', sources] as const),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of directives.values()) {
      for (const source of sources) expect(source).toMatch(/^'(self|none|unsafe-inline)'$|^data:$/);
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('passes the GraphQL path and a default query that is valid against the hub schema', async () => {
    const html = (await get('/')).body.toString('utf8');
    const json = /<script type="application\/json" id="explorer-config">([^<]*)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    const config = JSON.parse(json ?? '{}') as { graphqlPath: string; defaultQuery: string };
    expect(config.graphqlPath).toBe('/graphql');
    expect(config.defaultQuery).toBe(EXPLORER_DEFAULT_QUERY);

    const schema = buildSchema(readSchemaFile('hub.graphql'));
    // The editor's text as a whole (comments and the live query) and each commented example.
    for (const text of [EXPLORER_DEFAULT_QUERY, LATEST_RECORDS_QUERY, SUBJECT_PROFILE_EXAMPLE, SERIOUS_IN_PUBLICITY_EXAMPLE]) {
      expect(validate(schema, parse(text))).toEqual([]);
    }
    for (const example of [SUBJECT_PROFILE_EXAMPLE, SERIOUS_IN_PUBLICITY_EXAMPLE]) {
      for (const line of example.split('\n')) expect(EXPLORER_DEFAULT_QUERY).toContain(`# ${line}\n`);
    }
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const head = await get('/explorer', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await get('/explorer', { 'content-type': 'application/json' }, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('leaves other paths to the hub', async () => {
    const res = await get('/graphql');
    expect(res.body.toString('utf8')).toBe('{"error":"not an explorer route"}');
  });
});

describe('explorer assets', () => {
  async function referencedAssets(): Promise<string[]> {
    const html = (await get('/')).body.toString('utf8');
    return [...attributeValues(html, 'src'), ...attributeValues(html, 'href')];
  }

  it('serves every asset the page references, with its content type and a one-day cache', async () => {
    const urls = await referencedAssets();
    expect(urls.map((url) => url.split('?')[0]).sort()).toEqual([
      '/explorer/assets/explorer.css',
      '/explorer/assets/explorer.js',
      '/explorer/assets/favicon.svg',
      '/explorer/assets/graphiql.min.css',
      '/explorer/assets/graphiql.min.js',
      '/explorer/assets/graphql-ws.min.js',
      '/explorer/assets/react-dom.production.min.js',
      '/explorer/assets/react.production.min.js',
    ]);
    for (const url of urls) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      const expectedType = url.includes('.js?') ? 'text/javascript; charset=utf-8' : url.includes('.css?') ? 'text/css; charset=utf-8' : 'image/svg+xml';
      expect(res.headers['content-type'], url).toBe(expectedType);
      expect(res.headers['cache-control'], url).toBe('public, max-age=86400');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.body.length, url).toBeGreaterThan(0);
      expect(res.headers['content-length'], url).toBe(String(res.body.length));
    }
  });

  it('serves gzip to browsers that accept it and 304 for a matching ETag', async () => {
    const plain = await get('/explorer/assets/graphiql.min.js');
    const gzipped = await get('/explorer/assets/graphiql.min.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    const refused = await get('/explorer/assets/graphiql.min.js', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const etag = String(plain.headers.etag);
    const again = await get('/explorer/assets/graphiql.min.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it.each([
    '/explorer/assets/unknown.js',
    '/explorer/assets/',
    '/explorer/assets/graphiql.min.js.map',
    '/explorer/assets/../package.json',
    '/explorer/assets/..%2fpackage.json',
    '/explorer/assets/%2e%2e/%2e%2e/package.json',
    '/explorer/assets/../../../../etc/passwd',
    '/explorer/assets/__proto__',
    '/explorer/assets/constructor',
    '/explorer/package.json',
  ])('gives 404 for %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.toString('utf8')).toMatch(/^no explorer file /);
  });

  it('serves JavaScript and CSS that load nothing from outside the hub', async () => {
    const urls = (await referencedAssets()).filter((url) => /\.(js|css)\?/.test(url));
    for (const url of urls) {
      const text = (await get(url)).body.toString('utf8');
      // The CDNs GraphiQL examples and Monaco loaders use: none is mentioned at all, not even in a comment.
      for (const cdn of ['unpkg.com', 'cdn.jsdelivr.net', 'esm.sh', 'cdnjs.cloudflare.com', 'fonts.googleapis.com', 'fonts.gstatic.com', 'skypack']) {
        expect(text, `${url} mentions ${cdn}`).not.toContain(cdn);
      }
      // No code paths that load scripts or workers at run time.
      expect(text, url).not.toMatch(/importScripts\s*\(|new\s+(Shared)?Worker\s*\(|\bimport\s*\(|serviceWorker\.register/);
      // Any absolute URL left is a namespace, a licence or error text, or a link the user may click.
      const hosts = new Set([...text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((match) => (match[1] ?? '').toLowerCase()));
      for (const host of hosts) expect(KNOWN_NON_LOADED_HOSTS.has(host), `${url} mentions ${host}`).toBe(true);
      expect(text, url).not.toContain('sourceMappingURL');
      if (url.includes('.css?')) {
        expect(text, url).not.toMatch(/@import/);
        for (const match of text.matchAll(/url\(\s*['"]?([^'")]*)/g)) expect(match[1], url).toMatch(/^data:/);
      }
    }
  });
});
