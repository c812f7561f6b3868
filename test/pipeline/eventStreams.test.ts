import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannel } from '../../src/events/submissionEvent.js';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit } from '../support/submissions.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
const MAX_STREAMS = 3;
let svc: TestService;
let port: number;
let id: string;

beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: FIXTURES, SSE_MAX_PER_CLIENT: String(MAX_STREAMS) } });
  port = Number(new URL(await svc.app.listen({ port: 0, host: '127.0.0.1' })).port);
  // Queued and never run (no worker): its stream stays open until the client goes.
  id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }]);
});
afterAll(async () => svc?.close());

const request = (key = svc.org.key) => `GET /v1/submissions/${id}/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${key}\r\n\r\n`;

/** Opens a stream on a raw socket; resolves once the server sent `until` (or the socket closed). */
function openStream(until: RegExp, key?: string) {
  const socket = net.connect(port, '127.0.0.1', () => socket.write(request(key)));
  socket.on('error', () => undefined);
  let received = '';
  const seen = new Promise<string>((resolve) => {
    socket.on('data', (d) => {
      received += d.toString();
      if (until.test(received)) resolve(received);
    });
    socket.on('close', () => resolve(received));
  });
  return { socket, seen };
}

/** Redis' own count of subscribers to the submission's channel, and every channel of this queue. */
const subscriptions = async () => {
  const [, n] = (await svc.rt.redis.pubsub('NUMSUB', eventChannel(svc.config.queueName, id))) as [string, number];
  const channels = (await svc.rt.redis.pubsub('CHANNELS', `${svc.config.queueName}*`)) as string[];
  return { n: Number(n), channels };
};

async function expectNoSubscriptions(): Promise<void> {
  const until = Date.now() + 10_000;
  let last = await subscriptions();
  while ((last.n !== 0 || last.channels.length !== 0) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    last = await subscriptions();
  }
  expect(last).toEqual({ n: 0, channels: [] });
}

describe('event streams and their Redis subscriptions', () => {
  it('subscribes while a stream is open and unsubscribes when its client goes', async () => {
    const s = openStream(/event: queued/);
    expect(await s.seen).toMatch(/^HTTP\/1\.1 200[\s\S]*event: queued/);
    expect((await subscriptions()).n).toBe(1);
    s.socket.destroy();
    await expectNoSubscriptions();
  });

  it('leaves no subscription behind when clients drop abruptly at any moment, during the subscribe included', async () => {
    // Dropped straight after the request (while it authenticates, reads the snapshot or subscribes),
    // after a few milliseconds, or once the stream is open: 60 times, several at once.
    const drops = Array.from({ length: 60 }, (_, i) => i);
    for (let batch = 0; batch < drops.length; batch += 10) {
      await Promise.all(drops.slice(batch, batch + 10).map(async (i) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
        socket.write(request());
        const mode = i % 3;
        if (mode === 1) await new Promise((r) => setTimeout(r, i % 20));
        if (mode === 2) await new Promise<void>((resolve) => socket.once('data', () => resolve()));
        socket.resetAndDestroy();
      }));
    }
    await expectNoSubscriptions();
  });

  it('caps the streams one client holds open with 429 problem+json, and frees a slot when one closes', async () => {
    // Also shows the drops above gave every slot back.
    const open = Array.from({ length: MAX_STREAMS }, () => openStream(/event: queued/));
    for (const s of open) expect(await s.seen).toMatch(/^HTTP\/1\.1 200/);
    const refused = openStream(/\r\n\r\n[\s\S]*\}/);
    const answer = await refused.seen;
    expect(answer).toMatch(/^HTTP\/1\.1 429/);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/retry-after: \d+/i);
    refused.socket.destroy();
    // Another client is not affected.
    const other = openStream(/event: queued/, await svc.org.keyWith(['results:read']));
    expect(await other.seen).toMatch(/^HTTP\/1\.1 200/);
    other.socket.destroy();
    open[0]!.socket.destroy();
    const until = Date.now() + 10_000;
    let again = '';
    while (Date.now() < until) {
      const s = openStream(/event: queued|\r\n\r\n[\s\S]*\}/);
      again = await s.seen;
      s.socket.destroy();
      if (/^HTTP\/1\.1 200/.test(again)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(again).toMatch(/^HTTP\/1\.1 200/);
    for (const s of open) s.socket.destroy();
    await expectNoSubscriptions();
  });
});
