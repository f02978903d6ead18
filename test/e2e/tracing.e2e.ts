import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constructionApprovalGateway } from '../../gateways/construction-approval/index.js';
import type { RunningSandbox } from '../../gateways/shared/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A test OTLP/HTTP receiver: keeps the spans of every JSON export POSTed to /v1/traces. */
async function startOtlpReceiver(): Promise<{ url: string; spans: ExportedSpan[]; contentTypes: string[]; server: Server }> {
  const spans: ExportedSpan[] = [];
  const contentTypes: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      contentTypes.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
      for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { url: await listen(server), spans, contentTypes, server };
}

/** Forwards to `target` and keeps the headers of each request, as the platform receives them. */
async function startRecordingProxy(target: string): Promise<{ url: string; received: IncomingHttpHeaders[]; server: Server }> {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    received.push(req.headers);
    const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  return { url: await listen(server), received, server };
}

describe('OpenTelemetry traces of a request', () => {
  let hub: TestHub;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    sandbox = await constructionApprovalGateway.startSandbox({ size: 'small', token: 'trace-test-token' });
    proxy = await startRecordingProxy(sandbox.url);
    hub = await startTestHub(TEST_DATABASES[0]!, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, CONSTRUCTION_URL: proxy.url, CONSTRUCTION_TOKEN: sandbox.token });
  });
  afterAll(async () => {
    await hub?.close();
    await Promise.all([receiver && close(receiver.server), proxy && close(proxy.server), sandbox?.stop()]);
  });

  it('exports the request, admission, delegation, SQL and platform spans, and sends traceparent to the platform', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { body } = await hub.query<{ constructionProject: { name: string } | null; creditRecords: { totalCount: number } }>(
      '{ constructionProject(code: "2104-440304-04-03-685863") { name } creditRecords(first: 1) { totalCount } }',
      undefined, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(body.errors).toBeUndefined();
    // Stopping the hub exports what is left.
    await hub.close();
    const spans = receiver.spans.filter((span) => span.traceId === traceId);
    const names = new Set(spans.map((span) => span.name));
    for (const name of ['POST /graphql', 'admission', 'delegate credit', 'delegate CONSTRUCTION_APPROVAL', 'SQL select']) expect(names).toContain(name);
    const server = spans.find((span) => span.name === 'POST /graphql')!;
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    const platformCall = spans.find((span) => span.attributes?.some((a) => a.key === 'chengxin.platform' && a.value.stringValue === 'CONSTRUCTION_APPROVAL'));
    expect(platformCall).toBeDefined();
    // The platform received the trace context of the call's span.
    expect(proxy.received.map((headers) => headers.traceparent)).toContain(`00-${traceId}-${platformCall!.spanId}-01`);
    expect(receiver.contentTypes.every((line) => line.startsWith('POST /v1/traces application/json'))).toBe(true);
  });
});
