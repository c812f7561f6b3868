import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { SUBMISSION_LIMITS } from '../../src/submissions/submissionLimits.js';
import { queuedCount, startTestService, type TestService } from '../support/testService.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
let svc: TestService;
let port: number;

beforeAll(async () => {
  svc = await startTestService({
    worker: false,
    env: {
      CHALLENGES_DIR: FIXTURES,
      HTTP_CONNECTION_TIMEOUT_MS: '1000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
      HTTP_REQUEST_TIMEOUT_MS: '3000',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_TIMEOUT_CHECK_INTERVAL_MS: '100',
    },
  });
  port = Number(new URL(await svc.app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterAll(async () => svc?.close());

/** A raw socket to the API, with what the server sent and a promise of its closing. */
function connect() {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d) => (received += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { socket, closed, received: () => received, ready: new Promise<void>((resolve) => socket.on('connect', () => resolve())) };
}

/** Resolves true if `p` settles within `ms`, false otherwise. */
const within = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

/** Writes `byte` every 200 ms, so the socket is never idle for the 1 s connection timeout; true if the server closes it within `ms`. */
async function dripUntilClosed(c: ReturnType<typeof connect>, byte: string, ms: number): Promise<boolean> {
  const drip = setInterval(() => !c.socket.destroyed && c.socket.write(byte), 200);
  try {
    return await within(c.closed, ms);
  } finally {
    clearInterval(drip);
  }
}

describe('connection timeouts', () => {
  it('closes idle sockets that never send a byte', async () => {
    const sockets = Array.from({ length: 50 }, connect);
    await Promise.all(sockets.map((s) => s.ready));
    // Generous next to the 1 s timeout: a busy machine may be slow, but an open socket would never close.
    expect(await within(Promise.all(sockets.map((s) => s.closed)), 20_000)).toBe(true);
  });

  it('closes a keep-alive connection left idle after its request', async () => {
    const c = connect();
    await c.ready;
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    expect(await within(c.closed, 15_000)).toBe(true);
    expect(c.received()).toMatch(/^HTTP\/1\.1 200/);
  });

  it('closes a connection that drips its headers (slowloris) once the headers timeout passes', async () => {
    const c = connect();
    await c.ready;
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    expect(await dripUntilClosed(c, 'X', 15_000)).toBe(true);
    expect(c.received()).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('closes a connection that drips its body once the request timeout passes', async () => {
    const c = connect();
    await c.ready;
    c.socket.write(`POST /v1/submissions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${svc.org.key}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
    expect(await dripUntilClosed(c, ' ', 20_000)).toBe(true);
    expect(c.received()).not.toMatch(/^HTTP\/1\.1 202/);
    expect(await queuedCount(svc)).toBe(0);
  });

  it('keeps an event stream open past the idle timeout: its heartbeat, not the timeout, finds dead peers', async () => {
    const submitted = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'sum-python', files: [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }] } });
    expect(submitted.statusCode).toBe(202);
    const c = connect();
    await c.ready;
    c.socket.write(`GET /v1/submissions/${submitted.json().id}/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${svc.org.key}\r\n\r\n`);
    expect(await within(c.closed, 3000)).toBe(false);
    expect(c.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*event: queued/);
    c.socket.destroy();
  });
});

describe('the body limit', () => {
  // The default timeouts: the 1 s idle timeout above could close a socket while a busy machine parses 6 MiB.
  let plain: TestService;
  let plainPort: number;
  beforeAll(async () => {
    plain = await startTestService({ worker: false, env: { CHALLENGES_DIR: FIXTURES } });
    plainPort = Number(new URL(await plain.app.listen({ port: 0, host: '127.0.0.1' })).port);
  });
  afterAll(async () => plain?.close());

  it('accepts the largest valid submission even when every byte is a control character JSON escapes to six', async () => {
    const perFile = SUBMISSION_LIMITS.maxFileBytes;
    const count = Math.floor(SUBMISSION_LIMITS.maxTotalBytes / perFile);
    const files = Array.from({ length: count }, (_, i) => ({ path: `f${i}.py`, content: '\u0001'.repeat(perFile) }));
    const body = JSON.stringify({ challenge: 'sum-python', files });
    expect(body.length).toBeGreaterThan(6 * SUBMISSION_LIMITS.maxTotalBytes);
    const res = await fetch(`http://127.0.0.1:${plainPort}/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${plain.org.key}`, 'content-type': 'application/json' }, body });
    expect(res.status, await res.clone().text()).toBe(202);
    const stored = await plain.rt.store.submissions.get(plain.org.id, ((await res.json()) as { id: string }).id);
    expect(stored!.files.map((f) => f.content.length)).toEqual(files.map(() => perFile));
  });

  it('still refuses a body beyond any valid submission with a 413 problem', async () => {
    const res = await fetch(`http://127.0.0.1:${plainPort}/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${plain.org.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ challenge: 'sum-python', files: [{ path: 'f.py', content: '\u0001'.repeat(8 * SUBMISSION_LIMITS.maxTotalBytes) }] }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('security headers (@fastify/helmet) and /metrics access', () => {
  it('answers /metrics to loopback callers only when no METRICS_TOKEN is set', async () => {
    const local = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('assay_http_request_duration_seconds');
    const remote = await svc.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(401);
    expect(remote.headers['content-type']).toMatch(/problem\+json/);
  });

  it('sets them on API answers too', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});
