/**
 * The integrity dashboard page (政务诚信监测) at `/dashboard`, served by the hub with everything it loads.
 *
 * Like the explorer, the page loads nothing from a CDN or the web (government networks without internet
 * access): Apache ECharts' prebuilt `dist/echarts.min.js` (echarts@6.1.0, pinned exactly in package.json)
 * comes from node_modules, the page's own ES modules and stylesheet from `page/`. Every figure on it comes
 * from the GraphQL operations in `page/panels/*.graphql` (`readDashboardDocuments`), POSTed as JSON to the
 * hub's own `graphqlPath` without a key, so the page shows what the public may see; their texts travel in
 * the page's configuration element, so the page can send no other text.
 *
 * Routes (GET and HEAD only; other methods get 405):
 * - `/dashboard`, `/dashboard/`: the page, with a strict Content-Security-Policy (scripts, styles, images and
 *   fetches from the hub only; inline styles allowed because ECharts sets `style` attributes on its tooltip
 *   and canvas; no inline script).
 * - `/dashboard/assets/<name>`: the fixed allow-list built at start (ECharts, every `.js` and `.css` under
 *   `page/`, the explorer's icon), each with an ETag and gzip. ECharts is linked with `?v=<content hash>` and
 *   cached for a day; the page's modules import one another by plain relative paths, so they are served
 *   with `no-cache` (revalidated by ETag) and an upgrade is picked up at once.
 * - anything else under `/dashboard/`: 404. Names are looked up in the map, never joined to a file path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CSS, escapeHtml, JS, jsonForScriptElement, loadStaticAssets, packageFile, sendStaticAsset, sendText, type StaticAsset, type StaticAssetSource,
} from '../staticAssets.js';
import { readDashboardDocuments } from './dashboardDocuments.js';

/** The page title the hub uses. */
export const DASHBOARD_TITLE = 'Chengxin Hub integrity dashboard (诚信 · 政务诚信监测)';

/** Where the page's static files are served. */
export const DASHBOARD_ASSETS_PREFIX = '/dashboard/assets/';

/** The served name of the chart library. */
export const ECHARTS_ASSET = 'echarts.min.js';

export interface DashboardOptions {
  /** Same-origin path of the GraphQL endpoint, e.g. `/graphql`. */
  graphqlPath: string;
  /** Page title, e.g. {@link DASHBOARD_TITLE}. */
  title: string;
}

/** Handles the request and returns true when the path is one of the dashboard's; returns false otherwise. */
export type DashboardRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));

/** The page's own files: every .js and .css under page/, by their path relative to it. */
function listPageFiles(dir = PAGE_DIR, prefix = ''): StaticAssetSource[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((entry): StaticAssetSource[] => {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return listPageFiles(`${dir}${entry.name}/`, `${name}/`);
    if (entry.name.endsWith('.js')) return [{ name, file: () => `${dir}${entry.name}`, contentType: JS }];
    if (entry.name.endsWith('.css')) return [{ name, file: () => `${dir}${entry.name}`, contentType: CSS }];
    return [];
  });
}

function assetSources(): StaticAssetSource[] {
  return [
    { name: ECHARTS_ASSET, file: () => packageFile('echarts', 'dist/echarts.min.js'), contentType: JS },
    { name: 'favicon.svg', file: () => fileURLToPath(new URL('../explorer/favicon.svg', import.meta.url)), contentType: 'image/svg+xml' },
    ...listPageFiles(),
  ];
}

/** The page's Content-Security-Policy: everything from the hub's own origin, nothing inline but styles. */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // ECharts sets style attributes on its containers and tooltips.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function renderPage(options: DashboardOptions, assets: Map<string, StaticAsset>): string {
  const href = (name: string): string => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`dashboard asset ${name} is not in the allow-list`);
    return `${DASHBOARD_ASSETS_PREFIX}${name}?v=${asset.version}`;
  };
  const documents = Object.fromEntries(readDashboardDocuments().map((d) => [d.name, d.document]));
  const config = { graphqlPath: options.graphqlPath, documents };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" type="image/svg+xml" href="${href('favicon.svg')}">
<link rel="stylesheet" href="${href('dashboard.css')}">
</head>
<body data-state="loading">
<header class="dash-header">
<h1>政务诚信监测 <span lang="en">Integrity dashboard</span></h1>
<p>Shenzhen public credit information as the public may see it, from the hub's GraphQL operations. 数据来自本平台公开查询接口。</p>
<label class="dash-select">Area 区域 <select id="district-select" data-testid="district-select" disabled><option value="">深圳市（全市） Shenzhen</option></select></label>
<p class="dash-window" data-testid="window"></p>
</header>
<main id="panels" class="dash-panels"><noscript><p>The dashboard needs JavaScript. 监测页面需要启用 JavaScript。</p></noscript></main>
<script type="application/json" id="dashboard-config">${jsonForScriptElement(config)}</script>
<script src="${href(ECHARTS_ASSET)}"></script>
<script type="module" src="${href('dashboard.js')}"></script>
</body>
</html>
`;
}

/**
 * The dashboard's routes for `createHttpHandler`'s `extraRoutes`: `/dashboard` (the page) and
 * `/dashboard/assets/<name>` (its static files). `path` is the request's URL pathname, without the query.
 * Reads every file at creation, so a missing package or page file fails the hub's start.
 */
export function createDashboardRoutes(options: DashboardOptions): DashboardRoutes {
  if (!options.graphqlPath.startsWith('/') || options.graphqlPath.startsWith('//')) {
    throw new Error(`dashboard graphqlPath must be a same-origin path such as /graphql, got ${JSON.stringify(options.graphqlPath)}`);
  }
  const assets = loadStaticAssets(assetSources(), 'dashboard');
  const page = Buffer.from(renderPage(options, assets), 'utf8');
  const pageHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(page.length),
    'cache-control': 'no-cache',
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };

  return (req, res, path) => {
    const isPage = path === '/dashboard' || path === '/dashboard/';
    if (!isPage && !path.startsWith('/dashboard/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, `${req.method ?? 'this method'} is not allowed on ${path}; the graph is at ${options.graphqlPath}\n`, { allow: 'GET, HEAD' });
      return true;
    }
    if (isPage) {
      res.writeHead(200, pageHeaders);
      res.end(req.method === 'HEAD' ? undefined : page);
      return true;
    }
    const name = path.startsWith(DASHBOARD_ASSETS_PREFIX) ? path.slice(DASHBOARD_ASSETS_PREFIX.length) : '';
    const asset = assets.get(name);
    if (!asset) {
      sendText(res, 404, `no dashboard file ${path}\n`);
      return true;
    }
    // ECharts is linked with ?v=; the page's modules import each other by plain paths, so revalidate them.
    sendStaticAsset(req, res, asset, name === ECHARTS_ASSET || name === 'favicon.svg' ? undefined : 'no-cache');
    return true;
  };
}
