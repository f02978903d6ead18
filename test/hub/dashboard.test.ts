import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardRoutes, DASHBOARD_TITLE } from '../../src/hub/dashboard/createDashboardRoutes.js';
import { readDashboardDocuments } from '../../src/hub/dashboard/dashboardDocuments.js';
import { hashDocument } from '../../src/governance/index.js';

// The page's routes and its registry of operations; test/e2e/dashboard.e2e.ts drives the page itself.

let server: Server;
let port: number;

/** node:http request that sends `path` exactly as given (fetch would normalise `..` away). */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const routes = createDashboardRoutes({ graphqlPath: '/graphql', title: DASHBOARD_TITLE });
  server = createServer((req, res) => {
    if (routes(req, res, (req.url ?? '/').split('?')[0] ?? '/')) return;
    res.writeHead(404);
    res.end('not a dashboard route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('the dashboard page', () => {
  it('serves the page with a same-origin CSP, ECharts and its modules from the hub, and the registered texts in its configuration', async () => {
    const page = await get('/dashboard');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts).toEqual([
      ' type="application/json" id="dashboard-config"',
      expect.stringMatching(/^ src="\/dashboard\/assets\/echarts\.min\.js\?v=[0-9a-f]{16}"$/),
      expect.stringMatching(/^ type="module" src="\/dashboard\/assets\/dashboard\.js\?v=[0-9a-f]{16}"$/),
    ]);
    const config = JSON.parse(/<script type="application\/json" id="dashboard-config">(.*?)<\/script>/s.exec(page.body)![1]!) as { documents: Record<string, string> };
    expect(config.documents).toEqual(Object.fromEntries(readDashboardDocuments().map((d) => [d.name, d.document])));

    const echarts = await get('/dashboard/assets/echarts.min.js');
    expect({ status: echarts.status, type: echarts.headers['content-type'] }).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(echarts.body).toContain('echarts');
    const module = await get('/dashboard/assets/panels/overdueCommitments.js');
    expect({ status: module.status, cache: module.headers['cache-control'] }).toEqual({ status: 200, cache: 'no-cache' });
  });

  it.each(['/dashboard/assets/../createDashboardRoutes.ts', '/dashboard/assets/panels/DashboardDistricts.graphql', '/dashboard/assets/%2e%2e/dashboardDocuments.ts', '/dashboard/nothing'])(
    'gives 404 for %s', async (path) => {
      const res = await get(path);
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: `no dashboard file ${path}\n` });
    });

  it('refuses other methods than GET and HEAD', async () => {
    expect((await get('/dashboard', 'POST')).status).toBe(405);
  });
});

describe('the registry of the page\'s operations', () => {
  it('holds one named query per file, each valid against the committed hub schema, with the hash the trusted-documents check computes', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/hub.graphql', import.meta.url), 'utf8'));
    const documents = readDashboardDocuments();
    expect(documents.map((d) => d.name)).toEqual([
      'DashboardDepartmentRanking', 'DashboardDistrictRanking', 'DashboardDistricts', 'DashboardGovernanceFieldProgress', 'DashboardGovernmentRecordsByMonth',
      'DashboardOverdueCommitments', 'DashboardRecordsByDistrictAndKind', 'DashboardServiceAndApproval',
    ]);
    for (const { name, document, hash } of documents) {
      expect({ name, errors: validate(schema, parse(document)).map((e) => e.message) }).toEqual({ name, errors: [] });
      expect(hash).toBe(hashDocument(document));
    }
  });
});
