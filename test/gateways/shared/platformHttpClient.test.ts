import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPlatformHttpClient, createSandboxServer, defaultPlatformSettings, readBody, SourceError,
  type PlatformHttpClient, type PlatformSettings, type RunningSandbox,
} from '../../../gateways/shared/index.js';

// A one-endpoint platform: the client's behaviour does not depend on which platform it talks to.
async function startPlatform(): Promise<RunningSandbox> {
  return createSandboxServer({
    platform: 'BIDDING',
    token: 'secret-token',
    errorBody: (status, message) => ({ code: status, msg: message }),
    routes: [{ method: 'GET', pattern: /^\/api\/ping$/, name: 'ping', handle: () => ({ status: 200, body: { code: 200, data: { pong: 'yes' } } }) }],
  });
}

async function failureOf(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

const ping = { method: 'GET', path: '/api/ping', idempotent: true } as const;

describe('platform HTTP client', () => {
  let platform: RunningSandbox;
  let client: PlatformHttpClient;
  const connect = (overrides: Partial<PlatformSettings> = {}) => {
    client?.close();
    client = createPlatformHttpClient({ ...defaultPlatformSettings('BIDDING', platform.url, platform.token), backoffMs: 5, ...overrides });
    return client;
  };

  beforeEach(async () => {
    platform = await startPlatform();
    connect();
  });
  afterEach(async () => {
    client.close();
    await platform.stop();
  });

  it('reads the body, reuses one kept-alive connection and sends the bearer token', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await client.send(ping);
      expect(readBody('BIDDING', response.body!, (b) => b.get('data').get('pong').string())).toBe('yes');
    }
    expect(platform.stats()).toMatchObject({ requests: 5, connections: 1 });
  });

  it('retries a 503 and succeeds when the platform recovers', async () => {
    platform.setFault({ status: 503, times: 2 });
    const response = await client.send(ping);
    expect(response.status).toBe(200);
    expect(platform.stats().requests).toBe(3);
  });

  it('gives up after the bounded retries with SOURCE_UNAVAILABLE naming the platform and the status', async () => {
    platform.setFault({ status: 503 });
    const error = await failureOf(client.send(ping));
    expect(error.extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING', cause: 'answered HTTP 503 (after 3 attempts)' });
    expect(platform.stats().requests).toBe(3);
  });

  it('does not retry a request that is not idempotent', async () => {
    platform.setFault({ status: 503 });
    await failureOf(client.send({ ...ping, idempotent: false }));
    expect(platform.stats().requests).toBe(1);
  });

  it('reports a hanging platform as SOURCE_TIMEOUT after one attempt', async () => {
    connect({ timeoutMs: 200 });
    platform.setFault({ hang: true });
    const error = await failureOf(client.send(ping));
    expect(error.extensions).toMatchObject({ code: 'SOURCE_TIMEOUT', cause: 'no complete answer within 200 ms' });
    expect(platform.stats().requests).toBe(1);
  });

  it.each([
    [{ malformed: true }, /^answered a body that is not JSON/],
    [{ wrongShape: true }, /^unexpected body: body\.data: expected an object, got nothing \(the member is missing\)$/],
  ])('reports %j as SOURCE_BAD_RESPONSE with the reason', async (fault, cause) => {
    platform.setFault(fault);
    const error = await failureOf(client.send(ping).then((r) => readBody('BIDDING', r.body!, (b) => b.get('data').get('pong').string())));
    expect(error.extensions.code).toBe('SOURCE_BAD_RESPONSE');
    expect(error.extensions.cause).toMatch(cause);
  });

  it('reports a stopped platform as SOURCE_UNAVAILABLE', async () => {
    await platform.stop();
    const error = await failureOf(client.send(ping));
    expect(error.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING' });
    expect(String(error.extensions.cause)).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED \(after 3 attempts\)$/);
  });

  it('opens the circuit after consecutive failures, then lets one trial through', async () => {
    // The breaker's clock is the test's: the circuit reopens when the test moves it, not after a real wait.
    let now = 1_000_000;
    connect({ retries: 0, breaker: { failureThreshold: 3, openMs: 300, now: () => now } });
    platform.setFault({ status: 500 });
    for (let i = 0; i < 3; i++) await failureOf(client.send(ping));
    const open = await failureOf(client.send(ping));
    expect(String(open.extensions.cause)).toMatch(/^circuit open after 3 consecutive failures; next attempt after /);
    expect(platform.stats().requests).toBe(3);
    platform.clearFault();
    now += 299;
    expect(String((await failureOf(client.send(ping))).extensions.cause)).toMatch(/^circuit open after 3 consecutive failures/);
    now += 1;
    expect((await client.send(ping)).status).toBe(200);
    expect(platform.stats().requests).toBe(4);
  });

  it('treats refused credentials as unavailable without tripping the circuit', async () => {
    connect({ token: 'wrong', retries: 0, breaker: { failureThreshold: 1, openMs: 60_000 } });
    const error = await failureOf(client.send(ping));
    expect(error.extensions.cause).toBe('answered HTTP 401');
    // With a threshold of one failure, a tripped circuit would refuse the second call without sending it.
    expect((await failureOf(client.send(ping))).extensions.cause).toBe('answered HTTP 401');
  });

  it('makes no request when the platform is switched off', async () => {
    connect({ enabled: false });
    const error = await failureOf(client.send(ping));
    expect(error.extensions.cause).toBe('the public bidding platform (招标投标公共服务平台) is switched off by configuration (BIDDING_ENABLED=false)');
    expect(platform.stats().connections).toBe(0);
  });
});
