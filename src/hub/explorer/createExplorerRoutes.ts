/**
 * The hub's self-hosted GraphQL explorer (GraphiQL) for investment-promotion teams.
 *
 * The hub runs on government networks without internet access, so the page loads nothing from a CDN or the
 * web: every script, stylesheet and font comes from the hub itself (Apollo's default landing page, which
 * loads Apollo Sandbox from a CDN, stays disabled).
 *
 * What is served, all read once when the routes are created (a missing package fails at start, not on the
 * first visit):
 * - `graphiql@3.9.0` `graphiql.min.js` / `graphiql.min.css`: the last GraphiQL line with a prebuilt UMD
 *   browser bundle. It uses CodeMirror 5 (no web workers, no remote loads) and expects global React and
 *   ReactDOM; its fonts are inlined in the CSS as `data:` URLs. GraphiQL 4 and 5 ship ES modules only and
 *   use Monaco with web workers, which needs a bundler and whose examples load from CDNs.
 * - `react@18.3.1` / `react-dom@18.3.1` `umd/*.production.min.js`: React 19 no longer ships UMD builds.
 * - `graphql-ws@6.4.2` `umd/graphql-ws.min.js` (global `graphqlWs`): the explorer's fetcher runs subscriptions
 *   over a WebSocket to `graphqlPath` with it (the `connect-src 'self'` of the policy covers ws: and wss: of
 *   the same host, CSP Level 3).
 * - `explorer.js` (the bootstrap, so the page needs no inline script), `explorer.css`, `favicon.svg` from
 *   this folder.
 * The versions are pinned exactly in package.json; test/hub/explorer.test.ts checks the served bundles for
 * remote loads, so an upgrade that starts fetching from a CDN fails a test.
 *
 * Routes (only GET and HEAD; other methods get 405):
 * - `/`, `/explorer`, `/explorer/`: the page, with a strict Content-Security-Policy (scripts, styles,
 *   fonts, images and fetches from the hub only; inline styles are allowed because GraphiQL and CodeMirror
 *   set `style` attributes; no inline script).
 * - `/explorer/assets/<name>`: the fixed allow-list above, `cache-control: public, max-age=86400`, an ETag,
 *   gzip when the browser accepts it. The page links them with `?v=<content hash>` so an upgrade is picked
 *   up at once despite the cache.
 * - anything else under `/explorer/`: 404. Names are looked up in a fixed map, never joined to a file path,
 *   so `..` or encoded separators cannot reach other files.
 *
 * The GraphiQL page sends queries as POST JSON to `graphqlPath` (same origin), with the headers the user
 * types in its Headers panel (e.g. `Authorization: Bearer …`, `X-Purpose: …`); headers are not persisted in
 * the browser. The Documentation Explorer is open on first visit: it shows the schema descriptions, which
 * carry the Chinese terms.
 *
 * The assets come from node_modules through `createRequire(...).resolve('<pkg>/package.json')` and from
 * this folder through `import.meta.url`: the hub runs from source with tsx, so `explorer.js`, `explorer.css`
 * and `favicon.svg` must be shipped next to this file if the hub is ever compiled to another folder.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  CSS, escapeHtml, JS, jsonForScriptElement, loadStaticAssets, packageFile, sendStaticAsset, sendText, type StaticAsset, type StaticAssetSource,
} from '../staticAssets.js';
import { EXPLORER_DEFAULT_QUERY } from './defaultQuery.js';

export { EXPLORER_DEFAULT_QUERY } from './defaultQuery.js';

/** The page title the hub uses. */
export const EXPLORER_TITLE = 'Chengxin Hub explorer (诚信 · 公共信用信息查询)';

/** Where the static files are served. */
export const EXPLORER_ASSETS_PREFIX = '/explorer/assets/';

export interface ExplorerOptions {
  /** Same-origin path of the GraphQL endpoint, e.g. `/graphql`. */
  graphqlPath: string;
  /** Page title, e.g. {@link EXPLORER_TITLE}. */
  title: string;
}

/** Handles the request and returns true when the path is one of the explorer's; returns false otherwise. */
export type ExplorerRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

function localFile(file: string): string {
  return fileURLToPath(new URL(`./${file}`, import.meta.url));
}

/** The allow-list: served name → file and content type. Nothing else under /explorer/assets/ is served. */
const ASSET_SOURCES: readonly StaticAssetSource[] = [
  { name: 'react.production.min.js', file: () => packageFile('react', 'umd/react.production.min.js'), contentType: JS },
  { name: 'react-dom.production.min.js', file: () => packageFile('react-dom', 'umd/react-dom.production.min.js'), contentType: JS },
  { name: 'graphiql.min.js', file: () => packageFile('graphiql', 'graphiql.min.js'), contentType: JS },
  { name: 'graphiql.min.css', file: () => packageFile('graphiql', 'graphiql.min.css'), contentType: CSS },
  { name: 'graphql-ws.min.js', file: () => packageFile('graphql-ws', 'umd/graphql-ws.min.js'), contentType: JS },
  { name: 'explorer.js', file: () => localFile('explorer.js'), contentType: JS },
  { name: 'explorer.css', file: () => localFile('explorer.css'), contentType: CSS },
  { name: 'favicon.svg', file: () => localFile('favicon.svg'), contentType: 'image/svg+xml' },
];

/** The page's Content-Security-Policy: everything from the hub's own origin, nothing inline but styles. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL, CodeMirror and the popovers set style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  // GraphiQL's CSS inlines its fonts (Roboto, Fira Code) as data: URLs.
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function renderPage(options: ExplorerOptions, assets: Map<string, StaticAsset>): string {
  const href = (name: string): string => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`explorer asset ${name} is not in the allow-list`);
    return `${EXPLORER_ASSETS_PREFIX}${name}?v=${asset.version}`;
  };
  const config = { graphqlPath: options.graphqlPath, defaultQuery: EXPLORER_DEFAULT_QUERY, storageNamespace: 'chengxin-hub-explorer' };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" type="image/svg+xml" href="${href('favicon.svg')}">
<link rel="stylesheet" href="${href('graphiql.min.css')}">
<link rel="stylesheet" href="${href('explorer.css')}">
</head>
<body>
<header class="hub-header">
<p><strong>Chengxin Hub explorer</strong> — query Shenzhen's public credit information: write a query, press ▶, open the book icon for the documentation.</p>
<p lang="zh-CN"><strong>诚信 · 公共信用信息查询</strong> — 查询深圳市公共信用信息：编写查询，点击 ▶ 运行，点击书本图标查看字段说明。</p>
</header>
<main id="graphiql" class="hub-explorer"><p class="hub-loading">Loading the explorer… 正在加载…</p><noscript><p class="hub-loading">The explorer needs JavaScript. 查询工具需要启用 JavaScript。</p></noscript></main>
<script type="application/json" id="explorer-config">${jsonForScriptElement(config)}</script>
<script src="${href('react.production.min.js')}"></script>
<script src="${href('react-dom.production.min.js')}"></script>
<script src="${href('graphiql.min.js')}"></script>
<script src="${href('graphql-ws.min.js')}"></script>
<script src="${href('explorer.js')}"></script>
</body>
</html>
`;
}

/**
 * The explorer's routes for `createHttpHandler`'s `extraRoutes`: `/`, `/explorer` (the page) and
 * `/explorer/assets/<name>` (its static files). `path` is the request's URL pathname, without the query.
 */
export function createExplorerRoutes(options: ExplorerOptions): ExplorerRoutes {
  if (!options.graphqlPath.startsWith('/') || options.graphqlPath.startsWith('//')) {
    throw new Error(`explorer graphqlPath must be a same-origin path such as /graphql, got ${JSON.stringify(options.graphqlPath)}`);
  }
  const assets = loadStaticAssets(ASSET_SOURCES, 'explorer');
  const page = Buffer.from(renderPage(options, assets), 'utf8');
  const pageHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(page.length),
    'cache-control': 'no-cache',
    'content-security-policy': EXPLORER_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };

  return (req, res, path) => {
    const isPage = path === '/' || path === '/explorer' || path === '/explorer/';
    if (!isPage && !path.startsWith('/explorer/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, `${req.method ?? 'this method'} is not allowed on ${path}; the graph is at ${options.graphqlPath}\n`, { allow: 'GET, HEAD' });
      return true;
    }
    if (isPage) {
      res.writeHead(200, pageHeaders);
      res.end(req.method === 'HEAD' ? undefined : page);
      return true;
    }
    const asset = path.startsWith(EXPLORER_ASSETS_PREFIX) ? assets.get(path.slice(EXPLORER_ASSETS_PREFIX.length)) : undefined;
    if (!asset) {
      sendText(res, 404, `no explorer file ${path}\n`);
      return true;
    }
    sendStaticAsset(req, res, asset);
    return true;
  };
}
